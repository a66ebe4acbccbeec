import { sql } from 'kysely';
import type { Database, Executor } from '../server/platform/db/database.js';

/**
 * Until another transaction waits for a lock held by `trx` (PostgreSQL: a backend blocked by
 * this one's), or a moment for a queued transaction to reach the writer's queue (SQLite, where
 * nothing runs beside the writer). For tests that hold one side of a race open.
 */
export async function untilSomeoneWaitsFor(trx: Executor, database: Database): Promise<void> {
  if (database.dialect.kind === 'sqlite') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    return;
  }
  const { rows: own } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
  const holder = own[0]?.pid ?? 0;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { rows } = await sql<{ waiting: number }>`
      select count(*)::int as waiting from pg_stat_activity
      where ${holder} = any(pg_blocking_pids(pid))`.execute(database.db);
    if ((rows[0]?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('no transaction came to wait for the lock');
}
