import { isAppError } from '../../../shared/app-error.js';
import type { ImportRejection } from '../../../shared/import-schemas.js';
import {
  caseNumbersBrought,
  isShownWithoutIdentity,
  reportAllowListVersion,
  type ParsedRow,
} from '../../../core/case-formats/index.js';
import type { Database, Executor } from '../../platform/db/database.js';
import type { TabularRow } from '../../platform/tabular/tabular-types.js';
import type { RequestContext } from '../access/index.js';
import {
  prepareBatch,
  type BatchRow,
  type CaseService,
  type PreparedCase,
} from '../cases/index.js';
import { fieldContext, type VaultService } from '../vault/index.js';
import { preparedBatches, workerPreparer, type Preparer } from './batch-pipeline.js';
import { readCaseFile } from './case-file-parser.js';
import type {
  ImportJobRecord,
  ImportProgress,
  ImportRequest,
  ImportTuning,
} from './import-model.js';
import { numberClash, rejectionsOf, sourceKeyer } from './import-rows.js';
import { updateJob } from './import-repo.js';

// Running one import job once its turn comes: the file read, its rows keyed, parsed, sealed
// (in worker threads when large) and written batch by batch, each batch in a transaction with
// its audit entry, then the job's counts and sealed report. The service (import-service.ts)
// records jobs, queues them and shows them.

// No case row fits in fewer bytes than this (a few short cells and their separators).
const minBytesPerRow = 32;

/** Runs a recorded job; see the returned function. */
export function createImportExecution(deps: {
  database: Database;
  vault: VaultService;
  cases: CaseService;
  /** Keyed hash for row source keys (so keys reveal nothing of the rows). */
  rowKey: (input: string) => string;
  now: () => Date;
  tuning: ImportTuning;
  /** Rows handled so far by each running job, read by the service's views. */
  progress: Map<string, number>;
  /** Audits an action on the job inside `trx`. */
  record: (
    trx: Executor,
    ctx: RequestContext,
    action: string,
    job: ImportJobRecord,
  ) => Promise<unknown>;
}) {
  const { database, vault, cases, now, tuning, progress, record } = deps;

  /**
   * Runs the job. Returns this run's report with every refused cell as written, for a caller
   * in this process holding the file (the command line); what is stored keeps none that may
   * identify someone. Null when the job failed.
   */
  return async (
    ctx: RequestContext,
    job: ImportJobRecord,
    request: ImportRequest,
    onProgress?: ImportProgress,
  ): Promise<ImportRejection[] | null> => {
    // A file big enough to hold `workerMinRows` rows starts its workers before it is read, so
    // they load while this thread parses the file; if fewer rows come out, they go unused.
    const mayUseWorkers = !job.dryRun && tuning.workers > 0;
    const workers: Preparer | null =
      mayUseWorkers && request.content.length >= tuning.workerMinRows * minBytesPerRow
        ? workerPreparer(tuning.workers, vault.keyringForWorker())
        : null;
    try {
      await updateJob(database.db, job.id, { status: 'running' });
      const file = await readCaseFile(request.content, request.format);
      const total = file.rows.length;
      // Known before the first batch, so a running job shows "n of total", not "reading".
      await updateJob(database.db, job.id, { total_rows: total });
      // Source keys are made, and rows imported before left out, batch by batch as the batches
      // are cut: the first batch goes to be prepared at once, not after a pass over the whole
      // file, and no row imported before is parsed or sealed again.
      const keysOf = sourceKeyer(deps.rowKey, job.organisationId);
      const newRows = async (rows: readonly TabularRow[]): Promise<BatchRow[]> => {
        const keys = keysOf(rows);
        const existing = await cases.existingSourceKeys(database.db, job.organisationId, keys);
        return rows.flatMap((row, index): BatchRow[] => {
          const sourceKey = keys[index] ?? '';
          return existing.has(sourceKey) ? [] : [{ line: row.line, cells: row.cells, sourceKey }];
        });
      };
      const fallbackYear = now().getUTCFullYear();
      const layout = { format: file.format, header: file.header, detection: file.detection };
      const brought = caseNumbersBrought(layout, file.rows);
      const rejectedRows: ParsedRow[] = [];
      const seenNumbers = new Set<string>();
      let imported = 0;
      let duplicates = 0;
      let processed = 0;
      progress.set(job.id, processed);
      onProgress?.(processed, total);
      // Rows are parsed a batch at a time, so memory stays flat however large the file; with
      // workers, later batches are prepared while this thread writes the current one.
      const batches = preparedBatches({
        rows: file.rows,
        batchSize: tuning.batchSize,
        request: async (rows) => ({
          layout,
          fallbackYear,
          rows: await newRows(rows),
          write: job.dryRun
            ? null
            : {
                organisationId: job.organisationId,
                importJobId: job.id,
                createdBy: job.createdBy,
                at: now().toISOString(),
              },
        }),
        here: (batch) => prepareBatch(vault.newRecordKey, batch),
        workers: total >= tuning.workerMinRows ? workers : null,
        inFlight: tuning.workers + 1,
      });
      // The batches' commits leave the WAL to grow; the job's final update below copies it
      // into the database once.
      const writeBatches = async () => {
        let batch = 0;
        for await (const { size, outcomes } of batches) {
          duplicates += size - outcomes.length;
          const numbers = outcomes.flatMap((o) =>
            o.ok && o.caseNumber !== null ? [o.caseNumber] : [],
          );
          /** The batch's valid rows, once the numbers they bring are known to be free. */
          const sortOutcomes = async (db: Executor) => {
            // A case number the file brings must be free in the organisation and unique in the file.
            const taken = await cases.takenCaseNumbers(db, job.organisationId, numbers);
            const valid: PreparedCase[] = [];
            let validRows = 0;
            for (const outcome of outcomes) {
              if (!outcome.ok) {
                rejectedRows.push(outcome.refused);
                continue;
              }
              const number = outcome.caseNumber;
              if (number !== null && (taken.has(number) || seenNumbers.has(number))) {
                rejectedRows.push(numberClash(outcome.line, number));
                continue;
              }
              if (number !== null) seenNumbers.add(number);
              validRows += 1;
              if (outcome.prepared !== null) valid.push(outcome.prepared);
            }
            return { valid, validRows };
          };
          const written = batch;
          await tuning.beforeBatch?.(written);
          const { validRows } = job.dryRun
            ? await sortOutcomes(database.db)
            : // Numbers checked in the batch's own transaction: a case given one of them since
              // the batch was cut is seen, and its row refused as a clash, not failing the job.
              await database.db.transaction().execute(async (trx) => {
                const sorted = await sortOutcomes(trx);
                const { valid } = sorted;
                if (valid.length === 0) return sorted;
                await cases.writePrepared(trx, job.organisationId, valid, brought);
                tuning.afterBatchWrite?.(written);
                await updateJob(trx, job.id, {
                  processed_rows: processed + size,
                  imported_rows: imported + valid.length,
                  heartbeat_at: now().toISOString(),
                });
                await record(trx, ctx, 'case.import', job);
                return sorted;
              });
          imported += validRows;
          processed += size;
          batch += 1;
          progress.set(job.id, processed);
          onProgress?.(processed, total);
        }
      };
      await (job.dryRun ? writeBatches() : database.deferringCheckpoints(writeBatches));
      const cipher =
        job.dataKeyId === null ? null : await vault.cipherFor(database.db, job.dataKeyId);
      await updateJob(database.db, job.id, {
        status: 'succeeded',
        format: file.format,
        total_rows: total,
        processed_rows: processed,
        imported_rows: imported,
        duplicate_rows: duplicates,
        rejected_rows: rejectedRows.length,
        report_withheld: reportAllowListVersion,
        report_sealed:
          cipher === null
            ? null
            : cipher.seal(
                JSON.stringify(
                  rejectionsOf(rejectedRows, (column) =>
                    isShownWithoutIdentity(file.format, column),
                  ),
                ),
                fieldContext('import_job', job.id, 'report'),
              ),
        finished_at: now().toISOString(),
      });
      return rejectionsOf(rejectedRows, () => true);
    } catch (error) {
      await updateJob(database.db, job.id, {
        status: 'failed',
        error_code: isAppError(error) ? error.code : 'internal',
        finished_at: now().toISOString(),
      });
      if (!isAppError(error)) throw error;
      return null;
    } finally {
      progress.delete(job.id);
      await workers?.close();
    }
  };
}
