import { afterEach, beforeEach } from 'vitest';
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

/** What `servicesWorld` gives each test. */
export interface ServicesWorld {
  database: Database;
  services: Services;
  /** An organisation `field`, where the test's records go. */
  orgId: string;
}

/**
 * Registers, around each test of the enclosing suite, fresh services over a fresh database on
 * `kind` with one organisation (`field`), removed after the test. Read the fields inside tests
 * (or a `beforeEach`), not when the suite is declared.
 */
export function servicesWorld(kind: 'sqlite' | 'postgres'): ServicesWorld {
  const world = {} as ServicesWorld;
  let dispose: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    const made = await createTestServices(kind);
    dispose = made.dispose;
    world.database = made.database;
    world.services = made.services;
    world.orgId = await createTestOrganisation(made.services, 'field');
  });
  afterEach(async () => {
    await dispose?.();
  });
  return world;
}
