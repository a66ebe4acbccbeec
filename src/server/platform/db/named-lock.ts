import { sql } from 'kysely';
import type { Executor } from './database.js';
import type { Dialect } from './dialect.js';

// Some changes decide on rows they read, or on rows they find missing (moving a subtree of
// organisations rewrites every path under it; the first start creates an administrator when
// none exists): row locks cannot cover rows another transaction has not written yet, so such
// changes take one lock for their kind of change. Each lock has a fixed number, listed here
// so two never share one.

export const namedLocks = {
  /** Creating an organisation under a parent, moving one: everything that reads or writes paths. */
  organisationTree: 7301,
  /** The first start's check that no user exists and the administrator it then creates. */
  firstStart: 7302,
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
