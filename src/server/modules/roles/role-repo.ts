import type { Executor } from '../../platform/db/database.js';

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

export async function upsertRoleRow(
  trx: Executor,
  role: RoleRow,
  createdAt: string,
): Promise<void> {
  const existing = await findRoleRow(trx, role.name);
  if (existing === undefined) {
    await trx
      .insertInto('roles')
      .values({
        name: role.name,
        verbs: JSON.stringify(role.verbs),
        built_in: role.builtIn ? 1 : 0,
        created_at: createdAt,
      })
      .execute();
    return;
  }
  await trx
    .updateTable('roles')
    .set({ verbs: JSON.stringify(role.verbs) })
    .where('name', '=', role.name)
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
