import { afterEach, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  databaseKinds,
  pgUrl,
  testSchemaName,
} from '../../../test-support/test-db.js';
import { createPostgresSchema, openDatabase, type Database } from './database.js';
import { migrationNames } from './migrations.js';

describe.each(databaseKinds)('migrations on %s', (kind) => {
  it('apply once; a second run finds nothing to do', async () => {
    const { database, dispose } = await createTestDatabase(kind);
    try {
      expect((await database.migrate()).applied).toEqual([]);
      const head = await database.db.selectFrom('audit_head').selectAll().execute();
      expect(head).toEqual([{ id: 1, seq: 0, hash: '0'.repeat(64) }]);
    } finally {
      await dispose();
    }
  });
});

describe.skipIf(pgUrl === undefined)('migrations on PostgreSQL with several schemas', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function freshSchema(): Promise<Database> {
    if (pgUrl === undefined) throw new Error('VIGIL_TEST_PG_URL is not set');
    const schema = testSchemaName();
    cleanups.push(await createPostgresSchema(pgUrl, schema));
    const database = openDatabase({ kind: 'postgres', url: pgUrl, schema });
    cleanups.push(() => database.close());
    return database;
  }

  it('migrate a schema while another migrated Vigil schema shares the database', async () => {
    // Kysely used to find the other schema's bookkeeping tables, skip creating its own, and
    // fail with "relation kysely_migration_lock does not exist".
    const first = await freshSchema();
    await first.migrate();
    const second = await freshSchema();
    const { applied } = await second.migrate();
    expect(applied).toEqual(migrationNames);
    expect(applied).toContain('20261128-01-cases');
    expect((await second.migrate()).applied).toEqual([]);
  });
});
