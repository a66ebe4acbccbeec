import { AppError } from '../../../shared/app-error.js';
import { inSavepoint, isUniqueViolation, type Executor } from '../../platform/db/database.js';
import type { Submission } from './submission-model.js';
import { insertSubmission, submittedBefore } from './submission-repo.js';

/** The refusal of a key already used for other content; names the case it concerns, if any. */
function keyReused(caseId: string | null): AppError {
  return new AppError('request.idempotency_key_reused', caseId === null ? {} : { caseId });
}

/**
 * Refuses a replay whose content differs from the first request sent with its key: answering
 * it with the first request's record would tell the client its changed content was saved when
 * nothing was. The refusal names the case the first request concerned (the key is the
 * caller's own, so it tells them only where their own submission went), so a form can offer
 * it. Submissions stored before contents were kept, or whose person was forgotten since, have
 * nothing to compare and pass.
 */
export async function requireSameSubmission(db: Executor, submission: Submission): Promise<void> {
  const stored = await submittedBefore(db, submission);
  if (stored !== undefined && stored.bodyHash !== submission.body) throw keyReused(stored.caseId);
}

/**
 * Keeps what a keyed submission carried (nothing when the request sent no key). A concurrent
 * request with the same key for another case or organisation clashes here once the first
 * commits (the records' own unique indexes are per case or organisation): refused as reused,
 * naming the first request's case, read in this transaction once the clash is undone, so the
 * refusal offers what a later replay's would.
 */
export async function keepSubmission(
  trx: Executor,
  submission: Submission | null,
  caseId: string | null,
  at: string,
): Promise<void> {
  if (submission === null) return;
  try {
    await inSavepoint(trx, () => insertSubmission(trx, submission, caseId, at));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw keyReused((await submittedBefore(trx, submission))?.caseId ?? null);
  }
}
