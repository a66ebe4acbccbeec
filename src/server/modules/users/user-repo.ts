import type { Selectable } from 'kysely';
import type { Executor } from '../../platform/db/database.js';
import type { Dialect } from '../../platform/db/dialect.js';
import type { UsersTable } from '../../platform/db/schema.js';
import type { User } from './user-model.js';

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    language: row.language as User['language'],
    passwordHash: row.password_hash,
    passwordChangedAt: row.password_changed_at,
    isSystemAdmin: row.is_system_admin === 1,
    disabled: row.disabled === 1,
    dataKeyId: row.data_key_id,
    totpSecretSealed: row.totp_secret_sealed,
    totpPendingSealed: row.totp_pending_sealed,
    totpEnabledAt: row.totp_enabled_at,
    totpLastStep: row.totp_last_step,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertUser(trx: Executor, user: User): Promise<void> {
  await trx
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      language: user.language,
      password_hash: user.passwordHash,
      password_changed_at: user.passwordChangedAt,
      is_system_admin: user.isSystemAdmin ? 1 : 0,
      disabled: user.disabled ? 1 : 0,
      data_key_id: user.dataKeyId,
      totp_secret_sealed: user.totpSecretSealed,
      totp_pending_sealed: user.totpPendingSealed,
      totp_enabled_at: user.totpEnabledAt,
      totp_last_step: user.totpLastStep,
      created_at: user.createdAt,
      updated_at: user.updatedAt,
    })
    .execute();
}

export async function findUserById(db: Executor, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/**
 * As findUserById, the row locked until the transaction ends where writers need locks
 * (PostgreSQL): for a change decided on what is read (a data key made when there is none).
 */
export async function findUserByIdLocked(
  trx: Executor,
  dialect: Dialect,
  id: string,
): Promise<User | undefined> {
  let query = trx.selectFrom('users').selectAll().where('id', '=', id);
  if (dialect.supportsForUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return row && toUser(row);
}

export async function findUserByEmail(db: Executor, email: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .executeTakeFirst();
  return row && toUser(row);
}

/** Users with a membership in the subtrees of `rootIds` (every user when null). */
export async function listUsers(db: Executor, rootIds: readonly string[] | null): Promise<User[]> {
  let query = db.selectFrom('users').selectAll('users');
  if (rootIds !== null) {
    if (rootIds.length === 0) return [];
    query = query.where('users.id', 'in', (eb) =>
      eb
        .selectFrom('memberships')
        .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
        .select('memberships.user_id')
        .where((inner) =>
          inner.or(rootIds.map((id) => inner('organisations.path', 'like', `%/${id}/%`))),
        ),
    );
  }
  const rows = await query.orderBy('users.email').execute();
  return rows.map(toUser);
}

/** Columns a service may change; each key maps to one column. */
export type UserChanges = Partial<
  Pick<
    User,
    | 'displayName'
    | 'language'
    | 'disabled'
    | 'passwordHash'
    | 'passwordChangedAt'
    | 'dataKeyId'
    | 'totpSecretSealed'
    | 'totpPendingSealed'
    | 'totpEnabledAt'
    | 'totpLastStep'
  >
>;

export async function updateUser(
  trx: Executor,
  id: string,
  changes: UserChanges,
  updatedAt: string,
): Promise<void> {
  const set: Partial<Selectable<UsersTable>> = { updated_at: updatedAt };
  if (changes.displayName !== undefined) set.display_name = changes.displayName;
  if (changes.language !== undefined) set.language = changes.language;
  if (changes.disabled !== undefined) set.disabled = changes.disabled ? 1 : 0;
  if (changes.passwordHash !== undefined) set.password_hash = changes.passwordHash;
  if (changes.passwordChangedAt !== undefined) set.password_changed_at = changes.passwordChangedAt;
  if (changes.dataKeyId !== undefined) set.data_key_id = changes.dataKeyId;
  if (changes.totpSecretSealed !== undefined) set.totp_secret_sealed = changes.totpSecretSealed;
  if (changes.totpPendingSealed !== undefined) set.totp_pending_sealed = changes.totpPendingSealed;
  if (changes.totpEnabledAt !== undefined) set.totp_enabled_at = changes.totpEnabledAt;
  if (changes.totpLastStep !== undefined) set.totp_last_step = changes.totpLastStep;
  await trx.updateTable('users').set(set).where('id', '=', id).execute();
}

/**
 * Records `step` as the last accepted two-factor time step if it is later than the one
 * recorded, in one conditional update: of two requests with the same code, one wins. False:
 * the step was already used (a replay).
 */
export async function advanceTotpStep(
  trx: Executor,
  id: string,
  step: number,
  updatedAt: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('users')
    .set({ totp_last_step: step, updated_at: updatedAt })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
