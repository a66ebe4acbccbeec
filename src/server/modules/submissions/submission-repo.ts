import type { Executor } from '../../platform/db/database.js';
import type { Submission } from './submission-model.js';

/** Stores what a keyed submission carried, in the transaction that made its record. */
export async function insertSubmission(
  trx: Executor,
  submission: Submission,
  caseId: string | null,
  at: string,
): Promise<void> {
  await trx
    .insertInto('submissions')
    .values({
      scope: submission.scope,
      key_hash: submission.key,
      body_hash: submission.body,
      case_id: caseId,
      created_at: at,
    })
    .execute();
}

/** What was stored for a keyed submission made before, if anything. */
export async function submittedBefore(
  db: Executor,
  submission: Submission,
): Promise<{ bodyHash: string; caseId: string | null } | undefined> {
  const row = await db
    .selectFrom('submissions')
    .select(['body_hash', 'case_id'])
    .where('scope', '=', submission.scope)
    .where('key_hash', '=', submission.key)
    .executeTakeFirst();
  return row === undefined ? undefined : { bodyHash: row.body_hash, caseId: row.case_id };
}

/** Removes what the submissions about a case carried (the person is being forgotten). */
export async function deleteSubmissionsOfCase(trx: Executor, caseId: string): Promise<void> {
  await trx.deleteFrom('submissions').where('case_id', '=', caseId).execute();
}
