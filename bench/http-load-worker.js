// The load generator of bench/http-load.ts, run in a worker thread so that the client does not
// share the server's event loop. Plain JavaScript: a worker loads it without tsx.
//
// `concurrency` loops each send one request over a keep-alive connection, wait for the whole
// response, and send the next, until `durationMs` has passed. Only responses that complete
// within the duration are counted. `__SEQ__` in the body template becomes a number unique to
// the run, so writes can carry unique keys.
import { Buffer } from 'node:buffer';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

const { url, method, headers, bodyTemplate, concurrency, durationMs, okStatus } = workerData;
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, noDelay: true });
let seq = 0;

function send() {
  seq += 1;
  const body = bodyTemplate.replaceAll('__SEQ__', String(seq));
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const latencies = [];
const statuses = {};
let ok = 0;
let failed = 0;
let firstFailure = null;
const elu0 = performance.eventLoopUtilization();
const start = performance.now();
const deadline = start + durationMs;

async function loop() {
  while (performance.now() < deadline) {
    const t0 = performance.now();
    let result;
    try {
      result = await send();
    } catch (error) {
      result = { status: 0, body: Buffer.from(String(error)) };
    }
    const t1 = performance.now();
    if (t1 > deadline) break;
    statuses[result.status] = (statuses[result.status] ?? 0) + 1;
    if (result.status === okStatus) {
      ok += 1;
      latencies.push(t1 - t0);
    } else {
      failed += 1;
      firstFailure ??= `${result.status} ${result.body.toString('utf8').slice(0, 300)}`;
    }
  }
}

await Promise.all(Array.from({ length: concurrency }, () => loop()));
const elapsedMs = Math.max(durationMs, 1);
const elu = performance.eventLoopUtilization(elu0).utilization;
agent.destroy();
parentPort.postMessage({
  ok,
  failed,
  statuses,
  firstFailure,
  elapsedMs,
  latencies: Float64Array.from(latencies),
  clientUtilization: elu,
});
