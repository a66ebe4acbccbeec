import { sql } from 'kysely';
import type { Executor } from './database.js';
import type { Dialect } from './dialect.js';

// Some changes read several rows and rewrite others from what they read (moving a subtree of
// organisations rewrites every path under it): row locks cannot cover rows not yet written by
// another transaction, so such changes take one lock for their kind of change. Each lock has a
// fixed number, listed here so two never share one.

export const namedLocks = {
  /** Creating an organisation under a parent, moving one: everything that reads or writes paths. */
  organisationTree: 7301,
} as const;

/**
 * Holds the named lock until the transaction ends, waiting for any other holder. On SQLite the
 * one writer already runs write transactions one at a time, so there is nothing to take.
 */
export async function takeNamedLock(
  trx: Executor,
  dialect: Dialect,
  lock: keyof typeof namedLocks,
): Promise<void> {
  if (!dialect.supportsForUpdate) return;
  await sql`select pg_advisory_xact_lock(${namedLocks[lock]})`.execute(trx);
}
