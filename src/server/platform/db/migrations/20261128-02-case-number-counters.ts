import type { Kysely } from 'kysely';

/**
 * Case numbers become `<year>-<sequence>` per organisation. Random suffixes collided once an
 * organisation held tens of thousands of cases in a year (a birthday bound); a counter never
 * does, and people read sequential numbers over the phone more reliably.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('case_number_counters')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('next_value', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_number_counters_pk', ['organisation_id', 'year'])
    .execute();
}
