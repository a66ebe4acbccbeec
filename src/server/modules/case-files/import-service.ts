import { AppError, isAppError } from '../../../shared/app-error.js';
import type { CaseImportFormat } from '../../../shared/case-schemas.js';
import type { ImportRejection } from '../../../shared/import-schemas.js';
import { newId, sha256Hex } from '../../platform/crypto/index.js';
import type { Database, Executor } from '../../platform/db/database.js';
import {
  auditActorOf,
  authorize,
  authorizeSomewhere,
  type RequestContext,
} from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import {
  prepareBatch,
  type BatchRow,
  type CaseService,
  type PreparedCase,
} from '../cases/index.js';
import { fieldContext, type VaultService } from '../vault/index.js';
import {
  caseNumbersBrought,
  isShownWithoutIdentity,
  reportAllowListVersion,
  type ParsedRow,
} from '../../../core/case-formats/index.js';
import type { TabularRow } from '../../platform/tabular/tabular-types.js';
import { readCaseFile } from './case-file-parser.js';
import { numberClash, rejectionsOf, sourceKeyer, withholdingCells } from './import-rows.js';
import { spareCores } from '../../platform/workers/worker-thread.js';
import { preparedBatches, workerPreparer, type Preparer } from './batch-pipeline.js';
import type { ImportJobRecord, ImportJobView } from './import-model.js';
import { createJobHeartbeat } from './import-heartbeat.js';
import { createImportQueue, type ImportSlot } from './import-queue.js';
import {
  beatJobs,
  findImportedFile,
  findJob,
  insertJob,
  listJobs,
  updateJob,
} from './import-repo.js';

/** What starting an import needs. */
export interface ImportRequest {
  organisationId: string;
  format: CaseImportFormat | undefined;
  content: Buffer;
  dryRun: boolean;
}

/** Progress of a running import: rows handled so far out of all data rows. */
export type ImportProgress = (processed: number, total: number) => void;

export interface ImportService {
  /**
   * Checks access, records the job and runs it in the background when its turn comes; the
   * returned job is `queued` (poll `get`), or the earlier job when this exact file was already
   * imported. Refused with `import.busy` when too many imports run and wait already.
   */
  start: (ctx: RequestContext, request: ImportRequest) => Promise<ImportJobView>;
  /** As start, but runs to the end before returning (CLI, tests), reporting progress. */
  run: (
    ctx: RequestContext,
    request: ImportRequest,
    onProgress?: ImportProgress,
  ) => Promise<ImportJobView>;
  get: (ctx: RequestContext, id: string) => Promise<ImportJobView>;
  list: (ctx: RequestContext) => Promise<ImportJobView[]>;
}

/** Knobs for tests and benchmarks; production uses the defaults. */
export interface ImportTuning {
  /** Valid rows written per transaction. A failure rolls back its whole batch. */
  batchSize: number;
  /**
   * Worker threads that parse and seal batches while this thread writes (0: none, all in this
   * thread). Default: the cores beside the main thread, at most 3.
   */
  workers: number;
  /** Imports of fewer rows than this run in this thread (a worker takes time to start). */
  workerMinRows: number;
  /** Imports run at once by this process (they share one database writer). */
  running: number;
  /** Imports that may wait for their turn; more are refused (`import.busy`). */
  waiting: number;
  /** How often a waiting or running job's heartbeat is stamped (ms). */
  heartbeatMs: number;
  /** Called inside each batch's transaction after its rows are written (fault injection). */
  afterBatchWrite?: (batch: number) => void;
  /** Awaited before each batch's transaction (tests: a write by someone else in between). */
  beforeBatch?: (batch: number) => Promise<void>;
  /** Awaited when a job's turn comes, before it starts (holds a job, in tests). */
  beforeRun?: (jobId: string) => Promise<void>;
}

/**
 * A queued or running job without a heartbeat for this long is taken as interrupted: its
 * process stopped. Four heartbeats, so a busy moment never makes a live job look stopped.
 */
export const importStaleAfterMs = 120_000;

// No case row fits in fewer bytes than this (a few short cells and their separators).
const minBytesPerRow = 32;

export function createImportService(deps: {
  database: Database;
  audit: AuditService;
  vault: VaultService;
  cases: CaseService;
  organisationPath: (db: Executor, id: string) => Promise<readonly string[]>;
  /** Keyed hash for row source keys (so keys reveal nothing of the rows). */
  rowKey: (input: string) => string;
  now: () => Date;
  tuning?: Partial<ImportTuning>;
}): ImportService {
  const { database, audit, vault, cases, now } = deps;
  const tuning: ImportTuning = {
    batchSize: 5000,
    workers: Math.min(3, spareCores()),
    workerMinRows: 10_000,
    running: 1,
    waiting: 8,
    heartbeatMs: importStaleAfterMs / 4,
    ...deps.tuning,
  };
  const progress = new Map<string, number>();
  const queue = createImportQueue({ running: tuning.running, waiting: tuning.waiting });
  // Job bookkeeping, like the progress counts: not audited (the job's start, each batch and
  // its end are), or a long queue would write an audit entry every few seconds per job.
  const heartbeat = createJobHeartbeat(
    (ids) => beatJobs(database.db, ids, now().toISOString()),
    tuning.heartbeatMs,
  );

  /** A job its process no longer stamps: it stopped before the job ended. */
  const interrupted = (job: ImportJobRecord): boolean =>
    (job.status === 'queued' || job.status === 'running') &&
    !heartbeat.holds(job.id) &&
    (job.heartbeatAt === null ||
      Date.parse(job.heartbeatAt) < now().getTime() - importStaleAfterMs);

  /**
   * The job with its stored report. Reports written since identifying cells stopped being kept
   * hold none; an older report may, so its cells that may identify someone are withheld on
   * reading too, whoever reads it (the file's owner has the file).
   */
  const view = async (
    db: Executor,
    job: ImportJobRecord,
    alreadyImported = false,
  ): Promise<ImportJobView> => {
    if (interrupted(job)) {
      // Shown as the next start will record it (import-interrupted.ts).
      return {
        ...job,
        status: 'failed',
        errorCode: 'import.interrupted',
        finishedAt: job.heartbeatAt,
        rejections: [],
        alreadyImported,
      };
    }
    let rejections: ImportRejection[] = [];
    if (job.reportSealed !== null && job.dataKeyId !== null) {
      const cipher = await vault.cipherFor(db, job.dataKeyId);
      const stored = JSON.parse(
        cipher.open(job.reportSealed, fieldContext('import_job', job.id, 'report')),
      ) as ImportRejection[];
      rejections = withholdingCells(stored, (column) => isShownWithoutIdentity(job.format, column));
    }
    const running = progress.get(job.id);
    return { ...job, processedRows: running ?? job.processedRows, rejections, alreadyImported };
  };

  const record = (trx: Executor, ctx: RequestContext, action: string, job: ImportJobRecord) =>
    audit.record(trx, {
      actor: auditActorOf(ctx.actor),
      action,
      targetType: 'import_job',
      targetId: job.id,
      organisationId: job.organisationId,
      requestId: ctx.requestId,
    });

  const authorizeImport = async (db: Executor, ctx: RequestContext, organisationId: string) => {
    const path = await deps.organisationPath(db, organisationId);
    authorize(ctx.actor, 'case.import', { organisationPath: path });
    authorize(ctx.actor, 'case.create', { organisationPath: path });
  };

  /** Creates the job row, or finds the earlier import of the same file. */
  const open = async (ctx: RequestContext, request: ImportRequest) =>
    database.db.transaction().execute(async (trx) => {
      await authorizeImport(trx, ctx, request.organisationId);
      const fileHash = sha256Hex(request.content.toString('base64'));
      if (!request.dryRun) {
        const earlier = await findImportedFile(trx, request.organisationId, fileHash);
        if (earlier !== undefined) return { job: earlier, alreadyImported: true };
      }
      const { dataKeyId } = await vault.createRecordKey(trx);
      const job: ImportJobRecord = {
        id: newId(),
        organisationId: request.organisationId,
        format: request.format ?? 'auto',
        fileHash,
        dryRun: request.dryRun,
        status: 'queued',
        totalRows: 0,
        processedRows: 0,
        importedRows: 0,
        duplicateRows: 0,
        rejectedRows: 0,
        dataKeyId,
        reportSealed: null,
        errorCode: null,
        createdBy: ctx.actor.kind === 'system' ? null : ctx.actor.userId,
        createdAt: now().toISOString(),
        finishedAt: null,
        heartbeatAt: now().toISOString(),
      };
      await insertJob(trx, job);
      await record(trx, ctx, request.dryRun ? 'case.import_check' : 'case.import_start', job);
      return { job, alreadyImported: false };
    });

  /**
   * Runs the job. Returns this run's report with every refused cell as written, for a caller
   * in this process holding the file (the command line); what is stored keeps none that may
   * identify someone. Null when the job failed.
   */
  const execute = async (
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

  /** The job with its report; a report holding rejections is audited as read, in `trx`. */
  const readReport = async (
    ctx: RequestContext,
    job: ImportJobRecord,
    alreadyImported: boolean,
    trx?: Executor,
  ): Promise<ImportJobView> => {
    if (trx === undefined) {
      return database.db
        .transaction()
        .execute((inner) => readReport(ctx, job, alreadyImported, inner));
    }
    const shown = await view(trx, job, alreadyImported);
    if (shown.rejections.length > 0) await record(trx, ctx, 'case.import_report_read', job);
    return shown;
  };

  const load = async (db: Executor, ctx: RequestContext, id: string) => {
    const job = await findJob(db, id);
    if (job === undefined) throw new AppError('import.not_found', { id });
    try {
      await authorizeImport(db, ctx, job.organisationId);
    } catch (error) {
      if (isAppError(error, 'access.denied')) throw new AppError('import.not_found', { id });
      throw error;
    }
    return job;
  };

  /** Records the job in a slot taken first: a refused or known file gives the slot back. */
  const openInSlot = async (ctx: RequestContext, request: ImportRequest) => {
    const slot = queue.reserve();
    try {
      const opened = await open(ctx, request);
      if (opened.alreadyImported) slot.release();
      else heartbeat.hold(opened.job.id);
      return { ...opened, slot };
    } catch (error) {
      slot.release();
      throw error;
    }
  };

  /** Runs the job when its slot's turn comes, its heartbeat stamped until it ends. */
  const executeInTurn = async (
    slot: ImportSlot,
    ctx: RequestContext,
    job: ImportJobRecord,
    request: ImportRequest,
    onProgress?: ImportProgress,
  ) => {
    try {
      return await slot.run(async () => {
        await tuning.beforeRun?.(job.id);
        return execute(ctx, job, request, onProgress);
      });
    } finally {
      heartbeat.drop(job.id);
    }
  };

  return {
    async start(ctx, request) {
      const { job, alreadyImported, slot } = await openInSlot(ctx, request);
      if (!alreadyImported) {
        // The job row records any failure; nothing awaits this promise.
        void executeInTurn(slot, ctx, job, request).catch(() => undefined);
      }
      return readReport(ctx, job, alreadyImported);
    },
    async run(ctx, request, onProgress) {
      const { job, alreadyImported, slot } = await openInSlot(ctx, request);
      const full = alreadyImported
        ? null
        : await executeInTurn(slot, ctx, job, request, onProgress);
      const done = await findJob(database.db, job.id);
      const shown = await readReport(ctx, done ?? job, alreadyImported);
      return full === null ? shown : { ...shown, rejections: full };
    },
    get: (ctx, id) =>
      database.db.transaction().execute(async (trx) => {
        const job = await load(trx, ctx, id);
        return readReport(ctx, job, false, trx);
      }),
    async list(ctx) {
      const actor = ctx.actor;
      authorizeSomewhere(actor, ['case.import']);
      const scope =
        actor.kind === 'system' || actor.isSystemAdmin
          ? null
          : actor.grants
              .filter((g) => g.verbs.includes('case.import'))
              .map((g) => g.organisationId);
      const jobs = await listJobs(database.db, scope);
      return Promise.all(jobs.map((job) => view(database.db, { ...job, reportSealed: null })));
    },
  };
}
