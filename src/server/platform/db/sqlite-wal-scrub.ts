import type SqliteDatabase from 'better-sqlite3';

// After a crypto-shredding, the SQLite WAL still holds the pages as they were before it: the
// wrapped data key and the sealed fields, readable with the master key by whoever copies the
// files. A TRUNCATE checkpoint copies the WAL into the database file (where `secure_delete`
// has zeroed what the shredding freed) and cuts the WAL to nothing, so those page images leave
// the files Vigil writes.

/** What a scrub request found: done now, left for later (a reader or a bulk write), or no WAL. */
export type WalScrub = 'done' | 'pending' | 'none';

export interface WalScrubberDeps {
  /** Runs on the writer between transactions (the group commit's `exclusive`). */
  exclusive: <T>(work: (writer: SqliteDatabase.Database) => T) => Promise<T>;
  /** True while an import's batches hold checkpoints back, or their WAL is being copied in. */
  bulkWriteRunning: () => boolean;
  /** The writer's usual busy timeout, restored after each attempt. */
  busyTimeoutMs: number;
  /** First wait before trying again while a reader holds the WAL; it doubles each time. */
  retryMs?: number;
  /** The longest wait between two attempts. */
  maxRetryMs?: number;
}

export interface WalScrubber {
  /** Scrubs now, or as soon as readers and bulk writes let it. Never rejects. */
  request: () => Promise<WalScrub>;
  /** A bulk write ended and its WAL was copied: a scrub held back for it runs now. */
  afterBulkWrites: () => Promise<void>;
  /** Last attempt before the connection closes; no retry is scheduled after it. */
  closing: () => Promise<void>;
}

/** One TRUNCATE checkpoint that never waits: a reader in the way leaves it to a later attempt. */
function truncateCheckpoint(writer: SqliteDatabase.Database, busyTimeoutMs: number): boolean {
  // Without a wait: the writer runs on the event loop, and the reader holding old pages may be
  // this process's own open cursor, which cannot move on while the loop is held.
  writer.pragma('busy_timeout = 0');
  try {
    const [row] = writer.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return row?.busy === 0;
  } finally {
    writer.pragma(`busy_timeout = ${String(busyTimeoutMs)}`);
  }
}

export function walScrubber(deps: WalScrubberDeps): WalScrubber {
  const retryMs = deps.retryMs ?? 1000;
  const maxRetryMs = deps.maxRetryMs ?? 60_000;
  let pending = false;
  let closed = false;
  let retrying = true;
  let attempts = 0;
  let timer: NodeJS.Timeout | null = null;

  const attempt = async (): Promise<WalScrub> => {
    if (closed) return 'pending';
    // The import's own checkpoint copies its WAL first; scrubbing now would copy up to 256 MiB
    // on the event loop (afterBulkWrites comes back here).
    if (deps.bulkWriteRunning()) return 'pending';
    attempts += 1;
    // The shredding has committed; its caller must hear of that, not of a checkpoint that
    // failed (a disk error, a closed connection). The request stays, to be tried again.
    const done = await deps
      .exclusive((writer) => truncateCheckpoint(writer, deps.busyTimeoutMs))
      .catch(() => false);
    if (done) {
      pending = false;
      attempts = 0;
      return 'done';
    }
    schedule(Math.min(maxRetryMs, retryMs * 2 ** Math.min(attempts - 1, 16)));
    return 'pending';
  };

  // Never given up while the process runs: a long backup or a stalled reader may hold the WAL
  // for minutes, and the destroyed key must still leave the files once it lets go.
  function schedule(delayMs: number): void {
    if (timer !== null || !retrying) return;
    timer = setTimeout(() => {
      timer = null;
      // A request since may have done it already.
      if (pending) void attempt();
    }, delayMs);
    // A pending scrub never keeps the process alive; close makes the last attempt.
    timer.unref();
  }

  return {
    request: async () => {
      pending = true;
      attempts = 0;
      return attempt();
    },
    afterBulkWrites: async () => {
      if (pending) await attempt();
    },
    closing: async () => {
      retrying = false;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (pending && !closed) await attempt();
      closed = true;
    },
  };
}
