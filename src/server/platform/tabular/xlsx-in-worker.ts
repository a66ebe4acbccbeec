import { isWorkerOutOfMemory, startWorker, workerEntry } from '../workers/worker-thread.js';
import { defaultMaxBytes, TabularReadError, type TabularProblem } from './tabular-types.js';
import type { ReadXlsxOptions, XlsxSheet } from './xlsx-file.js';

// An XLSX file is a zip: a few hundred kilobytes can unpack to gigabytes, and exceljs unpacks
// each part whole. Checking the sizes the zip declares is not enough (a crafted file lies about
// them), so an upload is read in a worker thread of its own with a bounded heap: a workbook
// that unpacks to more ends that thread, and the import is refused as too large, while the
// server goes on. Measured before: a 613 KB file holding one 600 MB part took the server's heap
// to 806 MB; a 198 KB one made it abort.

/** What the worker is sent: the file's bytes and the reading options. */
export interface XlsxRequest {
  bytes: Uint8Array;
  options: ReadXlsxOptions;
}

/** The worker's answer: the sheet, or why the file cannot be read. */
export type XlsxAnswer =
  | { ok: true; sheet: XlsxSheet }
  | { ok: false; problem: TabularProblem; message: string; line: number | null };

/** The heap a workbook may take while it is read (exceljs holds every cell as an object). */
const defaultHeapMb = 1536;

/** Reads one worksheet as `readXlsx` does, in a worker thread whose heap is bounded. */
export async function readXlsxInWorker(
  buffer: Buffer,
  options: ReadXlsxOptions = {},
  limits: { heapMb?: number } = {},
): Promise<XlsxSheet> {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  if (buffer.length > maxBytes) {
    throw new TabularReadError('tabular.too_large', `The file is larger than ${maxBytes} bytes`);
  }
  const heapMb = limits.heapMb ?? defaultHeapMb;
  const worker = startWorker<XlsxRequest, XlsxAnswer>(
    workerEntry(import.meta.url, 'xlsx-worker'),
    null,
    { resourceLimits: { maxOldGenerationSizeMb: heapMb } },
  );
  try {
    const answer = await worker.request({ bytes: buffer, options }).catch((error: unknown) => {
      if (isWorkerOutOfMemory(error)) {
        throw new TabularReadError(
          'tabular.too_large',
          `The workbook takes more than ${String(heapMb)} MB of memory to read`,
        );
      }
      throw error;
    });
    if (!answer.ok) throw new TabularReadError(answer.problem, answer.message, answer.line);
    return answer.sheet;
  } finally {
    await worker.close();
  }
}
