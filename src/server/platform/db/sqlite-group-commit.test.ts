import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommitSqliteDialect } from './sqlite-group-commit.js';

interface Tables {
  t: { n: number; v: string };
  parent: { id: number };
  child: { id: number; parent_id: number };
}

function open(file: string): SqliteDatabase.Database {
  const raw = new SqliteDatabase(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  return raw;
}

describe.each(['file', 'memory'] as const)('SQLite group commit (%s database)', (mode) => {
  let dir: string;
  let db: Kysely<Tables>;
  /** Another process's view: a third connection that sees committed data only. */
  let probe: SqliteDatabase.Database | null;
  let groups: number[];

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'vigil-group-'));
    const file = mode === 'file' ? path.join(dir, 'g.db') : ':memory:';
    const writer = open(file);
    const reader = mode === 'file' ? open(file) : null;
    reader?.pragma('query_only = ON');
    probe = mode === 'file' ? open(file) : null;
    groups = [];
    db = new Kysely<Tables>({
      dialect: new GroupCommitSqliteDialect(writer, reader, (members) => groups.push(members)),
    });
    await sql`create table t (n integer primary key, v text not null)`.execute(db);
    await sql`create table parent (id integer primary key)`.execute(db);
    await sql`create table child (id integer primary key, parent_id integer not null
      references parent (id) deferrable initially deferred)`.execute(db);
    groups = [];
  });

  afterEach(async () => {
    probe?.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (n: number) =>
    db.transaction().execute((trx) =>
      trx
        .insertInto('t')
        .values({ n, v: `row ${String(n)}` })
        .execute(),
    );
  const committedCount = () =>
    (probe?.prepare('select count(*) as c from t').get() as { c: number } | undefined)?.c;
  const rows = async () =>
    (await db.selectFrom('t').select('n').orderBy('n').execute()).map((r) => r.n);

  it('commits transactions that arrive together with one COMMIT', async () => {
    await Promise.all([1, 2, 3, 4, 5].map(insert));
    expect(groups).toEqual([5]);
    expect(await rows()).toEqual([1, 2, 3, 4, 5]);
  });

  it('resolves a transaction only once its group is committed', async () => {
    const seen: (number | undefined)[] = [];
    await Promise.all(
      [1, 2, 3].map((n) =>
        insert(n).then(() => {
          seen.push(committedCount());
        }),
      ),
    );
    if (mode === 'file') expect(seen).toEqual([3, 3, 3]);
    expect(groups).toEqual([3]);
  });

  it('rolls back a failing transaction alone, leaving the rest of its group', async () => {
    const results = await Promise.allSettled([
      insert(1),
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ n: 2, v: 'doomed' }).execute();
        throw new Error('the caller gives up');
      }),
      // A constraint error inside a transaction: its earlier insert goes too.
      db.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ n: 3, v: 'doomed too' }).execute();
        await trx.insertInto('t').values({ n: 1, v: 'duplicate' }).execute();
      }),
      insert(4),
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
    expect(await rows()).toEqual([1, 4]);
    expect(groups).toEqual([2]);
  });

  it('fails every member when the group COMMIT fails, and keeps none of their writes', async () => {
    // A deferred foreign key is checked at COMMIT: the orphan fails the whole group.
    const results = await Promise.allSettled([
      insert(1),
      db
        .transaction()
        .execute((trx) => trx.insertInto('child').values({ id: 1, parent_id: 99 }).execute()),
      insert(2),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(await rows()).toEqual([]);
    // The next transaction starts a fresh group and commits.
    await insert(3);
    expect(await rows()).toEqual([3]);
  });

  it('gives reads outside a transaction committed data only', async () => {
    const pending = insert(1);
    const during = await db.selectFrom('t').select('n').execute();
    await pending;
    // A file database reads through its second connection, which cannot see the open group;
    // an in-memory one commits the group before it reads.
    expect(during.map((r) => r.n)).toEqual(mode === 'file' ? [] : [1]);
    expect(await rows()).toEqual([1]);
  });

  it('lets a transaction see its group, while reads outside it see only what is committed', async () => {
    if (mode === 'memory') return; // an in-memory database has no second connection
    const [, views] = await Promise.all([
      insert(1),
      db.transaction().execute(async (trx) => ({
        inside: (await trx.selectFrom('t').select('n').execute()).length,
        outside: (await db.selectFrom('t').select('n').execute()).length,
      })),
    ]);
    expect(views).toEqual({ inside: 1, outside: 0 });
  });

  it('commits the pending group before a write outside any transaction', async () => {
    const pending = insert(1);
    // A write that returns rows is still a write: it must not go to the read-only connection.
    const inserted = await db.insertInto('t').values({ n: 2, v: 'alone' }).returning('n').execute();
    expect(inserted).toEqual([{ n: 2 }]);
    expect(committedCount() ?? (await rows()).length).toBe(2);
    await pending;
    expect(await rows()).toEqual([1, 2]);
  });

  it('streams reads outside and inside transactions', async () => {
    await Promise.all([1, 2, 3].map(insert));
    const outside: number[] = [];
    for await (const row of db.selectFrom('t').select('n').orderBy('n').stream())
      outside.push(row.n);
    expect(outside).toEqual([1, 2, 3]);
    const inside = await db.transaction().execute(async (trx) => {
      const seen: number[] = [];
      for await (const row of trx.selectFrom('t').select('n').orderBy('n').stream())
        seen.push(row.n);
      return seen;
    });
    expect(inside).toEqual([1, 2, 3]);
  });
  it('sends a statement the second connection cannot prepare yet to the writer', async () => {
    let insert: Promise<unknown> = Promise.resolve();
    await db.transaction().execute(async (trx) => {
      await sql`create table later (x integer)`.execute(trx);
      // Outside the transaction: the read-only connection cannot see the table before the
      // group commits, so the insert must wait for the writer rather than fail.
      insert = sql`insert into later (x) values (1)`.execute(db);
    });
    await insert;
    const { rows } = await sql<{ x: number }>`select x from later`.execute(db);
    expect(rows).toEqual([{ x: 1 }]);
  });
});
