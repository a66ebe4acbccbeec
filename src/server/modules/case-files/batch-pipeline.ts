import { importWorkerEntry, type BatchOutcome, type BatchRequest } from '../cases/index.js';
import type { KeyringTransfer } from '../../platform/crypto/index.js';
import { startWorker } from '../../platform/workers/worker-thread.js';

/** Where an import's batches are parsed and prepared off this thread: worker threads. */
export interface Preparer {
  prepare: (request: BatchRequest) => Promise<BatchOutcome[]>;
  close: () => Promise<void>;
}

/** Worker threads preparing batches, each batch going to the next worker in turn. */
export function workerPreparer(count: number, keyring: KeyringTransfer): Preparer {
  const entry = importWorkerEntry();
  const workers = Array.from({ length: count }, () =>
    startWorker<BatchRequest, BatchOutcome[]>(entry, keyring),
  );
  let turn = 0;
  return {
    prepare: (request) => {
      const worker = workers[turn % workers.length];
      turn += 1;
      if (worker === undefined) throw new Error('no import worker');
      return worker.request(request);
    },
    close: async () => {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}

/** One batch's outcomes, in file order, and how many of the file's rows it covered. */
export interface PreparedBatch {
  size: number;
  outcomes: BatchOutcome[];
}

/** What `preparedBatches` cuts, who prepares, and how far ahead the workers may go. */
export interface BatchPipelineOptions<Row> {
  /**
   * The rows, taken out batch by batch as they are cut (the array ends empty): a row's cells
   * are garbage once its batch is prepared, not kept alive, and marked again by every
   * collection, until the whole file is written.
   */
  rows: Row[];
  batchSize: number;
  /**
   * The request for one batch of rows (rows plus what preparing them needs; it may leave rows
   * out). Called once per batch, in file order, as the batch is cut: just before it is
   * prepared, not all up front.
   */
  request: (rows: readonly Row[]) => BatchRequest | Promise<BatchRequest>;
  /** Prepares a batch in this thread. */
  here: (request: BatchRequest) => BatchOutcome[];
  /** Worker threads, or null to prepare every batch here. */
  workers: Preparer | null;
  /** Batches handed to the workers and not yet back, at most. */
  inFlight: number;
}

// Batches this thread may hold prepared ahead of the workers' oldest one.
const maxHere = 2;

interface Slot {
  size: number;
  settled: boolean;
  outcomes: Promise<BatchOutcome[]>;
}

/**
 * Cuts the rows into batches and yields each batch's outcomes in file order, so case numbers,
 * clash checks and reports come out as if one thread had done it all. With workers, `inFlight`
 * batches are kept with them; whenever the next batch in order is not back yet and rows are
 * left, this thread prepares the next batch itself instead of waiting, so both cores stay busy
 * whichever side is slower on the machine at hand.
 */
export async function* preparedBatches<Row>(
  options: BatchPipelineOptions<Row>,
): AsyncGenerator<PreparedBatch> {
  const { rows, batchSize, workers } = options;
  const queue: Slot[] = [];
  let withWorkers = 0;
  /** The next batch's request, and how many of the file's rows the batch covers. */
  const cut = async (): Promise<{ size: number; request: BatchRequest }> => {
    const slice = rows.splice(0, batchSize);
    return { size: slice.length, request: await options.request(slice) };
  };
  const send = async (preparer: Preparer) => {
    const { size, request } = await cut();
    const slot: Slot = { size, settled: false, outcomes: preparer.prepare(request) };
    withWorkers += 1;
    const settle = () => {
      slot.settled = true;
      withWorkers -= 1;
    };
    // Awaited in turn below; a batch left waiting after an earlier failure is not.
    slot.outcomes.then(settle, settle);
    queue.push(slot);
  };
  const prepareHere = async () => {
    const { size, request } = await cut();
    let outcomes: Promise<BatchOutcome[]>;
    try {
      outcomes = Promise.resolve(options.here(request));
    } catch (error) {
      outcomes = Promise.reject(error instanceof Error ? error : new Error(String(error)));
      outcomes.catch(() => undefined);
    }
    queue.push({ size, settled: true, outcomes });
  };
  for (;;) {
    if (workers !== null) {
      while (withWorkers < options.inFlight && rows.length > 0) await send(workers);
    }
    const head = queue[0];
    if (head === undefined) {
      if (rows.length === 0) return;
      await prepareHere();
      continue;
    }
    // Bounded: with a stalled worker this thread would otherwise prepare the whole file and
    // hold it in memory, waiting for the one batch in front.
    if (!head.settled && rows.length > 0 && queue.length < options.inFlight + maxHere) {
      await prepareHere();
      // Lets the workers' finished batches in before deciding again, or this thread would
      // go on preparing everything itself.
      await new Promise((resolve) => setImmediate(resolve));
      continue;
    }
    queue.shift();
    yield { size: head.size, outcomes: await head.outcomes };
  }
}
