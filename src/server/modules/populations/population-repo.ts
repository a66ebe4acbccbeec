import type { Executor, InsertRows } from '../../platform/db/database.js';
import type { StoredPopulation } from './population-model.js';

interface PopulationRow {
  country: string;
  year: number | string;
  population: number | string;
  source: string | null;
  updated_at: string;
}

function toPopulation(row: PopulationRow): StoredPopulation {
  return {
    country: row.country,
    year: Number(row.year),
    population: Number(row.population),
    source: row.source,
    updatedAt: row.updated_at,
  };
}

/** Populations, by country then year; optionally of one country or one year. */
export async function listPopulations(
  db: Executor,
  filter: { country?: string; year?: number } = {},
): Promise<StoredPopulation[]> {
  let query = db.selectFrom('populations').selectAll();
  if (filter.country !== undefined) query = query.where('country', '=', filter.country);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  const rows = await query.orderBy('country').orderBy('year').execute();
  return rows.map(toPopulation);
}

/** The stored populations of these countries (every year), for comparing an import against. */
export async function findPopulationsOf(
  db: Executor,
  countries: readonly string[],
): Promise<StoredPopulation[]> {
  if (countries.length === 0) return [];
  const rows = await db
    .selectFrom('populations')
    .selectAll()
    .where('country', 'in', [...countries])
    .execute();
  return rows.map(toPopulation);
}

/** Adds new country-years (none may exist yet). */
export async function insertPopulations(
  trx: Executor,
  insertRows: InsertRows,
  rows: readonly Omit<StoredPopulation, 'updatedAt'>[],
  at: string,
): Promise<void> {
  await insertRows(
    trx,
    'populations',
    rows.map((row) => ({
      country: row.country,
      year: row.year,
      population: row.population,
      source: row.source,
      updated_at: at,
    })),
  );
}

/** Replaces the figure and source of one existing country-year. */
export async function updatePopulation(
  trx: Executor,
  row: Omit<StoredPopulation, 'updatedAt'>,
  at: string,
): Promise<void> {
  await trx
    .updateTable('populations')
    .set({ population: row.population, source: row.source, updated_at: at })
    .where('country', '=', row.country)
    .where('year', '=', row.year)
    .execute();
}
