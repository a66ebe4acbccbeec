import type { Executor } from '../../platform/db/database.js';
import { pathToIds } from '../access/index.js';
import type { Membership } from './user-model.js';

function baseQuery(db: Executor) {
  return db
    .selectFrom('memberships')
    .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select([
      'memberships.id',
      'memberships.user_id',
      'memberships.organisation_id',
      'memberships.role',
      'memberships.created_at',
      'organisations.name as organisation_name',
      'organisations.path as organisation_path',
      'organisations.require_two_factor',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toMembership(row: Row): Membership {
  return {
    id: row.id,
    userId: row.user_id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    organisationPath: pathToIds(row.organisation_path),
    requireTwoFactor: row.require_two_factor === 1,
    role: row.role,
    createdAt: row.created_at,
  };
}

export async function listMembershipsOfUser(db: Executor, userId: string): Promise<Membership[]> {
  const rows = await baseQuery(db).where('memberships.user_id', '=', userId).execute();
  return rows.map(toMembership);
}

/** Memberships in the subtrees of `rootIds` (all when null). */
export async function listMembershipsUnder(
  db: Executor,
  rootIds: readonly string[] | null,
  filter: { userId?: string | undefined; organisationId?: string | undefined },
): Promise<Membership[]> {
  let query = baseQuery(db);
  if (filter.userId !== undefined) query = query.where('memberships.user_id', '=', filter.userId);
  if (filter.organisationId !== undefined) {
    query = query.where('memberships.organisation_id', '=', filter.organisationId);
  }
  if (rootIds !== null) {
    if (rootIds.length === 0) return [];
    query = query.where((eb) =>
      eb.or(rootIds.map((id) => eb('organisations.path', 'like', `%/${id}/%`))),
    );
  }
  const rows = await query.orderBy('memberships.created_at').execute();
  return rows.map(toMembership);
}

export async function findMembership(db: Executor, id: string): Promise<Membership | undefined> {
  const row = await baseQuery(db).where('memberships.id', '=', id).executeTakeFirst();
  return row && toMembership(row);
}

export async function membershipExists(
  db: Executor,
  userId: string,
  organisationId: string,
  role: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .where('role', '=', role)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertMembership(
  trx: Executor,
  row: { id: string; userId: string; organisationId: string; role: string; createdAt: string },
): Promise<void> {
  await trx
    .insertInto('memberships')
    .values({
      id: row.id,
      user_id: row.userId,
      organisation_id: row.organisationId,
      role: row.role,
      created_at: row.createdAt,
    })
    .execute();
}

export async function deleteMembership(trx: Executor, id: string): Promise<void> {
  await trx.deleteFrom('memberships').where('id', '=', id).execute();
}

/** Each membership's organisation and its role's stored verbs (JSON decoded). */
export async function listRoleGrantsOfUser(
  db: Executor,
  userId: string,
): Promise<{ organisationId: string; role: string; storedVerbs: string[] }[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('roles', 'roles.name', 'memberships.role')
    .select(['memberships.organisation_id', 'memberships.role', 'roles.verbs'])
    .where('memberships.user_id', '=', userId)
    .execute();
  return rows.map((row) => ({
    organisationId: row.organisation_id,
    role: row.role,
    storedVerbs: JSON.parse(row.verbs) as string[],
  }));
}
