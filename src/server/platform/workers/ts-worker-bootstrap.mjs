// Starts a worker thread whose entry is a TypeScript source (development, tests, benchmarks):
// worker threads do not inherit their parent's loader, so tsx is registered here first.
// Compiled code starts its `.js` entries directly and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
