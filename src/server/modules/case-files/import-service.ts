import { AppError, isAppError } from '../../../shared/app-error.js';
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
import type { CaseService } from '../cases/index.js';
import { fieldContext, type VaultService } from '../vault/index.js';
import { isShownWithoutIdentity } from '../../../core/case-formats/index.js';
import { withholdingCells } from './import-rows.js';
import { spareCores } from '../../platform/workers/worker-thread.js';
import { createImportExecution } from './import-execution.js';
import {
  importStaleAfterMs,
  type ImportJobRecord,
  type ImportJobView,
  type ImportProgress,
  type ImportRequest,
  type ImportTuning,
} from './import-model.js';
import { createJobHeartbeat } from './import-heartbeat.js';
import { createImportQueue, type ImportSlot } from './import-queue.js';
import { beatJobs, findImportedFile, findJob, insertJob, listJobs } from './import-repo.js';

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

  const execute = createImportExecution({
    database,
    vault,
    cases,
    rowKey: deps.rowKey,
    now,
    tuning,
    progress,
    record,
  });

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
