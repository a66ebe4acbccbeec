import {
  parseCaseRow,
  type CaseFileLayout,
  type ParsedRow,
} from '../../../core/case-formats/index.js';
import { workerEntry } from '../../platform/workers/worker-thread.js';
import type { NewRecordKey } from '../vault/index.js';
import { prepareCase, type PreparationContext, type PreparedCase } from './case-preparation.js';

// One batch of an import's rows, parsed and (unless it is a dry run) prepared for writing:
// everything an import does to a row before the database. Plain data in and out, so it runs
// in a worker thread (case-import-worker.ts) as well as in the import service's own thread.

/** A data row to import, with its source key (what makes a re-import skip it). */
export interface BatchRow {
  line: number;
  cells: readonly string[];
  sourceKey: string;
}

/** What preparing a batch needs; `write` is null on a dry run (rows are only checked). */
export interface BatchRequest {
  layout: CaseFileLayout;
  fallbackYear: number;
  rows: readonly BatchRow[];
  write: PreparationContext | null;
}

/** Each row's outcome, in file order: refused with its errors, or valid (and prepared). */
export type BatchOutcome =
  | { ok: false; refused: Extract<ParsedRow, { ok: false }> }
  | { ok: true; line: number; caseNumber: string | null; prepared: PreparedCase | null };

/** Parses and prepares one batch; `newKey` makes each valid row's data key. */
export function prepareBatch(newKey: () => NewRecordKey, request: BatchRequest): BatchOutcome[] {
  return request.rows.map(({ line, cells, sourceKey }): BatchOutcome => {
    const parsed = parseCaseRow(request.layout, { line, cells }, request.fallbackYear);
    if (!parsed.ok) return { ok: false, refused: parsed };
    const item = { record: parsed.record, sourceKey, synthetic: false };
    return {
      ok: true,
      line,
      caseNumber: parsed.record.caseNumber,
      prepared: request.write === null ? null : prepareCase(newKey, request.write, item),
    };
  });
}

/** The worker entry that runs `prepareBatch` (for `startWorker`). */
export function importWorkerEntry(): URL {
  return workerEntry(import.meta.url, 'case-import-worker');
}
