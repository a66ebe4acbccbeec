import type { z } from 'zod';
import type {
  completenessResponseSchema,
  createReturnBodySchema,
  dataSetResponseSchema,
  returnCellInputSchema,
  returnDetailSchema,
  returnDiffSchema,
  returnInboxItemSchema,
  ReturnListQuery,
  returnSummarySchema,
  returnVersionSummarySchema,
  ruleResponseSchema,
} from '../../../shared/return-schemas.js';
import type { Language } from '../../../shared/vocabulary.js';
import { apiRequest } from '../../api/api-client.js';

// Types of the GLOTIP returns API, from the shared zod contracts (type-only: no zod at run time).
export type ReturnSummary = z.output<typeof returnSummarySchema>;
export type ReturnDetail = z.output<typeof returnDetailSchema>;
export type ReturnInboxItem = z.output<typeof returnInboxItemSchema>;
export type ReturnDiff = z.output<typeof returnDiffSchema>;
export type ReturnVersionSummary = z.output<typeof returnVersionSummarySchema>;
export type Completeness = z.output<typeof completenessResponseSchema>;
export type DataSet = z.output<typeof dataSetResponseSchema>;
export type Rule = z.output<typeof ruleResponseSchema>;
export type CellInput = z.input<typeof returnCellInputSchema>;
export type CreateReturnBody = z.input<typeof createReturnBodySchema>;
export type ReturnListFilter = Partial<Pick<ReturnListQuery, 'year' | 'organisationId' | 'status'>>;

/** The workflow moves that take a body, and the body each takes. */
export type ReturnMove =
  | { action: 'submit'; warningComments: Record<string, string> }
  | { action: 'return'; comment: string }
  | { action: 'accept' | 'approve' | 'publish'; comment?: string }
  | { action: 'reopen'; reason: string };

interface Items<T> {
  items: T[];
}

const at = (id: string) => encodeURIComponent(id);

/** Query keys of the returns area, so that a write refreshes exactly what it changed. */
export const returnKeys = {
  all: ['returns'] as const,
  lists: ['returns', 'list'] as const,
  list: (filter: ReturnListFilter) => ['returns', 'list', filter] as const,
  detail: (id: string, language: Language) => ['returns', 'detail', id, language] as const,
  details: (id: string) => ['returns', 'detail', id] as const,
  diff: (id: string) => ['returns', 'diff', id] as const,
  inbox: ['returns', 'inbox'] as const,
  completeness: (year: number) => ['returns', 'completeness', year] as const,
  dataSets: ['glotip', 'data-sets'] as const,
};

function bodyOf(move: ReturnMove): Record<string, unknown> {
  switch (move.action) {
    case 'submit':
      return { warningComments: move.warningComments };
    case 'return':
      return { comment: move.comment };
    case 'accept':
    case 'approve':
    case 'publish':
      return move.comment === undefined || move.comment.trim() === ''
        ? {}
        : { comment: move.comment };
    case 'reopen':
      return { reason: move.reason };
  }
}

/** GLOTIP returns: list, detail, cells, workflow, versions, inbox and completeness. */
export const returnApi = {
  list: (filter: ReturnListFilter) =>
    apiRequest<{ items: ReturnSummary[]; total: number }>('/api/returns', {
      query: { ...filter, limit: 500 },
    }),
  create: (body: CreateReturnBody) =>
    apiRequest<ReturnDetail>('/api/returns', { method: 'POST', body }),
  // Rule messages come in the language asked for, so that they match the page's.
  get: (id: string, language: Language) =>
    apiRequest<ReturnDetail>(`/api/returns/${at(id)}`, { query: { lang: language } }),
  saveCells: (id: string, cells: CellInput[]) =>
    apiRequest<ReturnDetail>(`/api/returns/${at(id)}/cells`, { method: 'PUT', body: { cells } }),
  move: (id: string, move: ReturnMove) =>
    apiRequest<ReturnDetail>(`/api/returns/${at(id)}/${move.action}`, {
      method: 'POST',
      body: bodyOf(move),
    }),
  diff: (id: string) => apiRequest<ReturnDiff>(`/api/returns/${at(id)}/diff`),
  versions: async (id: string) =>
    (await apiRequest<Items<ReturnVersionSummary>>(`/api/returns/${at(id)}/versions`)).items,
  inbox: async () => (await apiRequest<Items<ReturnInboxItem>>('/api/returns/inbox')).items,
  completeness: (year: number) =>
    apiRequest<Completeness>('/api/returns/completeness', { query: { year } }),
  dataSets: async () => (await apiRequest<Items<DataSet>>('/api/glotip/data-sets')).items,
};
