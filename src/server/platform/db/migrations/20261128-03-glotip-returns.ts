import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

// GLOTIP returns (decision 0005): one return per data set × reporting entity × year, its current
// cells, immutable sealed versions, the workflow history and warning comments. Cell values are
// stored as columns (kind, value, lower, upper) rather than JSON so that the statistics query
// filters and reads them without parsing.

const bool = (name: string) => sql`${sql.ref(name)} in (0, 1)`;
const statuses = sql`('draft','submitted','returned','accepted','approved','published')`;

async function forbidChanges(db: Kysely<unknown>, dialect: Dialect, table: string): Promise<void> {
  const message = sql.lit(`${table} is append-only`);
  if (dialect.kind === 'sqlite') {
    await sql`create trigger ${sql.raw(`${table}_no_update`)} before update on ${sql.table(table)}
      begin select raise(abort, ${message}); end`.execute(db);
    await sql`create trigger ${sql.raw(`${table}_no_delete`)} before delete on ${sql.table(table)}
      begin select raise(abort, ${message}); end`.execute(db);
    return;
  }
  await sql`create function ${sql.raw(`${table}_append_only`)}() returns trigger
    language plpgsql as $$ begin raise exception ${message}; end $$`.execute(db);
  await sql`create trigger ${sql.raw(`${table}_no_change`)} before update or delete
    on ${sql.table(table)} for each row
    execute function ${sql.raw(`${table}_append_only`)}()`.execute(db);
}

/** Creates data sets, returns, cells, versions, events and warning comments. */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('glotip_data_sets')
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('glotip_data_sets_pk', ['code', 'version'])
    .execute();

  await db.schema
    .createTable('glotip_returns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('data_set_code', 'text', (c) => c.notNull())
    .addColumn('data_set_version', 'integer', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${statuses}`))
    // The working version; versions below it (and it, once locked) are sealed.
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('entered','derived','dataunodc','synthetic')`),
    )
    .addColumn('source_note', 'text')
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0).check(bool('synthetic')))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('first_submitted_at', 'text')
    // Who accepted the working version: the four-eyes rule keeps them from approving it.
    .addColumn('accepted_by', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint(
      'glotip_returns_data_set',
      ['data_set_code', 'data_set_version'],
      'glotip_data_sets',
      ['code', 'version'],
    )
    .addUniqueConstraint('glotip_returns_entity_year', ['data_set_code', 'organisation_id', 'year'])
    .execute();
  await db.schema
    .createIndex('glotip_returns_year_status')
    .on('glotip_returns')
    .columns(['year', 'status'])
    .execute();

  await db.schema
    .createTable('glotip_return_cells')
    .addColumn('return_id', 'text', (c) => c.notNull().references('glotip_returns.id'))
    .addColumn('cell_key', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('age', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('count','censored','not_available','not_applicable')`),
    )
    .addColumn('value', 'integer')
    .addColumn('lower', 'integer')
    .addColumn('upper', 'integer')
    .addColumn('raw_text', 'text')
    .addColumn('derived_value', 'integer')
    .addColumn('record_count', 'integer')
    .addColumn('override_reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('glotip_return_cells_pk', ['return_id', 'cell_key'])
    // The value columns must match the kind: a backstop under the API's zod schema.
    .addCheckConstraint(
      'glotip_return_cells_value',
      sql`(kind = 'count' and value >= 0 and lower is null and upper is null)
        or (kind = 'censored' and value is null and lower >= 0 and upper >= lower)
        or (kind in ('not_available','not_applicable')
            and value is null and lower is null and upper is null)`,
    )
    .execute();
  await db.schema
    .createIndex('glotip_return_cells_indicator')
    .on('glotip_return_cells')
    .columns(['indicator', 'dimension'])
    .execute();

  await db.schema
    .createTable('glotip_return_versions')
    .addColumn('return_id', 'text', (c) => c.notNull().references('glotip_returns.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${statuses}`))
    // Canonical JSON of the cells (sorted keys and cells) and its SHA-256.
    .addColumn('cells', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('cell_count', 'integer', (c) => c.notNull())
    .addColumn('sealed_by', 'text')
    .addColumn('sealed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('glotip_return_versions_pk', ['return_id', 'version'])
    .execute();
  await forbidChanges(db, dialect, 'glotip_return_versions');

  await db.schema
    .createTable('glotip_return_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('return_id', 'text', (c) => c.notNull().references('glotip_returns.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull().check(sql`to_status in ${statuses}`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('level_organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('comment', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('glotip_return_events_seq', ['return_id', 'seq'])
    .execute();
  await forbidChanges(db, dialect, 'glotip_return_events');

  await db.schema
    .createTable('glotip_warning_comments')
    .addColumn('return_id', 'text', (c) => c.notNull().references('glotip_returns.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('glotip_warning_comments_pk', ['return_id', 'version', 'subject'])
    .execute();
}
