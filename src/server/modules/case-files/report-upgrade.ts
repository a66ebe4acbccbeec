import {
  isShownWithoutIdentity,
  reportAllowListVersion,
} from '../../../core/case-formats/index.js';
import { isAppError } from '../../../shared/app-error.js';
import type { ImportRejection } from '../../../shared/import-schemas.js';
import type { Database } from '../../platform/db/database.js';
import type { AuditService } from '../audit/index.js';
import { fieldContext, type VaultService } from '../vault/index.js';
import { jobsWithOlderReports, lockJobReport, updateJob } from './import-repo.js';
import { withholdingCells } from './import-rows.js';

// Reports stored under an older allow-list (decision 0014) are rewritten at start: reading them
// already withholds what the current list withholds, but the sealed copy would keep it, beyond
// reach of consent, access rules and forgetting, for as long as the job exists.

/** What a start's rewrite did: reports rewritten, and those it could not open (left as stored). */
export interface ReportRewrite {
  rewritten: number;
  failed: { jobId: string; reason: string }[];
}

/**
 * Rewrites every import report withheld under an older allow-list: opened with the job's key,
 * withheld as the current list says, sealed again and marked, each job in its own transaction
 * with its audit entry. A report under a destroyed key is dropped (nobody can read it). A
 * report that does not open is left as it is and named in `failed`, so one damaged report
 * never stops Vigil from starting; reading it fails as before, and the next start tries again.
 */
export async function withholdOlderReports(deps: {
  database: Database;
  vault: VaultService;
  audit: AuditService;
}): Promise<ReportRewrite> {
  const { database, vault, audit } = deps;
  const outcome: ReportRewrite = { rewritten: 0, failed: [] };
  for (const id of await jobsWithOlderReports(database.db, reportAllowListVersion)) {
    try {
      const rewritten = await database.db.transaction().execute(async (trx) => {
        const found = await lockJobReport(trx, database.dialect, id);
        if (found === undefined || found.withheldUnder >= reportAllowListVersion) return false;
        const { job } = found;
        if (job.reportSealed === null || job.dataKeyId === null) return false;
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
          if (!isAppError(error, 'crypto.key_shredded')) throw error;
          sealed = null;
        }
        await updateJob(trx, id, {
          report_sealed: sealed,
          report_withheld: reportAllowListVersion,
        });
        await audit.record(trx, {
          actor: { type: 'system', id: null },
          action: 'case.import_report_withheld',
          targetType: 'import_job',
          targetId: job.id,
          organisationId: job.organisationId,
          requestId: null,
        });
        return true;
      });
      if (rewritten) outcome.rewritten += 1;
    } catch (error) {
      outcome.failed.push({
        jobId: id,
        reason: isAppError(error) ? error.code : error instanceof Error ? error.message : 'unknown',
      });
    }
  }
  return outcome;
}
