import { AppError } from '../../../shared/app-error.js';
import type { Executor } from '../../platform/db/database.js';
import type { Submission } from './submission-model.js';
import { insertSubmission, submittedBody } from './submission-repo.js';

/**
 * Refuses a replay whose content differs from the first request sent with its key: answering
 * it with the first request's record would tell the client its changed content was saved when
 * nothing was. Submissions stored before contents were kept have none to compare and pass.
 */
export async function requireSameSubmission(db: Executor, submission: Submission): Promise<void> {
  const stored = await submittedBody(db, submission);
  if (stored !== null && stored !== submission.body) {
    throw new AppError('request.idempotency_key_reused', [
      {
        path: ['headers', 'idempotency-key'],
        issue: 'reused',
        message: 'Already used for a request with other content',
      },
    ]);
  }
}

/** Keeps what a keyed submission carried (nothing when the request sent no key). */
export async function keepSubmission(
  trx: Executor,
  submission: Submission | null,
  caseId: string | null,
  at: string,
): Promise<void> {
  if (submission !== null) await insertSubmission(trx, submission, caseId, at);
}
