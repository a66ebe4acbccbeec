import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

describe('SQLite statement cache', () => {
  let raw: SqliteDatabase.Database;
  beforeEach(() => {
    raw = new SqliteDatabase(':memory:');
    raw.exec('create table t (n integer)');
    raw.exec('insert into t values (1), (2), (3)');
  });
  afterEach(() => {
    if (raw.open) raw.close();
  });

  it('prepares each SQL text once and reuses the statement', () => {
    const cached = withStatementCache(raw);
    const first = cached.prepare('select n from t order by n');
    const second = cached.prepare('select n from t order by n');
    expect(second).toBe(first);
    expect(second.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(cached.prepare('select count(*) as c from t')).not.toBe(first);
  });

  it('prepares afresh while the cached statement is still being iterated', () => {
    const cached = withStatementCache(raw);
    const streaming = cached.prepare('select n from t order by n');
    const rows = streaming.iterate([]);
    rows.next();
    const meanwhile = cached.prepare('select n from t order by n');
    expect(meanwhile).not.toBe(streaming);
    expect(meanwhile.all([])).toHaveLength(3);
    rows.return?.();
  });

  it('evicts the least recently used statement beyond its capacity', () => {
    const cached = withStatementCache(raw, 2);
    const a = cached.prepare('select 1');
    const b = cached.prepare('select 2');
    cached.prepare('select 1'); // a is now the most recently used
    cached.prepare('select 3'); // evicts "select 2"
    expect(cached.prepare('select 1')).toBe(a);
    expect(cached.prepare('select 2')).not.toBe(b);
  });

  it('closes the database', () => {
    withStatementCache(raw).close();
    expect(raw.open).toBe(false);
  });
});
