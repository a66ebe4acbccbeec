import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData, type ResourceLimits } from 'node:worker_threads';

// Worker threads for CPU-bound work that would otherwise hold up the event loop (an import's
// parsing and sealing), or that must not take the process down with it (reading an uploaded
// workbook, under a heap limit). Each answer carries its request's number; a worker that fails
// or exits fails every request still waiting, so a caller never hangs.

/** Cores left over beside the main thread: how many workers can run at once without waiting. */
export function spareCores(): number {
  return Math.max(0, availableParallelism() - 1);
}

/** A request sent to a worker, with the number its answer comes back under. */
interface Envelope<T> {
  id: number;
  body: T;
}

/** A worker's answer: the handler's result, or the message of the error it threw. */
type Answer<T> = { id: number; ok: true; body: T } | { id: number; ok: false; message: string };

/** What the worker receives as `workerData`: its entry (for the loader) and the caller's data. */
interface WorkerStart {
  entry: string;
  data: unknown;
}

/** A running worker thread. */
export interface WorkerChannel<Request, Response> {
  /** Sends one request; resolves with the worker's answer to it. */
  request: (body: Request) => Promise<Response>;
  /** Stops the worker; requests still waiting fail. */
  close: () => Promise<void>;
}

/**
 * The URL of a worker entry beside the calling module. Compiled code runs `.js` files;
 * development and tests run the `.ts` sources, whose extension the caller's own URL shows.
 */
export function workerEntry(callerUrl: string, name: string): URL {
  const extension = callerUrl.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${extension}`, callerUrl);
}

/** What bounds a worker: its heap, so that work which runs out of memory ends it alone. */
export interface WorkerOptions {
  resourceLimits?: ResourceLimits;
}

/** True for the error a worker ends with when it reaches its heap limit. */
export function isWorkerOutOfMemory(error: unknown): boolean {
  return (
    error instanceof Error && (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY'
  );
}

/** Starts a worker thread running `entry`, which calls `serveRequests`; `data` goes along. */
export function startWorker<Request, Response>(
  entry: URL,
  data: unknown,
  options: WorkerOptions = {},
): WorkerChannel<Request, Response> {
  const start: WorkerStart = { entry: entry.href, data };
  // A worker thread starts without the TypeScript loader of its parent; the bootstrap
  // registers it before importing a `.ts` entry (never the case in compiled code).
  const script = entry.pathname.endsWith('.ts')
    ? new URL('./ts-worker-bootstrap.mjs', import.meta.url)
    : entry;
  const worker = new Worker(script, { workerData: start, resourceLimits: options.resourceLimits });
  const waiting = new Map<
    number,
    { resolve: (body: Response) => void; reject: (e: Error) => void }
  >();
  let failure: Error | null = null;
  let next = 0;

  const failAll = (error: Error) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  worker.on('message', (answer: Answer<Response>) => {
    const pending = waiting.get(answer.id);
    if (pending === undefined) return;
    waiting.delete(answer.id);
    if (answer.ok) pending.resolve(answer.body);
    else pending.reject(new Error(`worker: ${answer.message}`));
  });
  worker.on('error', (error) => {
    failAll(error);
  });
  worker.on('exit', (code) => {
    failAll(new Error(`worker stopped (exit code ${String(code)})`));
  });

  return {
    request: (body) =>
      new Promise<Response>((resolve, reject) => {
        if (failure !== null) {
          reject(failure);
          return;
        }
        const id = next;
        next += 1;
        waiting.set(id, { resolve, reject });
        const envelope: Envelope<Request> = { id, body };
        worker.postMessage(envelope);
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}

/** Inside a worker: the data its starter passed to `startWorker`. */
export function workerInput(): unknown {
  return (workerData as WorkerStart).data;
}

/**
 * Inside a worker: answers every request with `handle`'s result (awaited when it is a promise).
 * Requests come from the starter's `request` calls; `handle` states what it expects of them.
 * Answers carry the request's number, so one that takes longer may come back after a later one.
 */
export function serveRequests(handle: (body: unknown) => unknown): void {
  const port = parentPort;
  if (port === null) throw new Error('serveRequests runs only inside a worker thread');
  const answer = async (envelope: Envelope<unknown>): Promise<Answer<unknown>> => {
    try {
      return { id: envelope.id, ok: true, body: await handle(envelope.body) };
    } catch (error) {
      return {
        id: envelope.id,
        ok: false,
        message: error instanceof Error ? error.message : 'unknown error',
      };
    }
  };
  port.on('message', (envelope: Envelope<unknown>) => {
    void answer(envelope).then((reply) => {
      port.postMessage(reply);
    });
  });
}
