import { afterEach, describe, expect, it } from 'vitest';
import {
  createTestClock,
  createTestDatabase,
  databaseKinds,
  testMasterKey,
} from '../test-support/test-db.js';
import { createServices } from './app.js';
import { ensureFirstStart } from './first-start.js';
import { loadConfig } from './platform/config.js';

describe.each(databaseKinds)('first start demo content on %s', (kind) => {
  let dispose: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await dispose?.();
  });

  /** Services over a fresh database with the built-in roles, and a config with demo on or off. */
  const emptyInstallation = async (demo: 'on' | 'off') => {
    const test = await createTestDatabase(kind);
    dispose = test.dispose;
    const services = createServices(
      test.database,
      testMasterKey,
      { session: { idleMinutes: 30, maxHours: 12 } },
      createTestClock().now,
    );
    await services.roles.syncBuiltIns(test.database.db);
    const config = loadConfig({ VIGIL_DATA_DIR: '/tmp/vigil-demo-test', VIGIL_DEMO: demo });
    return { services, config, db: test.database.db };
  };

  const start = async (demo: 'on' | 'off') => {
    const { services, config, db } = await emptyInstallation(demo);
    return { outcome: await ensureFirstStart(services, config), db };
  };

  it('two starts at once on an empty database make one administrator, and both succeed', async () => {
    const { services, config, db } = await emptyInstallation('off');
    const outcomes = await Promise.all([
      ensureFirstStart(services, config),
      ensureFirstStart(services, config),
    ]);
    expect(outcomes.map((outcome) => outcome.created).sort()).toEqual([false, true]);
    const users = await db.selectFrom('users').select('email').execute();
    expect(users).toEqual([{ email: 'admin@example.org' }]);
  });

  it('gives the Demo organisation synthetic cases with consents, screenings and referrals', async () => {
    const { outcome, db } = await start('on');
    expect(outcome.demoCases).toBe(300);
    const cases = await db
      .selectFrom('cases')
      .select(['synthetic', 'conflict_related', 'crisis_id'])
      .execute();
    expect(cases).toHaveLength(300);
    expect(
      cases.every((c) => c.synthetic === 1 && c.conflict_related === 'Yes' && c.crisis_id !== null),
    ).toBe(true);
    const count = async (table: 'consents' | 'screenings' | 'referrals' | 'crises') =>
      (await db.selectFrom(table).select('id').execute()).length;
    expect(await count('crises')).toBe(4);
    expect(await count('consents')).toBe(200);
    expect(await count('screenings')).toBe(100);
    expect(await count('referrals')).toBe(52);
    // Populations of the demo countries, for public rates per 100,000.
    const populations = await db.selectFrom('populations').select(['source']).execute();
    expect(populations.length).toBeGreaterThan(0);
    expect(populations.every((row) => row.source === 'demo')).toBe(true);
    // Demo identities are invented and say so.
    const identities = await db.selectFrom('cases').select('identity_sealed').execute();
    expect(
      identities.every(
        (row) => row.identity_sealed !== null && !row.identity_sealed.includes('Synthetic'),
      ),
    ).toBe(true);
  });

  it('adds nothing with VIGIL_DEMO=off', async () => {
    const { outcome, db } = await start('off');
    expect(outcome.demoCases).toBe(0);
    expect(await db.selectFrom('cases').select('id').execute()).toHaveLength(0);
    expect(await db.selectFrom('populations').select('country').execute()).toHaveLength(0);
  });
});
