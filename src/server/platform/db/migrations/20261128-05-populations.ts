import { sql, type Kysely } from 'kysely';

/**
 * Population figures per country and year (public data, imported from CSV), for rates per
 * 100,000 population in public outputs. One row per country-year; an import updates it in place.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('populations')
    // ISO 3166-1 alpha-3.
    .addColumn('country', 'text', (c) => c.notNull().check(sql`length(country) = 3`))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 1900 and 2100`))
    .addColumn('population', 'integer', (c) => c.notNull().check(sql`population > 0`))
    .addColumn('source', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('populations_pk', ['country', 'year'])
    .execute();
}
