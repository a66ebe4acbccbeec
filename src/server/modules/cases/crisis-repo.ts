import type { Executor } from '../../platform/db/database.js';

/** A crisis of the reference list: conflicts and disasters cases can belong to. */
export interface Crisis {
  id: string;
  name: string;
  countries: string[];
  startDate: string;
  endDate: string | null;
}

export async function insertCrisis(trx: Executor, crisis: Crisis, at: string): Promise<void> {
  await trx
    .insertInto('crises')
    .values({
      id: crisis.id,
      name: crisis.name,
      countries: JSON.stringify(crisis.countries),
      start_date: crisis.startDate,
      end_date: crisis.endDate,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function listCrises(db: Executor): Promise<Crisis[]> {
  const rows = await db.selectFrom('crises').selectAll().orderBy('start_date', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    countries: JSON.parse(row.countries) as string[],
    startDate: row.start_date,
    endDate: row.end_date,
  }));
}

export async function crisisExists(db: Executor, id: string): Promise<boolean> {
  const row = await db.selectFrom('crises').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}
