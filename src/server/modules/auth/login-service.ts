import { AppError } from '../../../shared/app-error.js';
import {
  accountRule,
  addressRule,
  lockedUntil,
  lookbackMs,
  type ThrottleRule,
} from '../../../core/login-throttle.js';
import {
  checkTotp,
  newId,
  randomSecret,
  sha256Hex,
  verifyDecoy,
  verifyPassword,
} from '../../platform/crypto/index.js';
import type { Database, Executor } from '../../platform/db/database.js';
import type { AuditService } from '../audit/index.js';
import type { User, UserService } from '../users/index.js';
import type { VaultService } from '../vault/index.js';
import {
  clearFailures,
  consumeChallenge,
  claimChallengeAttempt,
  failuresOfAccountAndAddress,
  failuresSince,
  findChallenge,
  insertChallenge,
  insertFailure,
  useRecoveryCode,
} from './auth-repo.js';
import type { IssuedSession, SessionService } from './session-service.js';
import { openTotpSecret } from './totp-secret.js';

export type LoginResult =
  | { status: 'signed_in'; session: IssuedSession; userId: string }
  | { status: 'totp_required'; challenge: string };

export interface LoginService {
  login: (input: {
    email: string;
    password: string;
    clientAddress: string;
    requestId: string;
  }) => Promise<LoginResult>;
  completeTotp: (input: {
    challenge: string;
    code?: string | undefined;
    recoveryCode?: string | undefined;
    requestId: string;
  }) => Promise<LoginResult>;
  logout: (sessionIdHash: string, userId: string, requestId: string) => Promise<void>;
}

const challengeTtlMs = 5 * 60_000;
const maxChallengeAttempts = 5;

/** Hash of a recovery code (they are random, high-entropy: a fast hash is enough). */
export function recoveryCodeHash(userId: string, code: string): string {
  return sha256Hex(`${userId}:${code}`);
}

export function createLoginService(deps: {
  database: Database;
  audit: AuditService;
  users: UserService;
  sessions: SessionService;
  vault: VaultService;
  throttleKey: (input: string) => string;
  now: () => Date;
}): LoginService {
  const { database, audit, users, sessions, vault, throttleKey, now } = deps;

  const sinceFor = (at: Date, rule: ThrottleRule) =>
    new Date(at.getTime() - lookbackMs(rule)).toISOString();

  /** The account's lockout, and whether it has failures that a sign-in would forgive. */
  const accountLockout = async (key: string) => {
    const at = now();
    const failures = await failuresSince(database.db, 'account', key, sinceFor(at, accountRule));
    return { until: lockedUntil(failures, at, accountRule), hasFailures: failures.length > 0 };
  };

  /** As accountLockout, and the client address's lockout, read together. */
  const signInLockout = async (accountKey: string, addressKey: string) => {
    const at = now();
    const failures = await failuresOfAccountAndAddress(
      database.db,
      { keyHash: accountKey, since: sinceFor(at, accountRule) },
      { keyHash: addressKey, since: sinceFor(at, addressRule) },
    );
    return {
      until:
        lockedUntil(failures.account, at, accountRule) ??
        lockedUntil(failures.address, at, addressRule),
      hasFailures: failures.account.length > 0,
    };
  };

  const recordAttempt = (
    trx: Executor,
    action: string,
    outcome: 'success' | 'failure' | 'denied',
    user: User | undefined,
    requestId: string,
  ) =>
    audit.record(trx, {
      actor: user === undefined ? { type: 'anonymous', id: null } : { type: 'user', id: user.id },
      action,
      targetType: user === undefined ? null : 'user',
      targetId: user?.id ?? null,
      requestId,
      outcome,
    });

  const accountKeyOf = (email: string) => throttleKey(`account:${email}`);

  /**
   * Finishes sign-in once every factor is verified. Failed attempts are forgiven only here, so
   * a correct password followed by wrong second-factor codes still counts towards the lockout.
   * `hasFailures` comes from the lockout check: with no failure inside the lockout window
   * there is nothing whose forgiveness could change a later check, so nothing is deleted.
   */
  const signIn = async (
    trx: Executor,
    user: User,
    requestId: string,
    hasFailures: boolean,
  ): Promise<LoginResult> => {
    if (hasFailures) await clearFailures(trx, 'account', accountKeyOf(user.email));
    const memberships = await users.memberships(trx, user.id);
    const mustEnrol = user.totpEnabledAt === null && memberships.some((m) => m.requireTwoFactor);
    const session = await sessions.issue(trx, user.id, mustEnrol);
    await recordAttempt(trx, 'auth.login', 'success', user, requestId);
    return { status: 'signed_in', session, userId: user.id };
  };

  return {
    async login({ email, password, clientAddress, requestId }) {
      const accountKey = accountKeyOf(email);
      const addressKey = throttleKey(`address:${clientAddress}`);
      const { until, hasFailures } = await signInLockout(accountKey, addressKey);
      if (until !== null) {
        await database.db
          .transaction()
          .execute((trx) => recordAttempt(trx, 'auth.login', 'denied', undefined, requestId));
        throw new AppError('auth.locked', { retryAfter: until.toISOString() });
      }
      const user = await users.findByEmail(database.db, email);
      const valid =
        user === undefined || user.disabled
          ? await verifyDecoy(password)
          : await verifyPassword(user.passwordHash, password);
      if (!valid || user === undefined) {
        const at = now().toISOString();
        await database.db.transaction().execute(async (trx) => {
          await insertFailure(trx, { id: newId(), kind: 'account', keyHash: accountKey, at });
          await insertFailure(trx, { id: newId(), kind: 'address', keyHash: addressKey, at });
          await recordAttempt(trx, 'auth.login', 'failure', user, requestId);
        });
        throw new AppError('auth.invalid_credentials');
      }
      return database.db.transaction().execute(async (trx) => {
        if (user.totpEnabledAt !== null) {
          const challenge = randomSecret(32);
          await insertChallenge(trx, {
            idHash: sha256Hex(challenge),
            userId: user.id,
            expiresAt: new Date(now().getTime() + challengeTtlMs).toISOString(),
          });
          await recordAttempt(trx, 'auth.password_verified', 'success', user, requestId);
          return { status: 'totp_required', challenge };
        }
        return signIn(trx, user, requestId, hasFailures);
      });
    },

    async completeTotp({ challenge, code, recoveryCode, requestId }) {
      const idHash = sha256Hex(challenge);
      const found = await findChallenge(database.db, idHash);
      const at = now();
      // Every try is counted before its code is checked, each in its own conditional update:
      // tries sent at once cannot all pass the limit on what they read.
      if (
        found === undefined ||
        !(await database.db
          .transaction()
          .execute((trx) =>
            claimChallengeAttempt(trx, idHash, at.toISOString(), maxChallengeAttempts),
          ))
      ) {
        throw new AppError('auth.challenge_invalid');
      }
      const user = await users.findById(database.db, found.userId);
      if (user === undefined || user.disabled || user.totpSecretSealed === null) {
        throw new AppError('auth.challenge_invalid');
      }
      const accountKey = accountKeyOf(user.email);
      const { until, hasFailures } = await accountLockout(accountKey);
      if (until !== null) throw new AppError('auth.locked', { retryAfter: until.toISOString() });
      return database.db
        .transaction()
        .execute(async (trx) => {
          let accepted = false;
          if (code !== undefined) {
            const secret = await openTotpSecret(vault, trx, user, 'totp_secret_sealed');
            const step = checkTotp(secret, code, at);
            // A code is accepted once: a step at or before the last accepted one is a replay,
            // decided by the update itself, not by the user row read before.
            accepted = step !== null && (await users.acceptTotpStep(trx, user.id, step));
          } else if (recoveryCode !== undefined) {
            accepted = await useRecoveryCode(
              trx,
              user.id,
              recoveryCodeHash(user.id, recoveryCode),
              at.toISOString(),
            );
          }
          if (!accepted) return null;
          // Two right answers at once (two recovery codes, say): the first to use it signs in.
          if (!(await consumeChallenge(trx, idHash, at.toISOString()))) {
            throw new AppError('auth.challenge_invalid');
          }
          return signIn(trx, user, requestId, hasFailures);
        })
        .then(async (result) => {
          if (result !== null) return result;
          await database.db.transaction().execute(async (trx) => {
            await insertFailure(trx, {
              id: newId(),
              kind: 'account',
              keyHash: accountKey,
              at: at.toISOString(),
            });
            await recordAttempt(trx, 'auth.totp', 'failure', user, requestId);
          });
          throw new AppError('auth.totp_invalid');
        });
    },

    logout: (sessionIdHash, userId, requestId) =>
      database.db.transaction().execute(async (trx) => {
        await sessions.revoke(trx, sessionIdHash);
        await audit.record(trx, {
          actor: { type: 'user', id: userId },
          action: 'auth.logout',
          targetType: 'session',
          targetId: null,
          requestId,
        });
      }),
  };
}
