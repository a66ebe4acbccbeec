import { startWorker, workerEntry } from '../workers/worker-thread.js';

/** What a background checkpoint did: frames in the WAL, and how many it copied into the file. */
export interface CheckpointOutcome {
  walFrames: number;
  copiedFrames: number;
}

/**
 * Runs one PASSIVE checkpoint of the SQLite database at `file` in a worker thread of its own
 * (sqlite-checkpoint-worker.ts), so the event loop goes on while the WAL is copied; the writer
 * may keep committing meanwhile. The worker stops once it is done.
 */
export async function checkpointInBackground(file: string): Promise<CheckpointOutcome> {
  const worker = startWorker<null, CheckpointOutcome>(
    workerEntry(import.meta.url, 'sqlite-checkpoint-worker'),
    file,
  );
  try {
    return await worker.request(null);
  } finally {
    await worker.close();
  }
}
