// Table files (CSV, TSV, XLSX): the only importer of papaparse, csv-stringify and exceljs.
// Uploaded workbooks are read in a worker thread with a bounded heap (xlsx-in-worker.ts).
// Cells come out and go in as text; what they mean is src/core/case-formats' business.
export {
  csvDelimiters,
  detectDelimiter,
  readCsv,
  writeCsv,
  type CsvDelimiter,
  type CsvTable,
  type ReadCsvOptions,
  type WriteCsvOptions,
} from './csv-file.js';
export {
  defaultMaxBytes,
  TabularReadError,
  type TabularProblem,
  type TabularRow,
} from './tabular-types.js';
export { readingUpload } from './unreadable-file.js';
export {
  readXlsx,
  writeXlsx,
  type ReadXlsxOptions,
  type XlsxContent,
  type XlsxSheet,
} from './xlsx-file.js';
export { readXlsxInWorker } from './xlsx-in-worker.js';
