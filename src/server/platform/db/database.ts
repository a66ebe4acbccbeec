import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  PostgresDialect,
  sql,
  type DatabaseIntrospector,
  type Insertable,
  type TableMetadata,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import { postgresDialect, sqliteDialect, type Dialect } from './dialect.js';
import { migrateToLatest, type MigrationOutcome } from './migrations.js';
import { checkpointInBackground } from './sqlite-background-checkpoint.js';
import { GroupCommitSqliteDialect } from './sqlite-group-commit.js';
import { walScrubber, type WalScrub } from './sqlite-wal-scrub.js';

export type { WalScrub } from './sqlite-wal-scrub.js';
import type { Schema } from './schema.js';

/** The query builder every repository receives: the database or an open transaction. */
export type Executor = Kysely<Schema> | Transaction<Schema>;

/** Where to connect. `schema` (PostgreSQL) isolates a test run in its own schema. */
export type DatabaseTarget =
  { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema?: string };

/** Appends many rows to one table inside an open transaction (see `Database.insertRows`). */
export type InsertRows = Database['insertRows'];

/** An open database with its capability flags. */
export interface Database {
  db: Kysely<Schema>;
  dialect: Dialect;
  migrate: () => Promise<MigrationOutcome>;
  /** One round trip to the database (health checks). */
  ping: () => Promise<void>;
  /**
   * Appends many rows to one table inside an open transaction, as fast as the driver allows:
   * on SQLite one cached prepared statement run per row on the transaction's own connection
   * (Kysely would build and bind one huge statement per chunk); elsewhere multi-row inserts.
   * Bulk paths only (imports, demo content); ordinary writes go through Kysely.
   */
  insertRows: <T extends keyof Schema>(
    trx: Executor,
    table: T,
    rows: readonly Insertable<Schema[T]>[],
  ) => Promise<void>;
  /**
   * Runs a bulk write (an import's batches) with SQLite's WAL checkpoints held back until it
   * ends, then copies the WAL into the database once, in a thread of its own (an in-memory
   * database: at the next commit), instead of every batch's commit copying and syncing the
   * pages the batches keep touching. Bounded: a WAL past `bulkCheckpointPages` is checkpointed
   * anyway. `close` waits for a copy still running. Nothing to defer on PostgreSQL.
   */
  deferringCheckpoints: <T>(work: () => Promise<T>) => Promise<T>;
  /**
   * After a crypto-shredding has committed: removes the pages written before it from SQLite's
   * WAL (sqlite-wal-scrub.ts), now or, while a reader or an import holds them, as soon as it
   * can. PostgreSQL keeps old row versions until VACUUM; nothing is done there ('none').
   */
  scrubWal: () => Promise<WalScrub>;
  /** Writes a consistent copy of a SQLite database to `file` while it stays online. */
  backupSqlite: (file: string) => Promise<void>;
  close: () => Promise<void>;
}

// SQLite's default: a WAL of 1,000 pages (4 MiB) is copied into the database at the next commit.
const walCheckpointPages = 1000;
// During bulk writes: up to 65,536 pages (256 MiB at 4 KiB) before a checkpoint.
export const bulkCheckpointPages = 65_536;
const walSizeLimitBytes = 64 * 1024 * 1024;
const busyTimeoutMs = 5000;

/** Bulk writes in progress on one SQLite writer; checkpoints are deferred while any runs. */
function checkpointDeferrer(
  raw: SqliteDatabase.Database,
  file: string | null,
  /** Runs once the WAL a bulk write left has been copied (a scrub held back for it). */
  afterFold: () => Promise<void>,
): {
  defer: Database['deferringCheckpoints'];
  /** True while a bulk write holds checkpoints back, or its WAL is still being copied in. */
  running: () => boolean;
  /** Waits for copies still running; none starts afterwards (the connection is closing). */
  closing: () => Promise<void>;
} {
  let running = 0;
  let closed = false;
  const folding = new Set<Promise<void>>();
  // Copies of a bulk write's WAL not yet done: until one is, the WAL is still the bulk write's.
  let copying = 0;
  // Checkpoints at commits resume only when no bulk write has started in the meantime, and
  // never on a connection being closed (a bulk write may end after `close`).
  const resume = () => {
    if (running === 0 && !closed) raw.pragma(`wal_autocheckpoint = ${String(walCheckpointPages)}`);
  };
  const afterBulkWrites = () => {
    if (closed) return;
    if (file === null) {
      resume();
      return;
    }
    // The WAL the bulk writes left is copied into the file by a thread of its own, not by the
    // next commit on this one: that copy takes as long as writing a few batches did, and
    // would hold every request waiting behind it. Should the thread fail, resuming
    // checkpoints at commits leaves the copy to the next commit, as before.
    copying += 1;
    const copied = () => {
      copying -= 1;
      resume();
    };
    const fold: Promise<void> = checkpointInBackground(file)
      .then(copied, copied)
      // Whatever the scrub meets, it keeps its request for later; nothing to report here.
      .then(() => afterFold().catch(() => undefined))
      .finally(() => folding.delete(fold));
    folding.add(fold);
  };
  return {
    running: () => running > 0 || copying > 0,
    defer: async (work) => {
      running += 1;
      if (running === 1 && !closed) {
        raw.pragma(`wal_autocheckpoint = ${String(bulkCheckpointPages)}`);
      }
      try {
        return await work();
      } finally {
        running -= 1;
        if (running === 0) afterBulkWrites();
      }
    },
    closing: async () => {
      closed = true;
      while (folding.size > 0) await Promise.all(folding);
    },
  };
}

function openSqlite(file: string): {
  kysely: Kysely<Schema>;
  raw: SqliteDatabase.Database;
  reader: SqliteDatabase.Database | null;
  dialect: GroupCommitSqliteDialect;
} {
  const raw = new SqliteDatabase(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${String(busyTimeoutMs)}`);
  raw.pragma('synchronous = NORMAL');
  // Freed pages are overwritten with zeros, so crypto-shredded keys do not linger in the file.
  raw.pragma('secure_delete = ON');
  // 64 MiB of page cache for the writer (SQLite's default is 2 MiB): an import batch touches
  // thousands of pages, and a cache smaller than that spills dirty pages to the WAL mid-batch
  // and reads index pages back for every row.
  raw.pragma('cache_size = -65536');
  raw.pragma(`wal_autocheckpoint = ${String(walCheckpointPages)}`);
  // A checkpoint that resets a WAL grown by a bulk write truncates it back to this size.
  raw.pragma(`journal_size_limit = ${String(walSizeLimitBytes)}`);
  // Reads outside transactions see committed data only, through a second connection (WAL lets
  // it read while the writer's group is open); an in-memory database cannot be shared so.
  const inMemory = file === ':memory:' || file === '';
  const reader = inMemory ? null : new SqliteDatabase(file);
  if (reader !== null) {
    reader.pragma(`busy_timeout = ${String(busyTimeoutMs)}`);
    reader.pragma('query_only = ON');
  }
  const dialect = new GroupCommitSqliteDialect(raw, reader);
  const kysely = new Kysely<Schema>({ dialect });
  return { kysely, raw, reader, dialect };
}

/**
 * PostgreSQL with introspection limited to the schema the connection works in. Kysely's migrator
 * lists every table of every schema only to learn whether its own bookkeeping tables exist; on a
 * shared server that scan finds another schema's bookkeeping tables instead of ours, and trips
 * over schemas it may not read or that are dropped while it runs. Nothing else in Vigil
 * introspects, so tables are listed without their columns.
 */
class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<Schema>): DatabaseIntrospector {
    const getTables = async (): Promise<TableMetadata[]> => {
      const { rows } = await sql<{ name: string; schema: string; kind: string }>`
        select c.relname as name, n.nspname as schema, c.relkind as kind
        from pg_catalog.pg_class c
        join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'v', 'p')
        order by c.relname`.execute(db);
      return rows.map((row) => ({
        name: row.name,
        schema: row.schema,
        isView: row.kind === 'v',
        columns: [],
      }));
    };
    return {
      getSchemas: () => super.createIntrospector(db).getSchemas(),
      getTables,
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- still part of the interface
      getMetadata: async () => ({ tables: await getTables() }),
    };
  }
}

function openPostgres(url: string, schema: string | undefined): Kysely<Schema> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error('Invalid PostgreSQL schema name');
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  return new Kysely<Schema>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
}

async function ping(kysely: Kysely<Schema>): Promise<void> {
  await sql`select 1`.execute(kysely);
}

// PostgreSQL binds at most 65,535 parameters per statement.
const maxPostgresParameters = 60_000;

async function insertRowsWithKysely<T extends keyof Schema>(
  trx: Executor,
  table: T,
  rows: readonly Insertable<Schema[T]>[],
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const perRow = Math.max(1, Object.keys(first).length);
  const chunk = Math.max(1, Math.floor(maxPostgresParameters / perRow));
  for (let start = 0; start < rows.length; start += chunk) {
    // The generic table name defeats Kysely's per-table value typing; rows are typed by caller.
    await (trx as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto(table)
      .values(rows.slice(start, start + chunk))
      .execute();
  }
}

function sqliteRowInserter(raw: SqliteDatabase.Database) {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return async <T extends keyof Schema>(
    trx: Executor,
    table: T,
    rows: readonly Insertable<Schema[T]>[],
  ): Promise<void> => {
    const first = rows[0];
    if (first === undefined) return;
    // Only inside a transaction does the caller hold Kysely's one SQLite connection; outside
    // one, another request's transaction could be open on it, so fall back to Kysely.
    if (!trx.isTransaction) {
      await insertRowsWithKysely(trx, table, rows);
      return;
    }
    const columns = Object.keys(first);
    const key = `${table}(${columns.join(',')})`;
    let statement = statements.get(key);
    if (statement === undefined) {
      const names = columns.map((column) => `"${column}"`).join(', ');
      statement = raw.prepare(
        `insert into "${table}" (${names}) values (${columns.map(() => '?').join(', ')})`,
      );
      statements.set(key, statement);
    }
    for (const row of rows) {
      const values = row as Record<string, unknown>;
      statement.run(columns.map((column) => values[column]));
    }
    return Promise.resolve();
  };
}

/** Opens the configured database; does not migrate (call `migrate`). */
export function openDatabase(target: DatabaseTarget): Database {
  if (target.kind === 'sqlite') {
    const { kysely, raw, reader, dialect } = openSqlite(target.file);
    // An in-memory database has no WAL (and no second connection).
    const hasWal = reader !== null;
    const scrubber = walScrubber({
      exclusive: (work) => dialect.exclusive(work),
      bulkWriteRunning: () => checkpoints.running(),
      busyTimeoutMs,
    });
    const checkpoints = checkpointDeferrer(raw, hasWal ? target.file : null, () =>
      scrubber.afterBulkWrites(),
    );
    return {
      db: kysely,
      dialect: sqliteDialect,
      migrate: () => migrateToLatest(kysely as Kysely<unknown>, sqliteDialect),
      ping: () => ping(kysely),
      insertRows: sqliteRowInserter(raw),
      deferringCheckpoints: checkpoints.defer,
      scrubWal: () => (hasWal ? scrubber.request() : Promise.resolve('none')),
      backupSqlite: async (file) => {
        // The reader sees committed data only; the writer may hold an open group.
        await (reader ?? raw).backup(file);
      },
      close: async () => {
        // A checkpoint still copying would otherwise be cut off when the process ends.
        await checkpoints.closing();
        await scrubber.closing();
        await kysely.destroy();
      },
    };
  }
  const kysely = openPostgres(target.url, target.schema);
  return {
    db: kysely,
    dialect: postgresDialect,
    migrate: () => migrateToLatest(kysely as Kysely<unknown>, postgresDialect),
    ping: () => ping(kysely),
    insertRows: insertRowsWithKysely,
    deferringCheckpoints: (work) => work(),
    scrubWal: () => Promise.resolve('none'),
    backupSqlite: () => Promise.reject(new Error('backupSqlite called on PostgreSQL')),
    close: () => kysely.destroy(),
  };
}

/** Creates a PostgreSQL schema (for isolated test runs) and returns a function dropping it. */
export async function createPostgresSchema(
  url: string,
  schema: string,
): Promise<() => Promise<void>> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error('Invalid PostgreSQL schema name');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`create schema "${schema}"`);
  await client.end();
  return async () => {
    const dropper = new pg.Client({ connectionString: url });
    await dropper.connect();
    try {
      await dropper.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await dropper.end();
    }
  };
}

/** True when a driver error is a unique-constraint violation (by driver code, not message). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  );
}

/** True when a driver error is a foreign-key violation (a referenced row is gone). */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503';
}

/**
 * True when PostgreSQL refused a transaction for what another one committed meanwhile (a
 * serialization failure under REPEATABLE READ): running it again from the start succeeds.
 * SQLite's one writer never raises it.
 */
export function isSerializationFailure(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '40001';
}

/**
 * Runs `work` in a savepoint of the caller's transaction. If it fails, what it wrote is undone
 * and the transaction stays usable (PostgreSQL would otherwise refuse every later statement of
 * the transaction), so the caller can still read, within it, what made it fail.
 */
export async function inSavepoint<T>(trx: Executor, work: () => Promise<T>): Promise<T> {
  await sql`savepoint vigil_step`.execute(trx);
  try {
    const result = await work();
    await sql`release savepoint vigil_step`.execute(trx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint vigil_step`.execute(trx);
    await sql`release savepoint vigil_step`.execute(trx);
    throw error;
  }
}
