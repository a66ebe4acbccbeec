import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseKinds } from '../../../test-support/test-db.js';
import { openDatabase, type Database } from './database.js';
import { walScrubber } from './sqlite-wal-scrub.js';

// A shredded value must leave the files, not only the table: SQLite's WAL keeps the page as
// it was before the shredding until a checkpoint cuts it. Read as another process would read
// the files, byte for byte.
describe('scrubbing the SQLite WAL after a shredding', () => {
  let dir: string;
  let file: string;
  let database: Database;
  const secret = 'wrapped-key-7f3a9c1e5b2d4068';

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vigil-scrub-'));
    file = path.join(dir, 's.db');
    database = openDatabase({ kind: 'sqlite', file });
    await sql`create table secrets (id integer primary key, wrapped text)`.execute(database.db);
    await database.db.transaction().execute(async (trx) => {
      await sql`insert into secrets (id, wrapped) values (1, ${secret})`.execute(trx);
    });
    await database.db.transaction().execute(async (trx) => {
      await sql`update secrets set wrapped = null where id = 1`.execute(trx);
    });
  });

  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const holds = (suffix: '' | '-wal') => {
    const target = `${file}${suffix}`;
    return existsSync(target) && readFileSync(target).includes(secret);
  };
  const walBytes = () => (existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`).length : 0);

  it('leaves the shredded value in the WAL until scrubbed, then in neither file', async () => {
    // The precondition that makes the rest mean something: the table no longer has it, the WAL does.
    expect(holds('-wal')).toBe(true);
    expect(await database.scrubWal()).toBe('done');
    expect(walBytes()).toBe(0);
    expect(holds('-wal')).toBe(false);
    expect(holds('')).toBe(false);
    const rows = await sql<{ wrapped: string | null }>`select wrapped from secrets`.execute(
      database.db,
    );
    expect(rows.rows).toEqual([{ wrapped: null }]);
  });

  it('waits for a reader holding the old pages, then scrubs on its own', async () => {
    const reader = new SqliteDatabase(file, { readonly: true });
    try {
      // An open read transaction: its snapshot may still need the WAL's frames.
      reader.exec('begin');
      reader.prepare('select count(*) from secrets').get();
      expect(await database.scrubWal()).toBe('pending');
      expect(holds('-wal')).toBe(true);
      reader.exec('commit');
    } finally {
      reader.close();
    }
    // A retry a second later, with nothing asked again.
    await expect.poll(walBytes, { timeout: 10_000, interval: 50 }).toBe(0);
    expect(holds('')).toBe(false);
  });

  it('removes a value the file already held before it was shredded', async () => {
    await database.db.transaction().execute(async (trx) => {
      await sql`insert into secrets (id, wrapped) values (2, ${`${secret}-copied`})`.execute(trx);
    });
    // Copied into the database file first, as a key stored long before its forget would be.
    expect(await database.scrubWal()).toBe('done');
    expect(readFileSync(file).includes(`${secret}-copied`)).toBe(true);
    await database.db.transaction().execute(async (trx) => {
      await sql`update secrets set wrapped = null where id = 2`.execute(trx);
    });
    expect(await database.scrubWal()).toBe('done');
    expect(readFileSync(file).includes(`${secret}-copied`)).toBe(false);
    expect(walBytes()).toBe(0);
  });

  it('waits for the WAL a bulk write left to be copied in, even once the write is over', async () => {
    await database.deferringCheckpoints(async () => {
      await database.db.transaction().execute(async (trx) => {
        await sql`insert into secrets (id, wrapped) values (3, 'bulk')`.execute(trx);
      });
    });
    // The copy has only just started in its own thread.
    expect(await database.scrubWal()).toBe('pending');
    await expect.poll(walBytes, { timeout: 15_000, interval: 50 }).toBe(0);
    expect(holds('')).toBe(false);
  });

  it('holds back during a bulk write and scrubs once its WAL is copied in', async () => {
    await database.deferringCheckpoints(async () => {
      expect(await database.scrubWal()).toBe('pending');
      expect(holds('-wal')).toBe(true);
    });
    await expect.poll(walBytes, { timeout: 15_000, interval: 50 }).toBe(0);
    expect(holds('')).toBe(false);
  });

  it('keeps committing around a scrub', async () => {
    const writes = Array.from({ length: 5 }, (_, index) =>
      database.db.transaction().execute(async (trx) => {
        await sql`insert into secrets (id, wrapped) values (${index + 10}, 'x')`.execute(trx);
      }),
    );
    const [scrub] = await Promise.all([database.scrubWal(), ...writes]);
    expect(scrub).toBe('done');
    const count = await sql<{ n: number }>`select count(*) as n from secrets`.execute(database.db);
    expect(count.rows).toEqual([{ n: 6 }]);
  });
});

describe('a scrub that fails', () => {
  it('reports pending instead of failing the shredding that committed before it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vigil-scrub-'));
    const connection = new SqliteDatabase(path.join(dir, 'gone.db'));
    connection.close();
    try {
      const scrubber = walScrubber({
        // better-sqlite3 on a closed connection: every statement throws.
        exclusive: (work) => Promise.resolve().then(() => work(connection)),
        bulkWriteRunning: () => false,
        busyTimeoutMs: 5000,
      });
      expect(await scrubber.request()).toBe('pending');
      await scrubber.closing();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('scrubbing where there is no SQLite WAL', () => {
  it('has nothing to do in memory', async () => {
    const memory = openDatabase({ kind: 'sqlite', file: ':memory:' });
    try {
      expect(await memory.scrubWal()).toBe('none');
    } finally {
      await memory.close();
    }
  });

  it.skipIf(!databaseKinds.includes('postgres'))('has nothing to do on PostgreSQL', async () => {
    const { database, dispose } = await createTestDatabase('postgres');
    try {
      expect(await database.scrubWal()).toBe('none');
    } finally {
      await dispose();
    }
  });
});
