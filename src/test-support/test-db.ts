import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import {
  createPostgresSchema,
  openDatabase,
  type Database,
} from '../server/platform/db/database.js';
import { migrateUpTo } from '../server/platform/db/migrations.js';

/** The PostgreSQL server tests run against, when CI (or a developer) provides one. */
export const pgUrl = process.env.VIGIL_TEST_PG_URL;

/**
 * A name for a test's own PostgreSQL schema. It carries its creation time (seconds since the
 * epoch), so a run clearing schemas an interrupted run left behind can tell them from those
 * of a run still going on the same database (see global-setup.ts).
 */
export function testSchemaName(): string {
  return `vigil_test_${String(Math.floor(Date.now() / 1000))}_${randomBytes(6).toString('hex')}`;
}

/** The databases every repository and API test runs against. */
export const databaseKinds: ('sqlite' | 'postgres')[] =
  pgUrl === undefined ? ['sqlite'] : ['sqlite', 'postgres'];

/**
 * A fresh, migrated database for one test: a SQLite file in its own temporary folder (a file,
 * as in production, so reads take the committed-read connection of the group-commit driver),
 * or a new PostgreSQL schema. `dispose` removes it. Nothing is shared between tests.
 */
export async function createTestDatabase(
  kind: 'sqlite' | 'postgres',
  sqliteFile?: string,
  /** Migrate only up to this migration (an older release's schema), not to the latest. */
  upTo?: string,
): Promise<{ database: Database; dispose: () => Promise<void> }> {
  const migrate = (database: Database) =>
    upTo === undefined
      ? database.migrate()
      : migrateUpTo(database.db as Kysely<unknown>, database.dialect, upTo);
  if (kind === 'sqlite') {
    const dir = sqliteFile === undefined ? mkdtempSync(path.join(tmpdir(), 'vigil-test-')) : null;
    const database = openDatabase({
      kind: 'sqlite',
      file: sqliteFile ?? path.join(dir ?? '', 'vigil.db'),
    });
    const dispose = async () => {
      await database.close();
      if (dir !== null) rmSync(dir, { recursive: true, force: true });
    };
    try {
      await migrate(database);
    } catch (error) {
      await dispose();
      throw error;
    }
    return { database, dispose };
  }
  if (pgUrl === undefined) throw new Error('VIGIL_TEST_PG_URL is not set');
  const schema = testSchemaName();
  const drop = await createPostgresSchema(pgUrl, schema);
  const database = openDatabase({ kind: 'postgres', url: pgUrl, schema });
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    await drop();
    throw error;
  }
  return {
    database,
    dispose: async () => {
      await database.close();
      await drop();
    },
  };
}

/** A clock tests can move. */
export function createTestClock(start = new Date('2026-06-01T09:00:00.000Z')): {
  now: () => Date;
  advance: (ms: number) => void;
} {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
  };
}

/** A fixed master key for tests (never used outside them). */
export const testMasterKey = Buffer.alloc(32, 7).toString('base64');
