import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds } from '../../../test-support/test-db.js';
import { migrationNames } from './migrations.js';

// Upgrades from an older release's schema holding data: what a migration must keep, it keeps.

const facts = {
  organisation_id: 'org-1',
  year: '2025',
  country: 'UA',
  citizenship: 'UA',
  sex: 'Feminine',
  age: '18-20',
  exploitation: 'sexual',
  conflict: 'Yes',
  crisis: '-',
  displacement: 'Refugee',
  status: 'Active',
};

describe.each(databaseKinds)('migration upgrades on %s', (kind) => {
  it('20261206-01 keeps pending cube changes and then takes any non-zero weight', async () => {
    const before = migrationNames[migrationNames.indexOf('20261206-01-cube-change-weights') - 1];
    const { database, dispose } = await createTestDatabase(kind, undefined, before);
    try {
      const { db } = database;
      const pending = [
        { id: 'c1', weight: 1, ...facts },
        { id: 'c2', weight: -1, ...facts, sex: 'Masculine' },
        { id: 'c3', weight: 1, ...facts, year: '2024' },
      ];
      await db.insertInto('case_cube_changes').values(pending).execute();
      // The older rule: only +1 and −1.
      await expect(
        db
          .insertInto('case_cube_changes')
          .values({ id: 'c4', weight: 5, ...facts })
          .execute(),
      ).rejects.toThrow();

      // It, and every migration after it.
      expect((await database.migrate()).applied).toEqual(
        migrationNames.slice(migrationNames.indexOf('20261206-01-cube-change-weights')),
      );

      const kept = await db.selectFrom('case_cube_changes').selectAll().orderBy('id').execute();
      expect(kept).toEqual(pending);
      await db
        .insertInto('case_cube_changes')
        .values([
          { id: 'c5', weight: 5, ...facts },
          { id: 'c6', weight: -7, ...facts },
        ])
        .execute();
      await expect(
        db
          .insertInto('case_cube_changes')
          .values({ id: 'c7', weight: 0, ...facts })
          .execute(),
      ).rejects.toThrow();
      const total = await sql<{ total: number }>`select sum(weight) as total
        from case_cube_changes`.execute(db);
      expect(Number(total.rows[0]?.total)).toBe(1 - 1 + 1 + 5 - 7);
    } finally {
      await dispose();
    }
  });
});
