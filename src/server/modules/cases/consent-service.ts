import { consentInForce, missingPrompts } from '../../../core/cases/consent-ledger.js';
import { AppError } from '../../../shared/app-error.js';
import type { ConsentBody } from '../../../shared/case-schemas.js';
import type { ConsentPurpose } from '../../../shared/case-vocabulary.js';
import { newId } from '../../platform/crypto/index.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { auditActorOf, authorize, type RequestContext } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { keepSubmission, requireSameSubmission, submissionOf } from '../submissions/index.js';
import { fieldContext } from '../vault/index.js';
import { revokeOpenReferrals } from './case-repo.js';
import type { CaseService, LoadedCase } from './case-service.js';
import {
  findSubmittedConsent,
  insertConsent,
  insertConsentOverride,
  listConsents,
  revokeConsent,
  type StoredConsent,
} from './consent-repo.js';

export interface ConsentService {
  list: (ctx: RequestContext, caseId: string) => Promise<StoredConsent[]>;
  /**
   * Adds an entry to a case's consent ledger. With a `submissionKey` (the client's
   * `Idempotency-Key`), a replay by the same user answers the entry it made instead of adding
   * a second one. `inForce`: whether the entry is the one in force for its purpose now (a
   * replayed entry may have been revoked or followed by another since).
   */
  record: (
    ctx: RequestContext,
    caseId: string,
    body: ConsentBody,
    submissionKey?: string,
  ) => Promise<{ entry: StoredConsent; inForce: boolean }>;
  revoke: (ctx: RequestContext, caseId: string, consentId: string) => Promise<void>;
  /** Whether consent for `purpose` is in force for a case (inside a caller's transaction). */
  inForce: (db: Executor, caseId: string, purpose: ConsentPurpose) => Promise<boolean>;
  /**
   * Refuses an action that needs consent for `purpose` unless it is in force, or the actor holds
   * `consent.override` and gives a reason; an override is sealed, stored and audited. Runs in
   * the caller's transaction so the override exists iff the action happens.
   */
  require: (
    trx: Executor,
    ctx: RequestContext,
    loaded: LoadedCase,
    purpose: ConsentPurpose,
    action: string,
    overrideReason: string | undefined,
  ) => Promise<{ overridden: boolean }>;
}

function userIdOf(ctx: RequestContext): string | null {
  return ctx.actor.kind === 'system' ? null : ctx.actor.userId;
}

export function createConsentService(deps: {
  database: Database;
  audit: AuditService;
  cases: CaseService;
  now: () => Date;
  /** Keyed hash for submission keys (so stored keys reveal nothing of the client's). */
  submissionKey: (input: string) => string;
}): ConsentService {
  const { database, audit, cases, now } = deps;
  const auditConsent = (
    trx: Executor,
    ctx: RequestContext,
    action: string,
    loaded: LoadedCase,
    id: string,
  ) =>
    audit.record(trx, {
      actor: auditActorOf(ctx.actor),
      action,
      targetType: 'consent',
      targetId: id,
      organisationId: loaded.stored.organisationId,
      requestId: ctx.requestId,
    });

  /**
   * When referral consent is no longer in force, the person has withdrawn what the open
   * referrals rest on: they are revoked, so no recipient opens their packet any more, each
   * audited. Referrals made by an override go too: the latest word of the person decides.
   */
  const endReferrals = async (trx: Executor, ctx: RequestContext, loaded: LoadedCase) => {
    const entries = await listConsents(trx, loaded.stored.id);
    if (consentInForce(entries, 'referral') !== null) return;
    const revoked = await revokeOpenReferrals(trx, loaded.stored.id, now().toISOString());
    for (const id of revoked) {
      await audit.record(trx, {
        actor: auditActorOf(ctx.actor),
        action: 'referral.revoke',
        targetType: 'referral',
        targetId: id,
        organisationId: loaded.stored.organisationId,
        requestId: ctx.requestId,
      });
    }
  };

  return {
    inForce: async (db, caseId, purpose) =>
      consentInForce(await listConsents(db, caseId), purpose) !== null,
    list: (ctx, caseId) =>
      database.db.transaction().execute(async (trx) => {
        const loaded = await cases.loadPartFor(trx, ctx, caseId, 'consents');
        return listConsents(trx, loaded.stored.id);
      }),
    record: (ctx, caseId, body, submissionKey) =>
      database.db.transaction().execute(async (trx) => {
        // Locked, so a replay sent at the same moment waits and then finds this entry.
        const loaded = await cases.loadLockedFor(trx, ctx, caseId, 'case.update');
        if (loaded.stored.forgottenAt !== null)
          throw new AppError('case.forgotten', { id: caseId });
        const submission = submissionOf(deps.submissionKey, 'consent', ctx.actor, submissionKey, {
          caseId,
          body,
        });
        const keyHash = submission?.key ?? null;
        const withStanding = async (entry: StoredConsent) => ({
          entry,
          inForce: consentInForce(await listConsents(trx, caseId), entry.purpose)?.id === entry.id,
        });
        if (submission !== null) {
          await requireSameSubmission(trx, submission);
          const earlier = await findSubmittedConsent(trx, caseId, submission.key);
          if (earlier !== undefined) return withStanding(earlier);
        }
        if (body.granted) {
          const missing = missingPrompts(body.purpose, body.prompts);
          if (missing.length > 0) {
            throw new AppError(
              'consent.incomplete',
              missing.map((prompt) => ({
                path: ['body', 'prompts', prompt],
                issue: 'required',
                message: 'Must be explained before consent is informed',
              })),
            );
          }
        }
        const entry: StoredConsent = {
          id: newId(),
          caseId,
          purpose: body.purpose,
          granted: body.granted,
          givenBy: body.givenBy,
          prompts: body.prompts,
          recordedAt: now().toISOString(),
          recordedBy: userIdOf(ctx),
          revokedAt: null,
          revokedBy: null,
        };
        await insertConsent(trx, entry, keyHash);
        await keepSubmission(trx, submission, caseId, entry.recordedAt);
        // Referral rows before the audit chain's head, the order a referral's own status
        // change takes them in: the opposite order deadlocks against it on PostgreSQL.
        if (entry.purpose === 'referral' && !entry.granted) {
          await endReferrals(trx, ctx, loaded);
        }
        await auditConsent(trx, ctx, 'consent.record', loaded, entry.id);
        return withStanding(entry);
      }),
    revoke: (ctx, caseId, consentId) =>
      database.db.transaction().execute(async (trx) => {
        const loaded = await cases.loadLockedFor(trx, ctx, caseId, 'case.update');
        const done = await revokeConsent(
          trx,
          caseId,
          consentId,
          now().toISOString(),
          userIdOf(ctx),
        );
        if (!done) throw new AppError('consent.not_found', { id: consentId });
        // Referral rows before the audit chain's head (see `record`).
        const entries = await listConsents(trx, caseId);
        if (entries.find((e) => e.id === consentId)?.purpose === 'referral') {
          await endReferrals(trx, ctx, loaded);
        }
        await auditConsent(trx, ctx, 'consent.revoke', loaded, consentId);
      }),
    async require(trx, ctx, loaded, purpose, action, overrideReason) {
      const entries = await listConsents(trx, loaded.stored.id);
      if (consentInForce(entries, purpose) !== null) return { overridden: false };
      if (overrideReason === undefined) {
        throw new AppError('consent.required', { purpose, action });
      }
      authorize(ctx.actor, 'consent.override', { organisationPath: loaded.organisationPath });
      const cipher = await cases.cipherOf(trx, loaded.stored);
      const id = newId();
      await insertConsentOverride(trx, {
        id,
        caseId: loaded.stored.id,
        purpose,
        action,
        reasonSealed: cipher.seal(overrideReason, fieldContext('consent_override', id, 'reason')),
        userId: userIdOf(ctx) ?? 'system',
        createdAt: now().toISOString(),
      });
      await auditConsent(trx, ctx, 'consent.override', loaded, id);
      return { overridden: true };
    },
  };
}
