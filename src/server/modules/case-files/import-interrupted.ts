import type { Database } from '../../platform/db/database.js';
import type { AuditService } from '../audit/index.js';
import { markInterrupted, staleJobs } from './import-repo.js';

// A job left queued or running by a process that stopped would say so for ever: its file is
// gone with the process, so it can never go on. Each start records such jobs as failed with
// `import.interrupted` (importing the file again skips the rows its committed batches wrote).
// Only jobs without a heartbeat for `staleAfterMs` count, so a start beside a running server
// (a command-line import on the same database, another instance) leaves live jobs alone.

/** Records every stale queued or running job as interrupted; returns how many. */
export async function recordInterruptedImports(deps: {
  database: Database;
  audit: AuditService;
  now: () => Date;
  staleAfterMs: number;
}): Promise<number> {
  const { database, audit, now } = deps;
  const before = new Date(now().getTime() - deps.staleAfterMs).toISOString();
  let recorded = 0;
  for (const job of await staleJobs(database.db, before)) {
    const changed = await database.db.transaction().execute(async (trx) => {
      if (!(await markInterrupted(trx, job.id, before, now().toISOString()))) return false;
      await audit.record(trx, {
        actor: { type: 'system', id: null },
        action: 'case.import_interrupted',
        targetType: 'import_job',
        targetId: job.id,
        organisationId: job.organisationId,
        requestId: null,
      });
      return true;
    });
    if (changed) recorded += 1;
  }
  return recorded;
}
