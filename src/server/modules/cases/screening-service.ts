import { evaluateScreening, resolveIndicatorSet } from '../../../core/screening/index.js';
import { AppError } from '../../../shared/app-error.js';
import type { ScreeningRequestBody } from '../../../shared/screening-vocabulary.js';
import { newId } from '../../platform/crypto/index.js';
import type { Database } from '../../platform/db/database.js';
import { auditActorOf, type RequestContext } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { keepSubmission, requireSameSubmission, submissionOf } from '../submissions/index.js';
import type { CaseService } from './case-service.js';
import {
  findSubmittedScreening,
  insertScreening,
  listScreenings,
  type StoredScreening,
} from './screening-repo.js';

export interface ScreeningService {
  /** Evaluates the indicators found for a case and stores the result with its set version. */
  screen: (
    ctx: RequestContext,
    caseId: string,
    body: ScreeningRequestBody,
    /** The client's `Idempotency-Key`: a replay by the same user answers the screening made. */
    submissionKey?: string,
  ) => Promise<StoredScreening>;
  list: (ctx: RequestContext, caseId: string) => Promise<StoredScreening[]>;
}

export function createScreeningService(deps: {
  database: Database;
  audit: AuditService;
  cases: CaseService;
  now: () => Date;
  /** Keyed hash for submission keys (so stored keys reveal nothing of the client's). */
  submissionKey: (input: string) => string;
}): ScreeningService {
  const { database, audit, cases, now } = deps;
  return {
    screen: (ctx, caseId, body, submissionKey) =>
      database.db.transaction().execute(async (trx) => {
        // Locked, so a replay sent at the same moment waits and then finds this screening.
        const loaded = await cases.loadLockedFor(trx, ctx, caseId, 'case.update');
        // As for consent: a forgotten person's case keeps the facts it had, and gains none.
        if (loaded.stored.forgottenAt !== null)
          throw new AppError('case.forgotten', { id: caseId });
        const submission = submissionOf(deps.submissionKey, 'screening', ctx.actor, submissionKey, {
          caseId,
          body,
        });
        if (submission !== null) {
          await requireSameSubmission(trx, submission);
          const earlier = await findSubmittedScreening(trx, caseId, submission.key);
          if (earlier !== undefined) return earlier;
        }
        const set = resolveIndicatorSet(body.indicatorSetVersion);
        const result = evaluateScreening(set, body.profile, body.indicators);
        const screening: StoredScreening = {
          id: newId(),
          caseId,
          indicators: body.indicators,
          result,
          createdBy: ctx.actor.kind === 'system' ? null : ctx.actor.userId,
          createdAt: now().toISOString(),
        };
        await insertScreening(trx, screening, submission?.key ?? null);
        await keepSubmission(trx, submission, caseId, screening.createdAt);
        await audit.record(trx, {
          actor: auditActorOf(ctx.actor),
          action: 'screening.create',
          targetType: 'screening',
          targetId: screening.id,
          organisationId: loaded.stored.organisationId,
          requestId: ctx.requestId,
        });
        return screening;
      }),
    list: (ctx, caseId) =>
      database.db.transaction().execute(async (trx) => {
        await cases.loadPartFor(trx, ctx, caseId, 'screenings');
        return listScreenings(trx, caseId);
      }),
  };
}
