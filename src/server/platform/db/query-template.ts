import { CompiledQuery, type Compilable, type QueryResult } from 'kysely';
import type { Executor } from './database.js';

/** Stands for a named parameter while a template is built. */
class Slot {
  constructor(readonly name: string) {}
}

/** Stand-ins for every parameter: reading `params.x` yields the slot named `x`. */
const standIns = new Proxy<object>(
  {},
  { get: (_target, name) => (typeof name === 'string' ? new Slot(name) : undefined) },
);

interface Compiled {
  sql: string;
  /** Constants as compiled, or the slot whose parameter takes their place. */
  parameters: readonly unknown[];
}

/**
 * A query that Kysely builds and compiles once per database dialect, then runs with each call's
 * parameters. Kysely otherwise rebuilds the operation tree and compiles it to SQL on every
 * execution, which costs about as much as running a simple statement; statements that run on
 * every request (the session lookup, the audit append) are worth compiling once.
 *
 * `build` runs once per dialect with stand-ins for the parameters, so it may use each parameter
 * only as a value (`where(column, '=', p.x)`, `values({ column: p.x })`, `set({ column: p.x })`)
 * and must not branch on, transform or combine them.
 */
export function createQueryTemplate<P extends object, O>(
  build: (db: Executor, params: P) => Compilable<O>,
): (db: Executor, params: P) => Promise<QueryResult<O>> {
  // Keyed by the dialect adapter, which a database shares with its transactions.
  const byAdapter = new WeakMap<object, Compiled>();
  return (db, params) => {
    const adapter = db.getExecutor().adapter;
    let compiled = byAdapter.get(adapter);
    if (compiled === undefined) {
      const { sql, parameters } = build(db, standIns as P).compile();
      compiled = { sql, parameters };
      byAdapter.set(adapter, compiled);
    }
    const named = params as Record<string, unknown>;
    const values = compiled.parameters.map((p) => (p instanceof Slot ? named[p.name] : p));
    return db.executeQuery<O>(CompiledQuery.raw(compiled.sql, values));
  };
}
