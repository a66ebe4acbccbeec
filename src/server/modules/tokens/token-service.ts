import { AppError } from '../../../shared/app-error.js';
import { grantsForToken } from '../../../core/token-grants.js';
import { isPermissionVerb, type PermissionVerb } from '../../../shared/permissions.js';
import { newId, randomSecret, sha256Hex } from '../../platform/crypto/index.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { auditActorOf, authorize, type RequestContext } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import type { OrganisationService } from '../organisations/index.js';
import {
  findToken,
  findTokenByHash,
  insertToken,
  listTokens,
  markTokenUsed,
  revokeToken,
} from './token-repo.js';
import type { ApiToken } from './token-model.js';

/** A prefix that makes leaked tokens easy to find by secret scanners. */
const tokenPrefix = 'vgl_';

export interface CreateTokenInput {
  name: string;
  organisationId: string;
  verbs: PermissionVerb[];
  expiresInDays: number;
}

/** What a valid bearer token stands for. */
export interface ResolvedToken {
  tokenId: string;
  userId: string;
  organisationId: string;
  organisationPath: string[];
  verbs: PermissionVerb[];
}

export interface TokenService {
  /** Creates a token for the acting user; the secret is returned here and never again. */
  create: (
    ctx: RequestContext,
    input: CreateTokenInput,
  ) => Promise<{ token: ApiToken; secret: string }>;
  /** Internal: creates a token for a given user without an HTTP actor (CLI). */
  createFor: (
    trx: Executor,
    ctx: RequestContext,
    userId: string,
    input: CreateTokenInput,
  ) => Promise<{ token: ApiToken; secret: string }>;
  list: (ctx: RequestContext, organisationId?: string) => Promise<ApiToken[]>;
  revoke: (ctx: RequestContext, id: string) => Promise<void>;
  resolve: (db: Executor, secret: string) => Promise<ResolvedToken>;
}

export function createTokenService(deps: {
  database: Database;
  audit: AuditService;
  organisations: OrganisationService;
  now: () => Date;
}): TokenService {
  const { database, audit, organisations, now } = deps;

  const createFor: TokenService['createFor'] = async (trx, ctx, userId, input) => {
    const org = await organisations.load(trx, input.organisationId);
    const at = now();
    const secret = `${tokenPrefix}${randomSecret(32)}`;
    const token: ApiToken = {
      id: newId(),
      name: input.name,
      userId,
      organisationId: org.id,
      verbs: [...new Set(input.verbs)],
      createdAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + input.expiresInDays * 86_400_000).toISOString(),
      revokedAt: null,
      lastUsedAt: null,
    };
    await insertToken(trx, token, sha256Hex(secret));
    await audit.record(trx, {
      actor: auditActorOf(ctx.actor),
      action: 'token.create',
      targetType: 'api_token',
      targetId: token.id,
      organisationId: org.id,
      requestId: ctx.requestId,
    });
    return { token, secret };
  };

  return {
    createFor,
    create: (ctx, input) =>
      database.db.transaction().execute(async (trx) => {
        const actor = ctx.actor;
        if (actor.kind !== 'user') throw new AppError('access.denied', { verb: 'token.manage' });
        const org = await organisations.load(trx, input.organisationId);
        const scope = { organisationPath: org.path };
        authorize(actor, 'token.manage', scope);
        // Checked as the token will hold them (core/token-grants.ts): a verb the owner holds
        // above the organisation does not always reach into it.
        const granted = grantsForToken({
          ownerGrants: actor.grants,
          ownerIsSystemAdmin: actor.isSystemAdmin,
          organisationPath: org.path,
          verbs: input.verbs,
        }).flatMap((grant) => grant.verbs);
        const exceeding = input.verbs.filter((verb) => !granted.includes(verb));
        if (exceeding.length > 0) {
          throw new AppError('token.verbs_exceed_grant', [
            { path: ['body', 'verbs'], issue: 'exceeds_grant', message: exceeding.join(', ') },
          ]);
        }
        return createFor(trx, ctx, actor.userId, input);
      }),
    async list(ctx, organisationId) {
      const actor = ctx.actor;
      if (actor.kind === 'system') return listTokens(database.db, {});
      if (organisationId === undefined) {
        return listTokens(database.db, { userId: actor.userId });
      }
      const org = await organisations.load(database.db, organisationId);
      authorize(actor, 'token.manage', { organisationPath: org.path });
      return listTokens(database.db, { organisationIds: [org.id] });
    },
    revoke: (ctx, id) =>
      database.db.transaction().execute(async (trx) => {
        const token = await findToken(trx, id);
        if (token === undefined) throw new AppError('token.not_found', { id });
        const actor = ctx.actor;
        const own = actor.kind === 'user' && actor.userId === token.userId;
        if (!own) {
          const org = await organisations.load(trx, token.organisationId);
          authorize(actor, 'token.manage', { organisationPath: org.path });
        }
        await revokeToken(trx, id, now().toISOString());
        await audit.record(trx, {
          actor: auditActorOf(actor),
          action: 'token.revoke',
          targetType: 'api_token',
          targetId: id,
          organisationId: token.organisationId,
          requestId: ctx.requestId,
        });
      }),
    async resolve(db, secret) {
      if (!secret.startsWith(tokenPrefix)) throw new AppError('auth.token_invalid');
      const token = await findTokenByHash(db, sha256Hex(secret));
      const at = now().toISOString();
      if (token === undefined || token.revokedAt !== null || token.expiresAt <= at) {
        throw new AppError('auth.token_invalid');
      }
      const org = await organisations.load(db, token.organisationId);
      // Recorded at most once a minute per token to keep machine clients from writing on read.
      if (token.lastUsedAt === null || Date.parse(at) - Date.parse(token.lastUsedAt) > 60_000) {
        await markTokenUsed(db, token.id, at);
      }
      return {
        tokenId: token.id,
        userId: token.userId,
        organisationId: token.organisationId,
        organisationPath: org.path,
        verbs: token.verbs.filter(isPermissionVerb),
      };
    },
  };
}
