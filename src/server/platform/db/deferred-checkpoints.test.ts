import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.js';

// A bulk write leaves its commits in the WAL and the database file as it was; once it ends, a
// thread of its own copies them in, without any further commit. Measured by file sizes, as
// another process would see them.
describe('SQLite checkpoints deferred during a bulk write', () => {
  let dir: string;
  let file: string;
  let database: Database;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vigil-checkpoints-'));
    file = path.join(dir, 'c.db');
    database = openDatabase({ kind: 'sqlite', file });
    await sql`create table blobs (id integer primary key, body text not null)`.execute(database.db);
  });

  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Each transaction adds about 2 MiB: past SQLite's 1,000-page (4 MiB) checkpoint threshold
  // by the third.
  let next = 0;
  const writeMegabytes = (transactions: number) =>
    (async () => {
      for (let t = 0; t < transactions; t += 1) {
        await database.db.transaction().execute(async (trx) => {
          const rows = Array.from({ length: 512 }, () => {
            next += 1;
            return { id: next, body: `${String(next)}:`.padEnd(4000, 'x') };
          });
          await sql`insert into blobs (id, body) select value ->> 'id', value ->> 'body'
            from json_each(${JSON.stringify(rows)})`.execute(trx);
        });
      }
    })();
  const databaseBytes = () => statSync(file).size;

  it('checkpoints as usual outside a bulk write', async () => {
    await writeMegabytes(6);
    expect(databaseBytes()).toBeGreaterThan(4 * 1024 * 1024);
  });

  const megabytes = 1024 * 1024;
  // The copy runs in a worker thread: the file grows without anything done on this one.
  const grownPast = (bytes: number) =>
    expect.poll(databaseBytes, { timeout: 15_000, interval: 20 }).toBeGreaterThan(bytes);

  it('keeps a bulk write in the WAL while it runs, then copies it in from another thread', async () => {
    const before = databaseBytes();
    await database.deferringCheckpoints(async () => {
      await writeMegabytes(6);
      expect(databaseBytes()).toBe(before);
    });
    await grownPast(12 * megabytes);
    // Checkpoints at commits are back: ordinary writes reach the file again.
    const folded = databaseBytes();
    await writeMegabytes(6);
    expect(databaseBytes()).toBeGreaterThan(folded + 4 * megabytes);
  });

  it('defers until the last of overlapping bulk writes ends, and after a failed one', async () => {
    const before = databaseBytes();
    let releaseFirst: () => void = () => undefined;
    const first = database.deferringCheckpoints(
      () =>
        new Promise<void>((resolve) => {
          releaseFirst = resolve;
        }),
    );
    await expect(
      database.deferringCheckpoints(async () => {
        await writeMegabytes(6);
        throw new Error('failed midway');
      }),
    ).rejects.toThrow('failed midway');
    await writeMegabytes(1);
    expect(databaseBytes()).toBe(before);
    releaseFirst();
    await first;
    await grownPast(12 * megabytes);
  });

  it('closes only after a copy still running, leaving every row readable', async () => {
    const start = next;
    await database.deferringCheckpoints(() => writeMegabytes(3));
    await database.close();
    database = openDatabase({ kind: 'sqlite', file });
    const [row] = (await sql<{ n: number }>`select count(*) as n from blobs`.execute(database.db))
      .rows;
    expect(row?.n).toBe(next - start);
  });

  it('leaves the connection alone when a bulk write ends after close', async () => {
    let finish: () => void = () => undefined;
    const bulk = database.deferringCheckpoints(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    await database.close();
    finish();
    // No copy starts and nothing touches the closed connection (that would reject unhandled,
    // once a copy had had time to start and finish: the wait below).
    await expect(bulk).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    database = openDatabase({ kind: 'sqlite', file });
  });
});
