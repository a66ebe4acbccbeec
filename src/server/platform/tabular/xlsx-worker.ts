// A worker thread that reads one uploaded workbook (xlsx-in-worker.ts starts it, under a heap
// limit) and stops: a workbook that unpacks to more than the limit ends this thread, not the
// server.
import { serveRequests } from '../workers/worker-thread.js';
import { TabularReadError } from './tabular-types.js';
import { readXlsx } from './xlsx-file.js';
import type { XlsxAnswer, XlsxRequest } from './xlsx-in-worker.js';

// Requests come only from readXlsxInWorker, built as XlsxRequest.
serveRequests(async (body): Promise<XlsxAnswer> => {
  const { bytes, options } = body as XlsxRequest;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return { ok: true, sheet: await readXlsx(buffer, options) };
  } catch (error) {
    // Sent as data: an error thrown here would reach the caller as its message only.
    if (error instanceof TabularReadError) {
      return { ok: false, problem: error.problem, message: error.message, line: error.line };
    }
    throw error;
  }
});
