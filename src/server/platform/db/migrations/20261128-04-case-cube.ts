import { sql, type Kysely } from 'kysely';

// The stored dimensions as this migration created them (src/core/stats/cube-dimensions.ts).
const changeColumns = [
  'year',
  'country',
  'citizenship',
  'sex',
  'age',
  'exploitation',
  'conflict',
  'crisis',
  'displacement',
  'status',
] as const;
const sqlWeight = sql`weight in (-1, 1)`;

/**
 * The case cube (src/core/stats): pre-aggregated counts of case records that cross-tabs read
 * instead of the cases. Three tables:
 * - `case_cube_cuboids`: one row per cuboid (three dimensions plus the organisation), its cells
 *   packed into one text value, so that a cuboid is read in one row, not thousands;
 * - `case_cube_changes`: signed analytic facts appended by each case write in its own
 *   transaction (+1 the case as it is now, −1 as it was), folded into the cuboids on read and
 *   compacted away;
 * - `case_cube_versions`: a counter per organisation bumped by every write, whose sum tells a
 *   server whether the cuboids it holds in memory are still current.
 * No foreign keys: the cube is derived data that a rebuild recreates from `cases`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_cube_cuboids')
    .addColumn('cuboid', 'text', (c) => c.primaryKey())
    .addColumn('cells', 'text', (c) => c.notNull())
    .addColumn('cell_count', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  let change = db.schema
    .createTable('case_cube_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull().check(sqlWeight));
  for (const column of changeColumns) {
    change = change.addColumn(column, 'text', (c) => c.notNull());
  }
  await change.execute();

  await db.schema
    .createTable('case_cube_versions')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}
