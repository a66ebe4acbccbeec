import { createServices, type Services } from '../server/app.js';
import type { Database } from '../server/platform/db/database.js';
import { createTestClock, createTestDatabase, testMasterKey } from './test-db.js';

/**
 * Vigil's services over a fresh, migrated test database (the test master key, sessions of 30
 * minutes idle and 12 hours at most), for tests below the HTTP layer. `clock` drives every
 * time the services read; `dispose` removes the database.
 */
export async function createTestServices(
  kind: 'sqlite' | 'postgres',
  clock: { now: () => Date } = createTestClock(),
): Promise<{ database: Database; services: Services; dispose: () => Promise<void> }> {
  const { database, dispose } = await createTestDatabase(kind);
  const services = createServices(
    database,
    testMasterKey,
    { session: { idleMinutes: 30, maxHours: 12 } },
    clock.now,
  );
  return { database, services, dispose };
}

/** An organisation of type `ngo` created by the system; returns its id. */
export async function createTestOrganisation(
  services: Services,
  slug: string,
  parentId: string | null = null,
  country: string | null = null,
): Promise<string> {
  const system = { actor: { kind: 'system' } as const, requestId: null };
  const created = await services.organisations.create(system, {
    name: slug,
    slug,
    type: 'ngo',
    country,
    parentId,
    requireTwoFactor: false,
  });
  return created.id;
}
