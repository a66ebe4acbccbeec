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
