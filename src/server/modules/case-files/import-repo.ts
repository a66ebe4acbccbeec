import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { Dialect } from '../../platform/db/dialect.js';
import type { ImportJobsTable } from '../../platform/db/schema.js';
import type { ImportJobRecord } from './import-model.js';

function toJob(row: Selectable<ImportJobsTable>): ImportJobRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    format: row.format,
    fileHash: row.file_hash,
    dryRun: row.dry_run === 1,
    status: row.status as ImportJobRecord['status'],
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    importedRows: row.imported_rows,
    duplicateRows: row.duplicate_rows,
    rejectedRows: row.rejected_rows,
    dataKeyId: row.data_key_id,
    reportSealed: row.report_sealed,
    errorCode: row.error_code,
    createdBy: row.created_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    heartbeatAt: row.heartbeat_at,
  };
}

export async function insertJob(trx: Executor, job: ImportJobRecord): Promise<void> {
  await trx
    .insertInto('import_jobs')
    .values({
      id: job.id,
      organisation_id: job.organisationId,
      format: job.format,
      file_hash: job.fileHash,
      dry_run: job.dryRun ? 1 : 0,
      status: job.status,
      total_rows: job.totalRows,
      processed_rows: job.processedRows,
      imported_rows: job.importedRows,
      duplicate_rows: job.duplicateRows,
      rejected_rows: job.rejectedRows,
      data_key_id: job.dataKeyId,
      report_sealed: job.reportSealed,
      report_withheld: 0,
      error_code: job.errorCode,
      created_by: job.createdBy,
      created_at: job.createdAt,
      finished_at: job.finishedAt,
      heartbeat_at: job.heartbeatAt,
    })
    .execute();
}

export async function updateJob(
  trx: Executor,
  id: string,
  values: Updateable<ImportJobsTable>,
): Promise<void> {
  await trx.updateTable('import_jobs').set(values).where('id', '=', id).execute();
}

export async function findJob(db: Executor, id: string): Promise<ImportJobRecord | undefined> {
  const row = await db
    .selectFrom('import_jobs')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && toJob(row);
}

/** Stamps the heartbeat of these jobs, those still queued or running. */
export async function beatJobs(db: Executor, ids: readonly string[], at: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('import_jobs')
    .set({ heartbeat_at: at })
    .where('id', 'in', ids)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

/** Queued or running jobs whose last heartbeat is older than `before` (or never came). */
export async function staleJobs(
  db: Executor,
  before: string,
): Promise<{ id: string; organisationId: string }[]> {
  const rows = await db
    .selectFrom('import_jobs')
    .select(['id', 'organisation_id'])
    .where('status', 'in', ['queued', 'running'])
    .where((eb) => eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', before)]))
    .orderBy('created_at')
    .execute();
  return rows.map((row) => ({ id: row.id, organisationId: row.organisation_id }));
}

/**
 * Records a stale job as interrupted, if it still is queued or running with no heartbeat since
 * `before` (a process that beat meanwhile keeps its job). True when this call changed it.
 */
export async function markInterrupted(
  trx: Executor,
  id: string,
  before: string,
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('import_jobs')
    .set({ status: 'failed', error_code: 'import.interrupted', finished_at: at })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .where((eb) => eb.or([eb('heartbeat_at', 'is', null), eb('heartbeat_at', '<', before)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The completed real import of the same file into the same organisation, if any. */
export async function findImportedFile(
  db: Executor,
  organisationId: string,
  fileHash: string,
): Promise<ImportJobRecord | undefined> {
  const row = await db
    .selectFrom('import_jobs')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('file_hash', '=', fileHash)
    .where('dry_run', '=', 0)
    .where('status', '=', 'succeeded')
    .orderBy('created_at')
    .executeTakeFirst();
  return row && toJob(row);
}

export async function listJobs(
  db: Executor,
  organisationIds: readonly string[] | null,
): Promise<ImportJobRecord[]> {
  let q = db.selectFrom('import_jobs').selectAll().orderBy('created_at', 'desc').limit(100);
  if (organisationIds !== null) {
    if (organisationIds.length === 0) return [];
    q = q.where('organisation_id', 'in', organisationIds);
  }
  return (await q.execute()).map(toJob);
}

/** Jobs whose stored report was withheld under an allow-list older than `version`. */
export async function jobsWithOlderReports(db: Executor, version: number): Promise<string[]> {
  const rows = await db
    .selectFrom('import_jobs')
    .select('id')
    .where('report_withheld', '<', version)
    .where('report_sealed', 'is not', null)
    .orderBy('created_at')
    .execute();
  return rows.map((row) => row.id);
}

/**
 * A job and the allow-list version of its report, locked (PostgreSQL) until the transaction
 * ends: two instances starting together rewrite a report once.
 */
export async function lockJobReport(
  trx: Executor,
  dialect: Dialect,
  id: string,
): Promise<{ job: ImportJobRecord; withheldUnder: number } | undefined> {
  let query = trx.selectFrom('import_jobs').selectAll().where('id', '=', id);
  if (dialect.supportsForUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && { job: toJob(row), withheldUnder: row.report_withheld };
}
