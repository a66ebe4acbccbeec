import { AppError } from '../../../shared/app-error.js';
import { grantsForToken } from '../../../core/token-grants.js';
import { randomSecret, safeEqual, sha256Hex } from '../../platform/crypto/index.js';
import type { Database, Executor } from '../../platform/db/database.js';
import type { Actor } from '../access/index.js';
import type { TokenService } from '../tokens/index.js';
import { grantsFromRoles, type UserService } from '../users/index.js';
import {
  findSessionWithUser,
  insertSession,
  revokeSession,
  revokeUserSessions,
  touchSession,
} from './auth-repo.js';

/** A new session's secrets: the cookie value and the CSRF token, each shown once. */
export interface IssuedSession {
  token: string;
  csrfToken: string;
  idHash: string;
}

export interface SessionService {
  issue: (trx: Executor, userId: string, enrolmentOnly: boolean) => Promise<IssuedSession>;
  /** The actor behind a session cookie, or an `auth.*` error. */
  resolveCookie: (token: string) => Promise<{ actor: Actor; csrfToken: string }>;
  /** The actor behind a bearer token, or `auth.token_invalid`. */
  resolveBearer: (token: string) => Promise<Actor>;
  revoke: (trx: Executor, sessionIdHash: string) => Promise<void>;
  revokeAllOf: (trx: Executor, userId: string, keepIdHash?: string) => Promise<number>;
  /** Checks a CSRF header against the session's token in constant time. */
  checkCsrf: (expected: string, given: string | undefined) => void;
}

// last_seen_at is rewritten at most once a minute, so reads do not turn into writes.
const touchIntervalMs = 60_000;

export function createSessionService(deps: {
  database: Database;
  users: UserService;
  tokens: TokenService;
  now: () => Date;
  idleMinutes: number;
  maxHours: number;
}): SessionService {
  const { database, users, tokens, now } = deps;
  const idleMs = deps.idleMinutes * 60_000;

  return {
    async issue(trx, userId, enrolmentOnly) {
      const token = randomSecret(32);
      const csrfToken = randomSecret(24);
      const idHash = sha256Hex(token);
      const at = now();
      await insertSession(trx, {
        idHash,
        userId,
        csrfToken,
        enrolmentOnly,
        createdAt: at.toISOString(),
        lastSeenAt: at.toISOString(),
        expiresAt: new Date(at.getTime() + deps.maxHours * 3_600_000).toISOString(),
        revokedAt: null,
      });
      return { token, csrfToken, idHash };
    },
    async resolveCookie(token) {
      const idHash = sha256Hex(token);
      const session = await findSessionWithUser(database.db, idHash);
      const at = now();
      if (session === undefined || session.revokedAt !== null) {
        throw new AppError('auth.session_expired');
      }
      const idleUntil = Date.parse(session.lastSeenAt) + idleMs;
      if (at.getTime() > idleUntil || at.toISOString() >= session.expiresAt) {
        throw new AppError('auth.session_expired');
      }
      if (session.userDisabled) throw new AppError('auth.session_expired');
      if (at.getTime() - Date.parse(session.lastSeenAt) > touchIntervalMs) {
        await touchSession(database.db, idHash, at.toISOString());
      }
      const actor: Actor = {
        kind: 'user',
        userId: session.userId,
        sessionId: idHash,
        isSystemAdmin: session.userIsSystemAdmin,
        grants: grantsFromRoles(session.roles),
        enrolmentOnly: session.enrolmentOnly,
      };
      return { actor, csrfToken: session.csrfToken };
    },
    async resolveBearer(token) {
      const resolved = await tokens.resolve(database.db, token);
      const user = await users.findById(database.db, resolved.userId);
      if (user === undefined || user.disabled) throw new AppError('auth.token_invalid');
      // A token can never do more than its owner can do today in its organisation.
      const grants = grantsForToken({
        ownerGrants: await users.grantsOf(database.db, user.id),
        ownerIsSystemAdmin: user.isSystemAdmin,
        organisationPath: resolved.organisationPath,
        verbs: resolved.verbs,
      });
      return {
        kind: 'token',
        userId: user.id,
        tokenId: resolved.tokenId,
        isSystemAdmin: false,
        enrolmentOnly: false,
        grants,
      };
    },
    revoke: (trx, idHash) => revokeSession(trx, idHash, now().toISOString()),
    revokeAllOf: (trx, userId, keep) => revokeUserSessions(trx, userId, now().toISOString(), keep),
    checkCsrf(expected, given) {
      if (given === undefined || !safeEqual(expected, given))
        throw new AppError('auth.csrf_failed');
    },
  };
}
