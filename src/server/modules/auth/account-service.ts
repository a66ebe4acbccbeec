import { AppError } from '../../../shared/app-error.js';
import type { Language } from '../../../shared/vocabulary.js';
import { checkPassword } from '../../../core/password-policy.js';
import {
  checkTotp,
  hashPassword,
  newId,
  newTotpSecret,
  randomFromAlphabet,
  totpUri,
  verifyPassword,
} from '../../platform/crypto/index.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { auditActorOf, type RequestContext } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { type Membership, type User, type UserService } from '../users/index.js';
import type { VaultService } from '../vault/index.js';
import { liftEnrolmentRestriction, replaceRecoveryCodes } from './auth-repo.js';
import { recoveryCodeHash } from './login-service.js';
import type { IssuedSession, SessionService } from './session-service.js';
import { openTotpSecret, sealTotpSecret } from './totp-secret.js';

export interface AccountService {
  me: (ctx: RequestContext) => Promise<{ user: User; memberships: Membership[] }>;
  updateMe: (
    ctx: RequestContext,
    input: { displayName?: string | undefined; language?: Language | undefined },
  ) => Promise<User>;
  /** Changes the caller's password; every session ends and a fresh one is issued. */
  changePassword: (
    ctx: RequestContext,
    currentPassword: string,
    newPassword: string,
  ) => Promise<IssuedSession>;
  /** An administrator sets a user's password; all the user's sessions end. */
  resetPassword: (ctx: RequestContext, userId: string, newPassword: string) => Promise<void>;
  beginTotp: (ctx: RequestContext) => Promise<{ secret: string; uri: string }>;
  confirmTotp: (ctx: RequestContext, code: string) => Promise<{ recoveryCodes: string[] }>;
  disableTotp: (ctx: RequestContext, password: string) => Promise<void>;
  regenerateRecoveryCodes: (ctx: RequestContext) => Promise<{ recoveryCodes: string[] }>;
}

const recoveryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

function newRecoveryCodes(): string[] {
  return Array.from(
    { length: 10 },
    () => `${randomFromAlphabet(recoveryAlphabet, 5)}-${randomFromAlphabet(recoveryAlphabet, 5)}`,
  );
}

function selfOf(ctx: RequestContext): { userId: string; sessionId: string | null } {
  const actor = ctx.actor;
  if (actor.kind === 'user') return { userId: actor.userId, sessionId: actor.sessionId };
  if (actor.kind === 'token') return { userId: actor.userId, sessionId: null };
  throw new AppError('access.denied', { reason: 'no user account' });
}

/**
 * The signed-in user themself, for changes to their own account (profile, password, two-factor,
 * recovery codes). An API token acts for its owner within its verbs; none of these is among
 * them, or a stolen token would let its holder enrol their own second factor and lock the
 * owner out.
 */
function signedInSelfOf(ctx: RequestContext): { userId: string; sessionId: string | null } {
  if (ctx.actor.kind === 'token') {
    throw new AppError('access.denied', { reason: 'only a signed-in user changes their account' });
  }
  return selfOf(ctx);
}

function refusePassword(problem: string, field: string): AppError {
  return new AppError(problem as 'password.too_short', [
    { path: ['body', field], issue: problem, message: 'Password refused' },
  ]);
}

export function createAccountService(deps: {
  database: Database;
  audit: AuditService;
  users: UserService;
  sessions: SessionService;
  vault: VaultService;
  now: () => Date;
}): AccountService {
  const { database, audit, users, sessions, vault, now } = deps;

  /**
   * The signed-in user, locked until `trx` ends: account changes decide on what they read (a
   * data key made when there is none, a pending secret confirmed), so two at once take turns.
   */
  const loadSelf = async (trx: Executor, ctx: RequestContext): Promise<User> => {
    const user = await users.findByIdLocked(trx, signedInSelfOf(ctx).userId);
    if (user === undefined) throw new AppError('auth.session_expired');
    return user;
  };
  /** The user behind the session or token, to read. */
  const readSelf = async (db: Executor, ctx: RequestContext): Promise<User> => {
    const user = await users.findById(db, selfOf(ctx).userId);
    if (user === undefined) throw new AppError('auth.session_expired');
    return user;
  };
  const record = (trx: Executor, ctx: RequestContext, action: string, userId: string) =>
    audit.record(trx, {
      actor: auditActorOf(ctx.actor),
      action,
      targetType: 'user',
      targetId: userId,
      requestId: ctx.requestId,
    });
  const storeRecoveryCodes = async (trx: Executor, userId: string): Promise<string[]> => {
    const codes = newRecoveryCodes();
    await replaceRecoveryCodes(
      trx,
      userId,
      codes.map((code) => ({ id: newId(), codeHash: recoveryCodeHash(userId, code) })),
    );
    return codes;
  };

  return {
    async me(ctx) {
      // Reading who one is stays open to tokens: an integration checks whose rights it holds.
      const user = await readSelf(database.db, ctx);
      return { user, memberships: await users.memberships(database.db, user.id) };
    },
    updateMe: (ctx, input) =>
      database.db.transaction().execute(async (trx) => {
        const user = await loadSelf(trx, ctx);
        await users.applyChanges(trx, user.id, input);
        await record(trx, ctx, 'user.update_self', user.id);
        return {
          ...user,
          ...(input.displayName === undefined ? {} : { displayName: input.displayName }),
          ...(input.language === undefined ? {} : { language: input.language }),
        };
      }),
    changePassword: (ctx, currentPassword, newPassword) =>
      database.db.transaction().execute(async (trx) => {
        const user = await loadSelf(trx, ctx);
        if (!(await verifyPassword(user.passwordHash, currentPassword))) {
          throw new AppError('auth.password_incorrect', [
            { path: ['body', 'currentPassword'], issue: 'incorrect', message: 'Incorrect' },
          ]);
        }
        const problem = checkPassword(newPassword, user.email);
        if (problem !== null) throw refusePassword(problem, 'newPassword');
        const at = now().toISOString();
        await users.applyChanges(trx, user.id, {
          passwordHash: await hashPassword(newPassword),
          passwordChangedAt: at,
        });
        await sessions.revokeAllOf(trx, user.id);
        await record(trx, ctx, 'user.change_password', user.id);
        return sessions.issue(trx, user.id, false);
      }),
    resetPassword: (ctx, userId, newPassword) =>
      database.db.transaction().execute(async (trx) => {
        const user = await users.findById(trx, userId);
        if (user === undefined) throw new AppError('user.not_found', { id: userId });
        await users.authorizeAccountAction(trx, ctx.actor, 'user.reset_password', user);
        const problem = checkPassword(newPassword, user.email);
        if (problem !== null) throw refusePassword(problem, 'newPassword');
        await users.applyChanges(trx, user.id, {
          passwordHash: await hashPassword(newPassword),
          passwordChangedAt: now().toISOString(),
        });
        await sessions.revokeAllOf(trx, user.id);
        await record(trx, ctx, 'user.reset_password', user.id);
      }),
    beginTotp: (ctx) =>
      database.db.transaction().execute(async (trx) => {
        const user = await loadSelf(trx, ctx);
        if (user.totpEnabledAt !== null) throw new AppError('auth.totp_already_enabled');
        const secret = newTotpSecret();
        const { sealed, dataKeyId } = await sealTotpSecret(vault, trx, user, secret);
        await users.applyChanges(trx, user.id, { totpPendingSealed: sealed, dataKeyId });
        await record(trx, ctx, 'user.totp_begin', user.id);
        return { secret, uri: totpUri(secret, user.email) };
      }),
    confirmTotp: (ctx, code) =>
      database.db.transaction().execute(async (trx) => {
        const user = await loadSelf(trx, ctx);
        if (user.totpEnabledAt !== null) throw new AppError('auth.totp_already_enabled');
        const secret = await openTotpSecret(vault, trx, user, 'totp_pending_sealed');
        const step = checkTotp(secret, code, now());
        if (step === null) {
          // 400, not 401: a wrong code while enrolling is a form error, not a lost session.
          throw new AppError('auth.totp_code_incorrect', [
            { path: ['body', 'code'], issue: 'incorrect', message: 'Incorrect code' },
          ]);
        }
        await users.applyChanges(trx, user.id, {
          totpSecretSealed: user.totpPendingSealed,
          totpPendingSealed: null,
          totpEnabledAt: now().toISOString(),
          totpLastStep: step,
        });
        const recoveryCodes = await storeRecoveryCodes(trx, user.id);
        // Enrolment completes the session: lift the enrolment-only restriction by reissuing.
        const { sessionId } = selfOf(ctx);
        await sessions.revokeAllOf(trx, user.id, sessionId ?? undefined);
        if (sessionId !== null) await liftEnrolmentRestriction(trx, sessionId);
        await record(trx, ctx, 'user.totp_enable', user.id);
        return { recoveryCodes };
      }),
    disableTotp: (ctx, password) =>
      database.db.transaction().execute(async (trx) => {
        const user = await loadSelf(trx, ctx);
        if (!(await verifyPassword(user.passwordHash, password))) {
          throw new AppError('auth.password_incorrect', [
            { path: ['body', 'password'], issue: 'incorrect', message: 'Incorrect' },
          ]);
        }
        const memberships = await users.memberships(trx, user.id);
        if (memberships.some((m) => m.requireTwoFactor)) {
          throw new AppError('auth.totp_required_by_organisation');
        }
        await users.applyChanges(trx, user.id, {
          totpSecretSealed: null,
          totpPendingSealed: null,
          totpEnabledAt: null,
          totpLastStep: null,
        });
        await replaceRecoveryCodes(trx, user.id, []);
        await record(trx, ctx, 'user.totp_disable', user.id);
      }),
    regenerateRecoveryCodes: (ctx) =>
      database.db.transaction().execute(async (trx) => {
        const user = await loadSelf(trx, ctx);
        if (user.totpEnabledAt === null) throw new AppError('auth.totp_not_pending');
        const recoveryCodes = await storeRecoveryCodes(trx, user.id);
        await record(trx, ctx, 'user.recovery_codes_regenerate', user.id);
        return { recoveryCodes };
      }),
  };
}
