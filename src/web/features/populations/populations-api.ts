import type { z } from 'zod';
import type {
  PopulationImportReportView,
  populationImportBodySchema,
  populationListResponseSchema,
} from '../../../shared/population-schemas.js';
import { apiRequest } from '../../api/api-client.js';

// Types of the population API, from the shared zod contracts (type-only: no zod at run time).
export type PopulationList = z.output<typeof populationListResponseSchema>;
export type Population = PopulationList['items'][number];
export type PopulationImportBody = z.input<typeof populationImportBodySchema>;
export type PopulationImportReport = PopulationImportReportView;

export const populationKeys = {
  all: ['populations'] as const,
};

/** `GET /api/populations` and `POST /api/populations/import` (a dry run unless told otherwise). */
export const populationsApi = {
  list: () => apiRequest<PopulationList>('/api/populations'),
  importCsv: (body: PopulationImportBody) =>
    apiRequest<PopulationImportReport>('/api/populations/import', { method: 'POST', body }),
};
