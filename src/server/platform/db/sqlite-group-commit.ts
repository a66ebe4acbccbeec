import type SqliteDatabase from 'better-sqlite3';
import {
  SqliteDialect,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import { withStatementCache } from './statement-cache.js';

/**
 * Group commit for SQLite (docs/decisions/0009-sqlite-group-commit.md).
 *
 * A SQLite commit costs more than the statements before it: every page the transaction
 * touched goes to the WAL as its own frame, and each WAL checkpoint syncs the files. Requests
 * that arrive together are therefore committed together: each Kysely transaction runs in a
 * savepoint inside one outer transaction, and the outer transaction commits once per turn of
 * the event loop. A transaction's `commit` resolves only after that outer COMMIT has reached
 * the database, so no caller learns of success before its writes are durable; if the outer
 * COMMIT fails, every transaction of the group fails with it, as a group that shared fate.
 * A transaction that fails on its own is rolled back to its savepoint and leaves the others
 * untouched.
 *
 * Statements outside transactions keep their old meaning. Reads go to a second, query-only
 * connection, which sees only committed data (WAL readers never wait for the writer); where
 * there is no second connection (an in-memory database) they run on the writer after the
 * pending group is committed. Writes outside a transaction commit the pending group first and
 * then autocommit on their own.
 */

/** A FIFO lock whose holder may be given a successor ahead of the queue (the group commit). */
class Mutex {
  #held = false;
  readonly #waiting: (() => void)[] = [];

  lock(first = false): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      if (first) this.#waiting.unshift(resolve);
      else this.#waiting.push(resolve);
    });
  }

  unlock(): void {
    const next = this.#waiting.shift();
    if (next === undefined) this.#held = false;
    else next();
  }
}

/** The transactions committed together by one outer COMMIT. */
interface Group {
  /** Transactions released into the group and waiting for its COMMIT. */
  members: number;
  committed: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function newGroup(): Group {
  let resolve: () => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const committed = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A group nobody waits for (all its transactions rolled back) must not raise an unhandled
  // rejection; members still see the rejection through their own `await`.
  committed.catch(() => undefined);
  return { members: 0, committed, resolve, reject };
}

type Prepare = (sql: string) => SqliteDatabase.Statement;

function run(prepare: Prepare, query: CompiledQuery): QueryResult<unknown> {
  const statement = prepare(query.sql);
  const parameters = query.parameters as unknown[];
  if (statement.reader) return { rows: statement.all(parameters) };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

function* iterate(prepare: Prepare, query: CompiledQuery): Generator<QueryResult<unknown>> {
  for (const row of prepare(query.sql).iterate(query.parameters)) {
    yield { rows: [row] };
  }
}

const savepoint = 'vigil_group';

/** One acquisition of the connection by Kysely: a single query or a whole transaction. */
class Lease implements DatabaseConnection {
  /** Holds the writer's lock. */
  locked = false;
  /** Inside its savepoint. */
  inTransaction = false;
  /** Released into the group: the lock is already given back. */
  handedOver = false;

  constructor(private readonly driver: GroupCommitDriver) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return this.driver.execute(this, query) as Promise<QueryResult<R>>;
  }

  streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    return this.driver.stream(this, query) as AsyncIterableIterator<QueryResult<R>>;
  }
}

/** The lease Kysely hands back; any other connection object is a programming error. */
function leaseOf(connection: DatabaseConnection): Lease {
  if (!(connection instanceof Lease)) throw new Error('not a connection of this driver');
  return connection;
}

class GroupCommitDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #prepareWriter: Prepare;
  readonly #prepareReader: Prepare | null;
  #group: Group | null = null;
  #flushScheduled = false;

  constructor(
    private readonly writer: SqliteDatabase.Database,
    private readonly reader: SqliteDatabase.Database | null,
    private readonly onCommit: ((members: number) => void) | undefined,
  ) {
    this.#prepareWriter = withStatementCache(writer).prepare;
    this.#prepareReader = reader === null ? null : withStatementCache(reader).prepare;
  }

  async init(): Promise<void> {
    // Both connections are open and configured by the caller.
  }

  acquireConnection(): Promise<DatabaseConnection> {
    // The writer's lock is taken only when the lease writes or opens a transaction, so reads
    // never queue behind a transaction.
    return Promise.resolve(new Lease(this));
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = leaseOf(connection);
    await this.#lock(lease);
    if (this.#group === null) {
      this.writer.exec('begin');
      this.#group = newGroup();
      this.#scheduleFlush();
    }
    this.writer.exec(`savepoint ${savepoint}`);
    lease.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = leaseOf(connection);
    const group = this.#group;
    if (group === null || !this.writer.inTransaction) {
      const error = new Error('the group transaction was rolled back by SQLite before commit');
      this.#failGroup(error);
      throw error;
    }
    this.writer.exec(`release ${savepoint}`);
    lease.inTransaction = false;
    lease.handedOver = true;
    group.members += 1;
    this.#unlock(lease);
    await group.committed;
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = leaseOf(connection);
    // Once handed over, the transaction's fate is the group's, reported by commitTransaction.
    if (lease.handedOver || !lease.inTransaction) return;
    lease.inTransaction = false;
    if (!this.writer.inTransaction) {
      // Some errors (a full disk, an I/O error) make SQLite roll back the whole outer
      // transaction, taking the released work of this group's other members with it.
      this.#failGroup(new Error('the group transaction was rolled back by SQLite'));
      return;
    }
    this.writer.exec(`rollback to ${savepoint}`);
    this.writer.exec(`release ${savepoint}`);
    await Promise.resolve();
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const lease = leaseOf(connection);
    if (lease.inTransaction) {
      // Kysely releases only after commit or rollback; never leave a savepoint open.
      lease.inTransaction = false;
      if (this.writer.inTransaction) {
        this.writer.exec(`rollback to ${savepoint}`);
        this.writer.exec(`release ${savepoint}`);
      }
    }
    this.#unlock(lease);
    await Promise.resolve();
  }

  /**
   * Runs `work` on the writer outside any transaction: after the transactions ahead of it, with
   * the open group committed first, and before any that start later.
   */
  async exclusive<T>(work: (writer: SqliteDatabase.Database) => T): Promise<T> {
    await this.#mutex.lock();
    try {
      this.#commitGroup();
      return work(this.writer);
    } finally {
      this.#mutex.unlock();
    }
  }

  async destroy(): Promise<void> {
    await this.#mutex.lock(true);
    try {
      this.#commitGroup();
    } finally {
      this.reader?.close();
      this.writer.close();
    }
  }

  /** Runs one statement for a lease: in its transaction, or with the meaning it has alone. */
  async execute(lease: Lease, query: CompiledQuery): Promise<QueryResult<unknown>> {
    if (lease.inTransaction) return run(this.#prepareWriter, query);
    if (this.#isCommittedRead(query.sql))
      return run(this.#prepareReader ?? this.#prepareWriter, query);
    await this.#lock(lease);
    this.#commitGroup();
    return run(this.#prepareWriter, query);
  }

  async *stream(lease: Lease, query: CompiledQuery): AsyncGenerator<QueryResult<unknown>> {
    if (lease.inTransaction) {
      yield* iterate(this.#prepareWriter, query);
      return;
    }
    if (this.#prepareReader !== null) {
      yield* iterate(this.#prepareReader, query);
      return;
    }
    await this.#lock(lease);
    this.#commitGroup();
    yield* iterate(this.#prepareWriter, query);
  }

  /**
   * True when the statement only reads and the second connection can run it. A statement it
   * cannot even prepare (a table the open group has just created) goes to the writer, which
   * commits the group first.
   */
  #isCommittedRead(sql: string): boolean {
    if (this.#prepareReader === null) return false;
    try {
      return this.#prepareReader(sql).readonly;
    } catch {
      return false;
    }
  }

  async #lock(lease: Lease): Promise<void> {
    if (lease.locked) return;
    await this.#mutex.lock();
    lease.locked = true;
  }

  #unlock(lease: Lease): void {
    if (!lease.locked) return;
    lease.locked = false;
    this.#mutex.unlock();
  }

  /** Commits the open group at the next turn of the event loop, ahead of queued work. */
  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    setImmediate(() => {
      void this.#mutex.lock(true).then(() => {
        this.#flushScheduled = false;
        try {
          this.#commitGroup();
        } finally {
          this.#mutex.unlock();
        }
      });
    });
  }

  /** Commits the open group, if any; the caller holds the lock. */
  #commitGroup(): void {
    const group = this.#group;
    if (group === null) return;
    this.#group = null;
    try {
      this.writer.exec('commit');
    } catch (error) {
      this.#rollbackQuietly();
      group.reject(error);
      return;
    }
    this.onCommit?.(group.members);
    group.resolve();
  }

  #failGroup(error: Error): void {
    const group = this.#group;
    this.#group = null;
    this.#rollbackQuietly();
    group?.reject(error);
  }

  /**
   * Ends whatever is left of the outer transaction after a failure. If even the rollback
   * fails, the connection is past saving; the members already have the first error, and a
   * second one thrown from the flush would only crash the process.
   */
  #rollbackQuietly(): void {
    try {
      if (this.writer.inTransaction) this.writer.exec('rollback');
    } catch {
      // See above: nothing more can be done on this connection.
    }
  }
}

/**
 * Kysely's SQLite dialect with the group-commit driver over a writer and an optional reader.
 * `onCommit` hears how many transactions each group COMMIT carried (tests, benchmarks).
 */
export class GroupCommitSqliteDialect extends SqliteDialect {
  constructor(
    private readonly writer: SqliteDatabase.Database,
    private readonly reader: SqliteDatabase.Database | null,
    private readonly onCommit?: (members: number) => void,
  ) {
    super({ database: writer });
  }

  #driver: GroupCommitDriver | null = null;

  override createDriver(): Driver {
    this.#driver = new GroupCommitDriver(this.writer, this.reader, this.onCommit);
    return this.#driver;
  }

  /**
   * Runs `work` on the writer between transactions (see the driver's `exclusive`); only once
   * Kysely has made its driver, that is, once the database has been opened.
   */
  exclusive<T>(work: (writer: SqliteDatabase.Database) => T): Promise<T> {
    if (this.#driver === null) return Promise.reject(new Error('the database is not open yet'));
    return this.#driver.exclusive(work);
  }
}
