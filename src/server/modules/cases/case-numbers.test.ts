import { describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test-support/test-db.js';
import { servicesWorld } from '../../../test-support/test-services.js';
import { reserveCaseNumbers } from './case-repo.js';

describe.each(databaseKinds)('case numbers on %s', (kind) => {
  const world = servicesWorld(kind);

  it('numbers reserved by transactions at once are all distinct, the year’s first included', async () => {
    const { database, orgId } = world;
    const writers = 5;
    // On PostgreSQL the transactions run side by side: each waits for all to have begun before
    // reserving, so all of them find the year without a counter. SQLite runs them in turn.
    let begun = 0;
    let allBegun: () => void = () => undefined;
    const everyoneIn = new Promise<void>((resolve) => {
      allBegun = resolve;
    });
    const reserved = await Promise.all(
      Array.from({ length: writers }, () =>
        database.db.transaction().execute(async (trx) => {
          if (kind === 'postgres') {
            await trx.selectFrom('organisations').select('id').execute();
            begun += 1;
            if (begun === writers) allBegun();
            await everyoneIn;
          }
          return reserveCaseNumbers(trx, orgId, 2026, 3);
        }),
      ),
    );
    const numbers = reserved.flat();
    expect(new Set(numbers).size).toBe(writers * 3);
    expect([...numbers].sort()).toEqual(
      Array.from({ length: writers * 3 }, (_, i) => `2026-${String(i + 1).padStart(5, '0')}`),
    );
  });

  it('goes on from where the year’s counter stopped', async () => {
    const { database, orgId } = world;
    const first = await database.db
      .transaction()
      .execute((trx) => reserveCaseNumbers(trx, orgId, 2025, 2));
    expect(first).toEqual(['2025-00001', '2025-00002']);
    const next = await database.db
      .transaction()
      .execute((trx) => reserveCaseNumbers(trx, orgId, 2025, 1));
    expect(next).toEqual(['2025-00003']);
  });
});
