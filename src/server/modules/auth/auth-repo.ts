import type { Executor } from '../../platform/db/database.js';
import { createQueryTemplate } from '../../platform/db/query-template.js';

// Sessions, sign-in challenges, recovery codes and failed-attempt records. Every secret is
// stored as a hash: a copy of the database does not let anyone sign in.

export interface SessionRow {
  idHash: string;
  userId: string;
  csrfToken: string;
  enrolmentOnly: boolean;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

// Written on every sign-in: compiled once.
const insertSessionQuery = createQueryTemplate((db, s: SessionRow & { enrolmentFlag: number }) =>
  db.insertInto('sessions').values({
    id_hash: s.idHash,
    user_id: s.userId,
    csrf_token: s.csrfToken,
    enrolment_only: s.enrolmentFlag,
    created_at: s.createdAt,
    last_seen_at: s.lastSeenAt,
    expires_at: s.expiresAt,
    revoked_at: s.revokedAt,
  }),
);

export async function insertSession(trx: Executor, s: SessionRow): Promise<void> {
  await insertSessionQuery(trx, { ...s, enrolmentFlag: s.enrolmentOnly ? 1 : 0 });
}

/** A session with what the request hook needs of its user, memberships included. */
export interface SessionWithUser extends SessionRow {
  userDisabled: boolean;
  userIsSystemAdmin: boolean;
  /** Each membership's organisation and role, with the role's stored verbs (JSON decoded). */
  roles: { organisationId: string; role: string; storedVerbs: string[] }[];
}

// Runs on every cookie-authenticated request: one statement, compiled once.
const sessionWithUserQuery = createQueryTemplate((db, p: { idHash: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('memberships', 'memberships.user_id', 'sessions.user_id')
    .leftJoin('roles', 'roles.name', 'memberships.role')
    .select([
      'sessions.id_hash',
      'sessions.user_id',
      'sessions.csrf_token',
      'sessions.enrolment_only',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.revoked_at',
      'users.disabled as user_disabled',
      'users.is_system_admin as user_is_system_admin',
      'memberships.organisation_id',
      'memberships.role',
      'roles.verbs',
    ])
    .where('sessions.id_hash', '=', p.idHash),
);

/** The session with this id hash, its user's status and memberships, in one read. */
export async function findSessionWithUser(
  db: Executor,
  idHash: string,
): Promise<SessionWithUser | undefined> {
  // One row per membership (one with null membership columns when there is none).
  const { rows } = await sessionWithUserQuery(db, { idHash });
  const [row] = rows;
  const roles = rows.flatMap((r) =>
    r.organisation_id === null || r.role === null || r.verbs === null
      ? []
      : [
          {
            organisationId: r.organisation_id,
            role: r.role,
            storedVerbs: JSON.parse(r.verbs) as string[],
          },
        ],
  );
  return (
    row && {
      idHash: row.id_hash,
      userId: row.user_id,
      csrfToken: row.csrf_token,
      enrolmentOnly: row.enrolment_only === 1,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      userDisabled: row.user_disabled === 1,
      userIsSystemAdmin: row.user_is_system_admin === 1,
      roles,
    }
  );
}

export async function touchSession(db: Executor, idHash: string, at: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: at })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function revokeSession(trx: Executor, idHash: string, at: string): Promise<void> {
  await trx
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('id_hash', '=', idHash)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Revokes every live session of a user, except `keepIdHash` when given. */
export async function revokeUserSessions(
  trx: Executor,
  userId: string,
  at: string,
  keepIdHash?: string,
): Promise<number> {
  let query = trx
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keepIdHash !== undefined) query = query.where('id_hash', '!=', keepIdHash);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertChallenge(
  trx: Executor,
  row: { idHash: string; userId: string; expiresAt: string },
): Promise<void> {
  await trx
    .insertInto('login_challenges')
    .values({ id_hash: row.idHash, user_id: row.userId, attempts: 0, expires_at: row.expiresAt })
    .execute();
}

export async function findChallenge(
  db: Executor,
  idHash: string,
): Promise<
  { userId: string; attempts: number; expiresAt: string; consumedAt: string | null } | undefined
> {
  const row = await db
    .selectFrom('login_challenges')
    .selectAll()
    .where('id_hash', '=', idHash)
    .executeTakeFirst();
  return (
    row && {
      userId: row.user_id,
      attempts: row.attempts,
      expiresAt: row.expires_at,
      consumedAt: row.consumed_at,
    }
  );
}

/**
 * Counts one try on a challenge still open (unused, unexpired, under `maxAttempts` tries) in
 * one conditional update: tries sent at once cannot all pass the limit. False: not open.
 */
export async function claimChallengeAttempt(
  db: Executor,
  idHash: string,
  at: string,
  maxAttempts: number,
): Promise<boolean> {
  const result = await db
    .updateTable('login_challenges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id_hash', '=', idHash)
    .where('consumed_at', 'is', null)
    .where('expires_at', '>', at)
    .where('attempts', '<', maxAttempts)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Marks the challenge used, if no other request did first. False: it was already used. */
export async function consumeChallenge(
  trx: Executor,
  idHash: string,
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('login_challenges')
    .set({ consumed_at: at })
    .where('id_hash', '=', idHash)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function replaceRecoveryCodes(
  trx: Executor,
  userId: string,
  codes: { id: string; codeHash: string }[],
): Promise<void> {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (codes.length === 0) return;
  await trx
    .insertInto('recovery_codes')
    .values(codes.map((c) => ({ id: c.id, user_id: userId, code_hash: c.codeHash, used_at: null })))
    .execute();
}

/** Marks an unused recovery code used; true when one matched. */
export async function useRecoveryCode(
  trx: Executor,
  userId: string,
  codeHash: string,
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertFailure(
  db: Executor,
  row: { id: string; kind: 'account' | 'address'; keyHash: string; at: string },
): Promise<void> {
  await db
    .insertInto('login_failures')
    .values({ id: row.id, key_kind: row.kind, key_hash: row.keyHash, at: row.at })
    .execute();
}

/** Failure times for a key since `since`, oldest first. */
export async function failuresSince(
  db: Executor,
  kind: 'account' | 'address',
  keyHash: string,
  since: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('login_failures')
    .select('at')
    .where('key_kind', '=', kind)
    .where('key_hash', '=', keyHash)
    .where('at', '>=', since)
    .orderBy('at')
    .execute();
  return rows.map((row) => row.at);
}

// Read on every sign-in: both lockout keys in one statement, compiled once.
const failuresOfBothQuery = createQueryTemplate(
  (db, p: { accountKey: string; accountSince: string; addressKey: string; addressSince: string }) =>
    db
      .selectFrom('login_failures')
      .select(['key_kind', 'at'])
      .where((eb) =>
        eb.or([
          eb.and([
            eb('key_kind', '=', 'account'),
            eb('key_hash', '=', p.accountKey),
            eb('at', '>=', p.accountSince),
          ]),
          eb.and([
            eb('key_kind', '=', 'address'),
            eb('key_hash', '=', p.addressKey),
            eb('at', '>=', p.addressSince),
          ]),
        ]),
      )
      .orderBy('at'),
);

/** Failure times of an account key and of an address key, each since its own time, oldest first. */
export async function failuresOfAccountAndAddress(
  db: Executor,
  account: { keyHash: string; since: string },
  address: { keyHash: string; since: string },
): Promise<{ account: string[]; address: string[] }> {
  const { rows } = await failuresOfBothQuery(db, {
    accountKey: account.keyHash,
    accountSince: account.since,
    addressKey: address.keyHash,
    addressSince: address.since,
  });
  const found = { account: [] as string[], address: [] as string[] };
  for (const row of rows) (row.key_kind === 'account' ? found.account : found.address).push(row.at);
  return found;
}

export async function clearFailures(
  db: Executor,
  kind: 'account' | 'address',
  keyHash: string,
): Promise<void> {
  await db
    .deleteFrom('login_failures')
    .where('key_kind', '=', kind)
    .where('key_hash', '=', keyHash)
    .execute();
}

/** Deletes failure records older than `before` (housekeeping). */
export async function pruneFailures(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('login_failures').where('at', '<', before).execute();
}

/** A session that completed two-factor enrolment may do everything its grants allow. */
export async function liftEnrolmentRestriction(trx: Executor, idHash: string): Promise<void> {
  await trx
    .updateTable('sessions')
    .set({ enrolment_only: 0 })
    .where('id_hash', '=', idHash)
    .execute();
}
