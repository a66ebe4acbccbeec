import { isShownWithoutIdentity } from '../../../core/case-formats/index.js';
import { isAppError } from '../../../shared/app-error.js';
import type { ImportRejection } from '../../../shared/import-schemas.js';
import type { Database } from '../../platform/db/database.js';
import type { AuditService } from '../audit/index.js';
import { fieldContext, type VaultService } from '../vault/index.js';
import { findJob, jobsWithOlderReports, updateJob } from './import-repo.js';
import { withholdingCells } from './import-rows.js';

// Reports stored before import reports stopped keeping identifying cells (decision 0014) are
// rewritten once, at start: reading them already withholds those cells, but the sealed copy
// would keep them, beyond reach of consent, access rules and forgetting, for as long as the
// job exists.

/**
 * Rewrites every older import report with its identifying cells withheld, re-sealed under the
 * job's key, each job in its own transaction with its audit entry. Returns how many.
 */
export async function withholdOlderReports(deps: {
  database: Database;
  vault: VaultService;
  audit: AuditService;
}): Promise<number> {
  const { database, vault, audit } = deps;
  let rewritten = 0;
  for (const id of await jobsWithOlderReports(database.db)) {
    await database.db.transaction().execute(async (trx) => {
      const job = await findJob(trx, id);
      if (job === undefined || job.reportSealed === null || job.dataKeyId === null) return;
      const context = fieldContext('import_job', job.id, 'report');
      let sealed: string | null;
      try {
        const cipher = await vault.cipherFor(trx, job.dataKeyId);
        const stored = JSON.parse(cipher.open(job.reportSealed, context)) as ImportRejection[];
        const kept = withholdingCells(stored, (column) =>
          isShownWithoutIdentity(job.format, column),
        );
        sealed = cipher.seal(JSON.stringify(kept), context);
      } catch (error) {
        // A report under a destroyed key can no longer be read by anyone: nothing to keep.
        if (!isAppError(error, 'crypto.key_shredded')) throw error;
        sealed = null;
      }
      await updateJob(trx, id, { report_sealed: sealed, report_withheld: 1 });
      await audit.record(trx, {
        actor: { type: 'system', id: null },
        action: 'case.import_report_withheld',
        targetType: 'import_job',
        targetId: job.id,
        organisationId: job.organisationId,
        requestId: null,
      });
      rewritten += 1;
    });
  }
  return rewritten;
}
