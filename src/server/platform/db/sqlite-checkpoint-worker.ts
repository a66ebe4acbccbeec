// A worker thread that folds a SQLite database's WAL into the database file (a PASSIVE
// checkpoint) on a connection of its own, then stops: copying the pages a bulk write left in
// the WAL takes hundreds of milliseconds that would otherwise hold the server's thread
// (sqlite-background-checkpoint.ts starts it).
import SqliteDatabase from 'better-sqlite3';
import { serveRequests, workerInput } from '../workers/worker-thread.js';
import type { CheckpointOutcome } from './sqlite-background-checkpoint.js';

// The starter passes the database file's path, and nothing else.
const file = workerInput() as string;

serveRequests((): CheckpointOutcome => {
  const connection = new SqliteDatabase(file, { fileMustExist: true });
  try {
    connection.pragma('busy_timeout = 5000');
    // PASSIVE: copies what it can without waiting for the writer, which goes on committing.
    const [row] = connection.pragma('wal_checkpoint(PASSIVE)') as {
      busy: number;
      log: number;
      checkpointed: number;
    }[];
    return { walFrames: row?.log ?? 0, copiedFrames: row?.checkpointed ?? 0 };
  } finally {
    connection.close();
  }
});
