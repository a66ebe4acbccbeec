import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds } from '../../../test-support/test-db.js';
import type { Database } from './database.js';
import { createQueryTemplate } from './query-template.js';

describe.each(databaseKinds)('query templates on %s', (kind) => {
  let database: Database;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ database, dispose } = await createTestDatabase(kind));
  });
  afterEach(async () => {
    await dispose();
  });

  let builds = 0;
  const insertKey = createQueryTemplate(
    (db, p: { id: string; wrapped: string | null; at: string; shreddedAt: string | null }) => {
      builds += 1;
      return db.insertInto('data_keys').values({
        id: p.id,
        wrapped: p.wrapped,
        master_key_id: 'constant-key',
        created_at: p.at,
        shredded_at: p.shreddedAt,
      });
    },
  );
  const keysSince = createQueryTemplate((db, p: { since: string; until: string }) =>
    db
      .selectFrom('data_keys')
      .select(['id', 'wrapped', 'master_key_id'])
      .where('created_at', '>=', p.since)
      .where('created_at', '<', p.until)
      .orderBy('created_at'),
  );

  const at = (minute: number) => `2026-06-01T09:${String(minute).padStart(2, '0')}:00.000Z`;

  it('builds once, then binds each call’s parameters (nulls and constants included)', async () => {
    const before = builds;
    await insertKey(database.db, { id: 'k1', wrapped: 'w1', at: at(1), shreddedAt: null });
    await insertKey(database.db, { id: 'k2', wrapped: null, at: at(2), shreddedAt: at(3) });
    await insertKey(database.db, { id: 'k3', wrapped: 'w3', at: at(4), shreddedAt: null });
    expect(builds - before).toBeLessThanOrEqual(1);

    const { rows } = await keysSince(database.db, { since: at(2), until: at(5) });
    expect(rows).toEqual([
      { id: 'k2', wrapped: null, master_key_id: 'constant-key' },
      { id: 'k3', wrapped: 'w3', master_key_id: 'constant-key' },
    ]);
    expect((await keysSince(database.db, { since: at(0), until: at(2) })).rows).toEqual([
      { id: 'k1', wrapped: 'w1', master_key_id: 'constant-key' },
    ]);
  });

  it('runs inside a transaction and rolls back with it', async () => {
    const before = builds;
    await database.db.transaction().execute(async (trx) => {
      await insertKey(trx, { id: 'kept', wrapped: 'w', at: at(1), shreddedAt: null });
    });
    await expect(
      database.db.transaction().execute(async (trx) => {
        await insertKey(trx, { id: 'undone', wrapped: 'w', at: at(2), shreddedAt: null });
        expect((await keysSince(trx, { since: at(0), until: at(9) })).rows).toHaveLength(2);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const { rows } = await keysSince(database.db, { since: at(0), until: at(9) });
    expect(rows.map((row) => row.id)).toEqual(['kept']);
    // A transaction shares its database's compiled statement.
    await insertKey(database.db, { id: 'later', wrapped: 'w', at: at(3), shreddedAt: null });
    expect(builds - before).toBe(1);
  });

  it('reports affected rows like the query builder', async () => {
    const result = await insertKey(database.db, {
      id: 'k',
      wrapped: 'w',
      at: at(1),
      shreddedAt: null,
    });
    expect(result.numAffectedRows).toBe(1n);
  });
});
