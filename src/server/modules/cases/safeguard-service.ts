import { AppError } from '../../../shared/app-error.js';
import { newId } from '../../platform/crypto/index.js';
import type { Database, WalScrub } from '../../platform/db/database.js';
import { auditActorOf, type RequestContext } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import type { NotificationService } from '../notifications/index.js';
import { deleteSubmissionsOfCase } from '../submissions/index.js';
import type { VaultService } from '../vault/index.js';
import { fieldContext } from '../vault/index.js';
import type { CaseService } from './case-service.js';
import { insertBreakGlass, caseOverseers } from './break-glass-repo.js';
import { forgottenCaseNumber, forgottenChildFacts } from './case-model.js';
import { caseViewOf } from './case-policy.js';
import {
  clearSealedValues,
  findCase,
  lockCase,
  revokeReferralsOf,
  rewriteChildFacts,
  updateCaseRow,
} from './case-repo.js';

/** How long an emergency grant lasts. */
const breakGlassMinutes = 240;

export interface SafeguardService {
  /**
   * Emergency access to a case outside the actor's scope: needs `case.break_glass` and a reason;
   * whoever oversees the holder's cases is notified (`caseOverseers`) and the grant is audited.
   * Returns when it expires.
   */
  breakGlass: (
    ctx: RequestContext,
    caseId: string,
    reason: string,
  ) => Promise<{ expiresAt: string }>;
  /**
   * "Forget this person": shreds the case's data key, so every identifying field, child text and
   * referral packet is unrecoverable, while the anonymous analytic facts remain for statistics.
   * Resolves, once committed, with what became of the WAL's old pages (`Database.scrubWal`).
   */
  forget: (ctx: RequestContext, caseId: string, confirmCaseNumber: string) => Promise<WalScrub>;
}

export function createSafeguardService(deps: {
  database: Database;
  audit: AuditService;
  vault: VaultService;
  notifications: NotificationService;
  loadLockedFor: CaseService['loadLockedFor'];
  now: () => Date;
}): SafeguardService {
  const { database, audit, vault, notifications, now } = deps;
  return {
    breakGlass: (ctx, caseId, reason) =>
      database.db.transaction().execute(async (trx) => {
        const actor = ctx.actor;
        if (actor.kind !== 'user')
          throw new AppError('access.denied', { verb: 'case.break_glass' });
        const holds =
          actor.isSystemAdmin || actor.grants.some((g) => g.verbs.includes('case.break_glass'));
        // Without the verb the case's existence is not confirmed either.
        if (!holds) throw new AppError('access.denied', { verb: 'case.break_glass' });
        // Locked, as forgetting locks it: a reason is never sealed beside a forget under way.
        await lockCase(trx, database.dialect, caseId);
        const found = await findCase(trx, caseId);
        if (found === undefined) throw new AppError('case.not_found', { id: caseId });
        if (found.stored.forgottenAt !== null) throw new AppError('case.forgotten', { id: caseId });
        if (caseViewOf(actor, found.organisationPath, false) !== null) {
          throw new AppError('case.break_glass_unneeded', { id: caseId });
        }
        const at = now();
        const expiresAt = new Date(at.getTime() + breakGlassMinutes * 60_000).toISOString();
        const cipher = await vault.cipherFor(trx, found.stored.dataKeyId);
        const id = newId();
        await insertBreakGlass(trx, {
          id,
          caseId,
          userId: actor.userId,
          reasonSealed: cipher.seal(reason, fieldContext('break_glass', id, 'reason')),
          createdAt: at.toISOString(),
          expiresAt,
        });
        const overseers = await caseOverseers(trx, found.organisationPath);
        await notifications.notify(trx, overseers, {
          organisationId: found.stored.organisationId,
          kind: 'case.break_glass',
          targetType: 'case',
          targetId: caseId,
        });
        await audit.record(trx, {
          actor: auditActorOf(actor),
          action: 'case.break_glass',
          targetType: 'case',
          targetId: caseId,
          organisationId: found.stored.organisationId,
          requestId: ctx.requestId,
        });
        return { expiresAt };
      }),
    forget: async (ctx, caseId, confirmCaseNumber) => {
      await database.db.transaction().execute(async (trx) => {
        const loaded = await deps.loadLockedFor(trx, ctx, caseId, 'case.update');
        const { stored } = loaded;
        if (loaded.view !== 'full')
          throw new AppError('access.denied', { verb: 'case.read_identifying' });
        if (stored.forgottenAt !== null) throw new AppError('case.forgotten', { id: caseId });
        if (confirmCaseNumber !== stored.caseNumber) {
          throw new AppError('case.forget_unconfirmed', [
            {
              path: ['body', 'confirmCaseNumber'],
              issue: 'mismatch',
              message: 'Type the case number to confirm',
            },
          ]);
        }
        const at = now().toISOString();
        await vault.shred(trx, stored.dataKeyId);
        // The ciphertexts are useless without the key; removing them too leaves nothing to brute-force.
        await updateCaseRow(trx, caseId, stored.version, {
          identity_sealed: null,
          // What could link the anonymous facts back to the person goes too: the number on
          // their paper file, and the days (not the years) of events in their life. The day of
          // registration stays: it places the case in its GLOTIP reporting year.
          case_number: forgottenCaseNumber(caseId),
          forgotten_at: at,
          version: stored.version + 1,
          updated_at: at,
        });
        await clearSealedValues(trx, caseId);
        await rewriteChildFacts(trx, caseId, forgottenChildFacts);
        // Each revoked referral is audited, as when consent to referral ends.
        for (const referralId of await revokeReferralsOf(trx, caseId, at)) {
          await audit.record(trx, {
            actor: auditActorOf(ctx.actor),
            action: 'referral.revoke',
            targetType: 'referral',
            targetId: referralId,
            organisationId: stored.organisationId,
            requestId: ctx.requestId,
          });
        }
        // Keyed hashes of what was submitted about the person (names among it) go too.
        await deleteSubmissionsOfCase(trx, caseId);
        await audit.record(trx, {
          actor: auditActorOf(ctx.actor),
          action: 'case.forget',
          targetType: 'case',
          targetId: caseId,
          organisationId: stored.organisationId,
          requestId: ctx.requestId,
        });
      });
      // Committed: the pages written before, holding the key just destroyed, leave SQLite's
      // WAL now, or as soon as a reader in the way lets go (the request does not wait for it).
      return database.scrubWal();
    },
  };
}
