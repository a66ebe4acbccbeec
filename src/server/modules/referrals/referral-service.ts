import { isReferralOverdue } from '../../../core/cases/case-derivations.js';
import { buildReferralPacket, type ReferralPacket } from '../../../core/cases/referral-packet.js';
import { organisationsWithVerb } from '../../../core/permission-check.js';
import { AppError } from '../../../shared/app-error.js';
import type { ReferralBody, serviceProviderBodySchema } from '../../../shared/case-schemas.js';
import { referralTransitions, type ReferralStatus } from '../../../shared/case-vocabulary.js';
import type { z } from 'zod';
import { newId } from '../../platform/crypto/index.js';
import { isUniqueViolation, type Database, type Executor } from '../../platform/db/database.js';
import {
  auditActorOf,
  authorize,
  authorizeSomewhere,
  can,
  pathToIds,
  type Actor,
  type RequestContext,
} from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { keepSubmission, requireSameSubmission, submissionOf } from '../submissions/index.js';
import { openIdentity, type CaseService, type ConsentService } from '../cases/index.js';
import type { VaultService } from '../vault/index.js';
import { fieldContext } from '../vault/index.js';
import type { Referral, ReferralListing, ServiceProvider } from './referral-model.js';
import {
  findProvider,
  findSubmittedProvider,
  findReferral,
  insertProvider,
  findSubmittedReferral,
  insertReferral,
  listInbox,
  listProviders,
  listReferralsOfCase,
  updateReferralStatus,
} from './referral-repo.js';

export interface ReferralService {
  listProviders: (ctx: RequestContext) => Promise<ServiceProvider[]>;
  /**
   * Adds a provider to the directory. With a `submissionKey` (the client's `Idempotency-Key`),
   * a replay by the same user answers the provider it added instead of adding it twice.
   */
  createProvider: (
    ctx: RequestContext,
    body: z.output<typeof serviceProviderBodySchema>,
    submissionKey?: string,
  ) => Promise<ServiceProvider>;
  /**
   * Refers a case. With a `submissionKey` (the client's `Idempotency-Key`), a replay answers
   * the referral it made instead of sending the provider a second packet.
   */
  refer: (
    ctx: RequestContext,
    caseId: string,
    body: ReferralBody,
    submissionKey?: string,
  ) => Promise<ReferralListing>;
  listForCase: (ctx: RequestContext, caseId: string) => Promise<ReferralListing[]>;
  inbox: (ctx: RequestContext) => Promise<ReferralListing[]>;
  openPacket: (
    ctx: RequestContext,
    id: string,
  ) => Promise<{ referral: Referral; packet: ReferralPacket }>;
  move: (ctx: RequestContext, id: string, to: ReferralStatus) => Promise<void>;
  /** Whether a referral is overdue now. */
  isOverdue: (referral: Referral) => boolean;
}

// Who may move a referral where: the recipient answers it, the sender may only withdraw it.
const recipientMoves: readonly ReferralStatus[] = [
  'acknowledged',
  'accepted',
  'declined',
  'completed',
];

function anyGrant(
  actor: Actor,
  verb: 'referral.manage' | 'provider.manage' | 'referral.receive',
): boolean {
  if (actor.kind === 'system' || actor.isSystemAdmin) return true;
  return organisationsWithVerb(actor.grants, verb).length > 0;
}

/** A unique clash on adding a provider with a submission key: perhaps the same one, committed. */
class ProviderSubmissionClash extends Error {}

export function createReferralService(deps: {
  database: Database;
  audit: AuditService;
  vault: VaultService;
  cases: CaseService;
  consents: ConsentService;
  organisationPath: (db: Executor, id: string) => Promise<readonly string[]>;
  /** Keyed hash for the submission keys of referrals (so they reveal nothing of the key). */
  submissionKey: (input: string) => string;
  /** The same for the submission keys of providers. */
  providerSubmissionKey: (input: string) => string;
  now: () => Date;
}): ReferralService {
  const { database, audit, vault, cases, consents, now } = deps;
  const record = (
    trx: Executor,
    ctx: RequestContext,
    action: string,
    targetType: string,
    targetId: string,
    organisationId: string,
  ) =>
    audit.record(trx, {
      actor: auditActorOf(ctx.actor),
      action,
      targetType,
      targetId,
      organisationId,
      requestId: ctx.requestId,
    });

  const loadReferral = async (db: Executor, id: string) => {
    const found = await findReferral(db, id);
    if (found === undefined) throw new AppError('referral.not_found', { id });
    return found;
  };

  const isRecipient = (actor: Actor, recipientPath: string) =>
    can(actor, 'referral.receive', { organisationPath: pathToIds(recipientPath) });

  return {
    isOverdue: (r) => isReferralOverdue(r.status, r.acknowledgeBy, now().toISOString()),
    async listProviders(ctx) {
      // The directory is shared: anyone who refers or receives may read it.
      if (!anyGrant(ctx.actor, 'referral.manage') && !anyGrant(ctx.actor, 'provider.manage')) {
        throw new AppError('access.denied', { verb: 'referral.manage' });
      }
      return listProviders(database.db);
    },
    async createProvider(ctx, body, submissionKey) {
      const submission = submissionOf(
        deps.providerSubmissionKey,
        'service_provider',
        ctx.actor,
        submissionKey,
        body,
      );
      const keyHash = submission?.key ?? null;
      const attempt = (replayOnClash: boolean) =>
        database.db.transaction().execute(async (trx) => {
          // The provider is listed under the organisation of its recipient users.
          const path = await deps.organisationPath(trx, body.recipientOrganisationId);
          authorize(ctx.actor, 'provider.manage', { organisationPath: path });
          if (submission !== null) {
            await requireSameSubmission(trx, submission);
            const earlier = await findSubmittedProvider(trx, submission.key);
            if (earlier !== undefined) return earlier;
          }
          const at = now().toISOString();
          const provider: ServiceProvider = {
            id: newId(),
            organisationId: body.recipientOrganisationId,
            ...body,
            createdAt: at,
            updatedAt: at,
          };
          try {
            await insertProvider(trx, provider, keyHash);
          } catch (error) {
            // The same submission committed meanwhile by a concurrent request: try again once,
            // to answer with its provider.
            if (isUniqueViolation(error) && replayOnClash) throw new ProviderSubmissionClash();
            throw error;
          }
          await keepSubmission(trx, submission, null, at);
          await record(
            trx,
            ctx,
            'provider.create',
            'service_provider',
            provider.id,
            provider.organisationId,
          );
          return provider;
        });
      try {
        return await attempt(keyHash !== null);
      } catch (error) {
        if (error instanceof ProviderSubmissionClash) return attempt(false);
        throw error;
      }
    },
    refer: (ctx, caseId, body, submissionKey) =>
      database.db.transaction().execute(async (trx) => {
        // Locked, so a replay sent at the same moment waits and then finds this referral.
        const loaded = await cases.loadLockedFor(trx, ctx, caseId, 'referral.manage');
        if (loaded.stored.forgottenAt !== null)
          throw new AppError('case.forgotten', { id: caseId });
        // A packet is built from identifying fields: the referrer must be able to see them.
        if (loaded.view !== 'full')
          throw new AppError('access.denied', { verb: 'case.read_identifying' });
        const submission = submissionOf(deps.submissionKey, 'referral', ctx.actor, submissionKey, {
          caseId,
          body,
        });
        if (submission !== null) {
          await requireSameSubmission(trx, submission);
          const earlier = await findSubmittedReferral(trx, caseId, submission.key);
          if (earlier !== undefined) return earlier;
        }
        const provider = await findProvider(trx, body.providerId);
        if (provider === undefined)
          throw new AppError('provider.not_found', { id: body.providerId });
        if (!provider.active || !provider.kinds.includes(body.serviceKind)) {
          throw new AppError('provider.unavailable', {
            id: provider.id,
            serviceKind: body.serviceKind,
          });
        }
        const { overridden } = await consents.require(
          trx,
          ctx,
          loaded,
          'referral',
          'referral.create',
          body.overrideReason,
        );
        const cipher = await cases.cipherOf(trx, loaded.stored);
        const identity = openIdentity(cipher, loaded.stored.id, loaded.stored.identitySealed);
        const packet = buildReferralPacket(
          body.serviceKind,
          identity,
          loaded.stored.victim,
          body.note,
        );
        const id = newId();
        const at = now();
        const referral: Referral = {
          id,
          caseId,
          organisationId: loaded.stored.organisationId,
          providerId: provider.id,
          recipientOrganisationId: provider.recipientOrganisationId,
          serviceKind: body.serviceKind,
          status: 'sent',
          packetSealed: cipher.seal(JSON.stringify(packet), fieldContext('referral', id, 'packet')),
          consentOverridden: overridden,
          acknowledgeBy: new Date(
            at.getTime() + body.acknowledgeWithinDays * 86_400_000,
          ).toISOString(),
          sentAt: at.toISOString(),
          acknowledgedAt: null,
          updatedAt: at.toISOString(),
          createdBy: ctx.actor.kind === 'system' ? null : ctx.actor.userId,
        };
        await insertReferral(trx, referral, submission?.key ?? null);
        await keepSubmission(trx, submission, caseId, referral.sentAt);
        await record(trx, ctx, 'referral.create', 'referral', id, referral.organisationId);
        return { ...referral, providerName: provider.name, caseNumber: loaded.stored.caseNumber };
      }),
    listForCase: (ctx, caseId) =>
      database.db.transaction().execute(async (trx) => {
        await cases.loadPartFor(trx, ctx, caseId, 'referrals');
        return listReferralsOfCase(trx, caseId);
      }),
    async inbox(ctx) {
      const actor = ctx.actor;
      authorizeSomewhere(actor, ['referral.receive']);
      const scope =
        actor.kind === 'system' || actor.isSystemAdmin
          ? null
          : actor.enrolmentOnly
            ? []
            : organisationsWithVerb(actor.grants, 'referral.receive');
      return listInbox(database.db, scope);
    },
    openPacket: (ctx, id) =>
      database.db.transaction().execute(async (trx) => {
        const found = await loadReferral(trx, id);
        // Only the receiving side opens a packet; the sender already holds the whole case.
        if (!isRecipient(ctx.actor, found.recipientPath))
          throw new AppError('referral.not_found', { id });
        const { referral } = found;
        if (referral.status === 'revoked') throw new AppError('referral.revoked', { id });
        if (referral.packetSealed === null) throw new AppError('crypto.key_shredded', { id });
        const cipher = await vault.cipherFor(trx, found.dataKeyId);
        const packet = JSON.parse(
          cipher.open(referral.packetSealed, fieldContext('referral', id, 'packet')),
        ) as ReferralPacket;
        await record(
          trx,
          ctx,
          'referral.read_packet',
          'referral',
          id,
          referral.recipientOrganisationId,
        );
        return { referral, packet };
      }),
    move: (ctx, id, to) =>
      database.db.transaction().execute(async (trx) => {
        const found = await loadReferral(trx, id);
        const { referral } = found;
        const recipient = isRecipient(ctx.actor, found.recipientPath);
        const sender = can(ctx.actor, 'referral.manage', {
          organisationPath: pathToIds(found.senderPath),
        });
        if (!recipient && !sender) throw new AppError('referral.not_found', { id });
        if (!referralTransitions[referral.status].includes(to)) {
          throw new AppError('referral.invalid_transition', { from: referral.status, to });
        }
        const allowedHere = to === 'revoked' ? sender : recipientMoves.includes(to) && recipient;
        if (!allowedHere)
          throw new AppError('access.denied', {
            verb: to === 'revoked' ? 'referral.manage' : 'referral.receive',
          });
        if (!(await updateReferralStatus(trx, id, referral.status, to, now().toISOString()))) {
          throw new AppError('referral.invalid_transition', { from: referral.status, to });
        }
        await record(
          trx,
          ctx,
          `referral.${to === 'revoked' ? 'revoke' : 'update'}`,
          'referral',
          id,
          referral.organisationId,
        );
      }),
  };
}
