import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';

/** One load run against a server listening on this machine's loopback. */
export interface LoadOptions {
  /** Must be a loopback address (127.0.0.0/8): benchmarks never send traffic elsewhere. */
  url: string;
  method: 'POST' | 'PUT' | 'PATCH';
  headers: Record<string, string>;
  /** JSON body; each `__SEQ__` becomes a number unique within the run. */
  bodyTemplate: string;
  concurrency: number;
  durationMs: number;
  /** The status a successful response has (e.g. 201). */
  okStatus: number;
}

/** What one or more runs measured. */
export interface LoadResult {
  ok: number;
  failed: number;
  statuses: Record<string, number>;
  firstFailure: string | null;
  elapsedMs: number;
  /** Latencies of successful requests in ms, sorted. */
  latencies: Float64Array;
  /** Event-loop utilisation of the load generator's thread (near 1 means it is the limit). */
  clientUtilization: number;
  /** Event-loop utilisation of this (the server's) thread during the run. */
  serverUtilization: number;
}

/** Runs the load generator in a worker thread and waits for its figures. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const host = new URL(options.url).hostname;
  if (!/^127\.\d+\.\d+\.\d+$/.test(host)) {
    throw new Error(`benchmarks only load loopback addresses, not ${host}`);
  }
  const elu0 = performance.eventLoopUtilization();
  const worker = new Worker(new URL('./http-load-worker.js', import.meta.url), {
    workerData: options,
  });
  let done = false;
  const result = await new Promise<Omit<LoadResult, 'serverUtilization'>>((resolve, reject) => {
    worker.once('message', (message: Omit<LoadResult, 'serverUtilization'>) => {
      done = true;
      resolve(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!done) reject(new Error(`load worker exited with code ${String(code)}`));
    });
  });
  const serverUtilization = performance.eventLoopUtilization(elu0).utilization;
  await worker.terminate();
  return { ...result, latencies: result.latencies.sort(), serverUtilization };
}

/** Adds runs up: counts and time summed, utilisations weighted by time, latencies merged. */
export function combineLoads(runs: readonly LoadResult[]): LoadResult {
  const elapsedMs = runs.reduce((sum, r) => sum + r.elapsedMs, 0);
  const statuses: Record<string, number> = {};
  for (const r of runs) {
    for (const [status, n] of Object.entries(r.statuses))
      statuses[status] = (statuses[status] ?? 0) + n;
  }
  const latencies = new Float64Array(runs.reduce((sum, r) => sum + r.latencies.length, 0));
  let at = 0;
  for (const r of runs) {
    latencies.set(r.latencies, at);
    at += r.latencies.length;
  }
  const weighted = (pick: (r: LoadResult) => number) =>
    elapsedMs === 0 ? 0 : runs.reduce((sum, r) => sum + pick(r) * r.elapsedMs, 0) / elapsedMs;
  return {
    ok: runs.reduce((sum, r) => sum + r.ok, 0),
    failed: runs.reduce((sum, r) => sum + r.failed, 0),
    statuses,
    firstFailure: runs.find((r) => r.firstFailure !== null)?.firstFailure ?? null,
    elapsedMs,
    latencies: latencies.sort(),
    clientUtilization: weighted((r) => r.clientUtilization),
    serverUtilization: weighted((r) => r.serverUtilization),
  };
}

/** Successful requests per second. */
export const perSecond = (r: LoadResult): number =>
  r.elapsedMs === 0 ? 0 : (r.ok * 1000) / r.elapsedMs;

/** A latency percentile (0 < p < 1) in ms. */
export const percentile = (r: LoadResult, p: number): number =>
  r.latencies[Math.min(r.latencies.length - 1, Math.floor(p * r.latencies.length))] ?? 0;
