import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds } from '../../../test-support/test-db.js';
import { inSavepoint, isUniqueViolation, type Database } from './database.js';

describe.each(databaseKinds)('savepoints on %s', (kind) => {
  let database: Database;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ database, dispose } = await createTestDatabase(kind));
  });
  afterEach(async () => {
    await dispose();
  });

  const row = (key: string) => ({
    scope: 'test',
    key_hash: key,
    body_hash: 'body',
    case_id: null,
    created_at: '2026-12-07T10:00:00.000Z',
  });

  it('undoes only the failed step; the transaction reads on and commits the rest', async () => {
    const seen = await database.db.transaction().execute(async (trx) => {
      await trx.insertInto('submissions').values(row('first')).execute();
      let clash: unknown;
      try {
        await inSavepoint(trx, async () => {
          await trx.insertInto('submissions').values(row('second')).execute();
          await trx.insertInto('submissions').values(row('first')).execute();
        });
      } catch (error) {
        clash = error;
      }
      expect(isUniqueViolation(clash)).toBe(true);
      // PostgreSQL would refuse this read had the failure not been rolled back to the savepoint.
      return (await trx.selectFrom('submissions').select('key_hash').execute()).map(
        (r) => r.key_hash,
      );
    });
    expect(seen).toEqual(['first']);
    const stored = await database.db.selectFrom('submissions').select('key_hash').execute();
    expect(stored.map((r) => r.key_hash)).toEqual(['first']);
  });

  it('keeps what a step that succeeds wrote', async () => {
    const value = await database.db.transaction().execute((trx) =>
      inSavepoint(trx, async () => {
        await trx.insertInto('submissions').values(row('kept')).execute();
        return 7;
      }),
    );
    expect(value).toBe(7);
    expect(await database.db.selectFrom('submissions').select('key_hash').execute()).toEqual([
      { key_hash: 'kept' },
    ]);
  });
});
