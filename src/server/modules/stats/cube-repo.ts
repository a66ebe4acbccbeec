import type { Insertable, Selectable } from 'kysely';
import { cubeDimensions, type CubeDimension } from '../../../core/stats/index.js';
import type { Executor, InsertRows } from '../../platform/db/database.js';
import type { CaseCubeChangesTable, CasesTable } from '../../platform/db/schema.js';

/** The analytic columns of a case the cube counts (never an identifying or sealed column). */
export const caseFactColumns = [
  'organisation_id',
  'registration_year',
  'country_of_exploitation',
  'primary_citizenship',
  'gender',
  'majority_status',
  'age_band',
  'exploitation_types',
  'conflict_related',
  'crisis_id',
  'displacement_status',
  'trafficking_status',
] as const;
export type CaseFactRow = Pick<Selectable<CasesTable>, (typeof caseFactColumns)[number]>;

/** A page of case facts in id order, after `afterId` (keyset paging for rebuilds). */
export async function readCaseFactsPage(
  db: Executor,
  afterId: string | null,
  limit: number,
): Promise<(CaseFactRow & { id: string })[]> {
  let q = db
    .selectFrom('cases')
    .select(['id', ...caseFactColumns])
    .orderBy('id')
    .limit(limit);
  if (afterId !== null) q = q.where('id', '>', afterId);
  return q.execute();
}

/** Appends signed changes in the caller's transaction. */
export async function appendChanges(
  insertRows: InsertRows,
  trx: Executor,
  rows: readonly Insertable<CaseCubeChangesTable>[],
): Promise<void> {
  await insertRows(trx, 'case_cube_changes', rows);
}

/** Adds one to the write counter of each scope (an organisation id, or '*'). */
export async function bumpVersions(trx: Executor, scopes: readonly string[]): Promise<void> {
  for (const scope of [...new Set(scopes)].sort()) {
    await trx
      .insertInto('case_cube_versions')
      .values({ scope, version: 1 })
      .onConflict((oc) =>
        oc
          .column('scope')
          .doUpdateSet((eb) => ({ version: eb('case_cube_versions.version', '+', 1) })),
      )
      .execute();
  }
}

/** The cube's freshness stamp: the sum of every write counter (each only ever grows). */
export async function readStamp(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('case_cube_versions')
    .select((eb) => eb.fn.sum<number | string | null>('version').as('stamp'))
    .executeTakeFirst();
  return Number(row?.stamp ?? 0);
}

/**
 * Serialises compactions and rebuilds: both update this row first, so on PostgreSQL a second
 * one waits until the first has committed (SQLite has one writer anyway). Its version stays 0
 * and so never moves the stamp.
 */
export async function lockCubeMaintenance(trx: Executor): Promise<void> {
  const scope = '#maintenance';
  const updated = await trx
    .updateTable('case_cube_versions')
    .set({ version: 0 })
    .where('scope', '=', scope)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) {
    await trx
      .insertInto('case_cube_versions')
      .values({ scope, version: 0 })
      .onConflict((oc) => oc.column('scope').doUpdateSet({ version: 0 }))
      .execute();
  }
}

/** A cuboid's packed cells, or undefined before the first build. */
export async function readCuboidCells(db: Executor, cuboidId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('case_cube_cuboids')
    .select('cells')
    .where('cuboid', '=', cuboidId)
    .executeTakeFirst();
  return row?.cells;
}

/** How many cuboids are stored (all of them once the cube was built). */
export async function countCuboids(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('case_cube_cuboids')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Pending changes projected on three dimensions. */
export async function readChangesOn(
  db: Executor,
  dims: readonly [CubeDimension, CubeDimension, CubeDimension],
): Promise<{ organisation_id: string; weight: number; codes: string[] }[]> {
  const rows = await db
    .selectFrom('case_cube_changes')
    .select(['organisation_id', 'weight', ...dims])
    .execute();
  return rows.map((row) => ({
    organisation_id: row.organisation_id,
    weight: row.weight,
    codes: dims.map((dim) => row[dim]),
  }));
}

/** How many changes wait to be folded into the cuboids. */
export async function countChanges(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('case_cube_changes')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Deletes every change this transaction can see and returns them. On PostgreSQL a change
 * another compaction deleted first is not returned, so each change is folded in exactly once.
 */
export async function takeChanges(trx: Executor): Promise<Selectable<CaseCubeChangesTable>[]> {
  return trx
    .deleteFrom('case_cube_changes')
    .returning(['organisation_id', 'weight', ...cubeDimensions, 'id'])
    .execute();
}

/** Stores a cuboid's packed cells. */
export async function writeCuboid(
  trx: Executor,
  cuboidId: string,
  cells: string,
  cellCount: number,
  at: string,
): Promise<void> {
  await trx
    .insertInto('case_cube_cuboids')
    .values({ cuboid: cuboidId, cells, cell_count: cellCount, updated_at: at })
    .onConflict((oc) =>
      oc.column('cuboid').doUpdateSet({ cells, cell_count: cellCount, updated_at: at }),
    )
    .execute();
}

/** Ids of the organisations in these organisations' subtrees (themselves included). */
export async function organisationIdsUnder(
  db: Executor,
  rootIds: readonly string[],
): Promise<string[]> {
  if (rootIds.length === 0) return [];
  const rows = await db
    .selectFrom('organisations')
    .select('id')
    .where((eb) => eb.or(rootIds.map((id) => eb('path', 'like', `%/${id}/%`))))
    .execute();
  return rows.map((row) => row.id);
}

/** An organisation's stored materialised path, or undefined. */
export async function organisationPathOf(db: Executor, id: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select('path')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.path;
}
