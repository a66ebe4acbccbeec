// A worker entry for worker-thread.test.ts: doubles numbers, throws on a negative one, and
// exits the thread on zero (a crashed worker).
import { serveRequests, workerInput } from '../server/platform/workers/worker-thread.js';

const offset = Number(workerInput());
serveRequests((body) => {
  const n = Number(body);
  if (n < 0) throw new Error(`negative: ${String(n)}`);
  if (n === 0) process.exit(3);
  return n * 2 + offset;
});
