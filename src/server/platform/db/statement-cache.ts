import type SqliteDatabase from 'better-sqlite3';

/** Prepared statements of one connection, by SQL text. */
export interface StatementCache {
  prepare: (sql: string) => SqliteDatabase.Statement;
  close: () => void;
}

/**
 * Gives prepared statements from a bounded cache keyed by SQL text. Kysely's SQLite driver
 * prepares every statement on every execution, which costs as much as running it; Vigil's
 * queries are a small fixed set, so each is compiled once. A statement still being iterated
 * (a streaming read) is busy and cannot be reused, so that case prepares afresh.
 */
export function withStatementCache(raw: SqliteDatabase.Database, capacity = 500): StatementCache {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      cache.clear();
      raw.close();
    },
    prepare: (sql) => {
      const cached = cache.get(sql);
      if (cached !== undefined && !cached.busy) {
        // Re-insert to keep the map in least-recently-used order.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = raw.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > capacity) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      return statement;
    },
  };
}
