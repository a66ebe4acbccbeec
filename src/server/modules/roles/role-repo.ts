import type { Executor } from '../../platform/db/database.js';
import type { Dialect } from '../../platform/db/dialect.js';

export interface RoleRow {
  name: string;
  verbs: string[];
  builtIn: boolean;
}

export async function listRoleRows(db: Executor): Promise<RoleRow[]> {
  const rows = await db.selectFrom('roles').selectAll().orderBy('name').execute();
  return rows.map((row) => ({
    name: row.name,
    verbs: JSON.parse(row.verbs) as string[],
    builtIn: row.built_in === 1,
  }));
}

export async function findRoleRow(db: Executor, name: string): Promise<RoleRow | undefined> {
  const row = await db.selectFrom('roles').selectAll().where('name', '=', name).executeTakeFirst();
  return (
    row && { name: row.name, verbs: JSON.parse(row.verbs) as string[], builtIn: row.built_in === 1 }
  );
}

/** As findRoleRow, the row locked until the transaction ends where writers need locks. */
export async function findRoleRowLocked(
  trx: Executor,
  dialect: Dialect,
  name: string,
): Promise<RoleRow | undefined> {
  let query = trx.selectFrom('roles').selectAll().where('name', '=', name);
  if (dialect.supportsForUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  return (
    row && { name: row.name, verbs: JSON.parse(row.verbs) as string[], builtIn: row.built_in === 1 }
  );
}

/** Adds a role; a role of that name already there fails on the primary key (the check). */
export async function insertRoleRow(
  trx: Executor,
  role: RoleRow,
  createdAt: string,
): Promise<void> {
  await trx
    .insertInto('roles')
    .values({
      name: role.name,
      verbs: JSON.stringify(role.verbs),
      built_in: role.builtIn ? 1 : 0,
      created_at: createdAt,
    })
    .execute();
}

/** Sets a role's verbs; false when no role has that name (deleted meanwhile, say). */
export async function updateRoleVerbs(
  trx: Executor,
  name: string,
  verbs: readonly string[],
): Promise<boolean> {
  const result = await trx
    .updateTable('roles')
    .set({ verbs: JSON.stringify(verbs) })
    .where('name', '=', name)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Adds a built-in role or brings its verbs up to date, in one statement (starts at once). */
export async function upsertBuiltInRole(
  db: Executor,
  name: string,
  verbs: readonly string[],
  createdAt: string,
): Promise<void> {
  await db
    .insertInto('roles')
    .values({ name, verbs: JSON.stringify(verbs), built_in: 1, created_at: createdAt })
    .onConflict((oc) => oc.column('name').doUpdateSet({ verbs: JSON.stringify(verbs) }))
    .execute();
}

export async function deleteRoleRow(trx: Executor, name: string): Promise<void> {
  await trx.deleteFrom('roles').where('name', '=', name).execute();
}

export async function countMembershipsWithRole(db: Executor, name: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('role', '=', name)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
