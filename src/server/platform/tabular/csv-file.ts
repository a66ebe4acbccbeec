import Papa from 'papaparse';
import { stringify } from 'csv-stringify/sync';
import { defaultMaxBytes, TabularReadError, type TabularRow } from './tabular-types.js';

/** The delimiters case files use: CTDC global `;`, most CSV `,`, TSV tab. */
export const csvDelimiters = [';', ',', '\t'] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

/** A CSV or TSV file as a header and rows of text. */
export interface CsvTable {
  readonly delimiter: CsvDelimiter;
  readonly header: readonly string[];
  readonly headerLine: number;
  readonly rows: readonly TabularRow[];
}

/** Options for reading. */
export interface ReadCsvOptions {
  /** Force a delimiter instead of detecting it from the first line. */
  readonly delimiter?: CsvDelimiter;
  /** Refuse a larger input (default 64 MiB). */
  readonly maxBytes?: number;
}

/**
 * Reads a CSV or TSV file (UTF-8, with or without a byte-order mark) into its header row and
 * data rows, each with the line it starts on. The delimiter is detected from the first line
 * unless given. Blank lines and rows of empty cells are skipped; rows may have more or fewer
 * cells than the header (the format parser judges that), so CTDC's empty first cell under its
 * terms-of-use header cell comes through as an ordinary empty cell.
 */
export async function readCsv(
  source: Buffer | string | AsyncIterable<Buffer | string>,
  options: ReadCsvOptions = {},
): Promise<CsvTable> {
  const buffer = await collect(source, options.maxBytes ?? defaultMaxBytes);
  const delimiter = options.delimiter ?? detectDelimiter(firstLine(buffer));
  // Files edited on several systems mix line endings: every CRLF is read as LF, the line
  // breaks inside quoted cells included.
  const text = buffer
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n/g, '\n');
  const parsed = Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
  });
  const lines = startLines(parsed.data);
  // A quote left open or closed mid-cell makes the rest of the file ambiguous: refused whole.
  const problem = parsed.errors.find((error) => error.type === 'Quotes');
  if (problem !== undefined) {
    const line = lines[problem.row ?? 0] ?? 1;
    throw new TabularReadError(
      'tabular.malformed_csv',
      `Malformed CSV near line ${String(line)} (${problem.code})`,
      line,
    );
  }
  const records: TabularRow[] = [];
  // Blank lines and rows of empty cells are dropped only after being counted.
  parsed.data.forEach((cells, index) => {
    if (cells.some((cell) => cell.trim() !== '')) {
      records.push({ line: lines[index] ?? 0, cells });
    }
  });
  const [header, ...rows] = records;
  if (header === undefined) throw new TabularReadError('tabular.empty', 'The file has no rows');
  return { delimiter, header: header.cells, headerLine: header.line, rows };
}

/**
 * The line each record starts on: one line for the record's own end, plus each line break its
 * quoted cells hold (a lone CR counts, as a text editor shows it).
 */
function startLines(records: readonly (readonly string[])[]): number[] {
  const lines: number[] = [];
  let line = 1;
  for (const cells of records) {
    lines.push(line);
    line += 1;
    for (const cell of cells) {
      if (cell.includes('\n') || cell.includes('\r')) line += cell.match(/[\r\n]/g)?.length ?? 0;
    }
  }
  return lines;
}

/**
 * The delimiter of a header line: whichever of `;`, `,` and tab occurs most often outside
 * quotes (a CTDC terms-of-use sentence holds commas, its 63 columns are split by `;`). A line
 * with none of them is a one-column comma file.
 */
export function detectDelimiter(line: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(csvDelimiters.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && counts.has(character as CsvDelimiter)) {
      const delimiter = character as CsvDelimiter;
      counts.set(delimiter, (counts.get(delimiter) ?? 0) + 1);
    }
  }
  let best: CsvDelimiter = ',';
  for (const delimiter of csvDelimiters) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

/** Options for writing. */
export interface WriteCsvOptions {
  readonly delimiter?: CsvDelimiter;
  /** Start with a UTF-8 byte-order mark, which spreadsheet programs need to see UTF-8. */
  readonly bom?: boolean;
  /**
   * Prefix cells starting with `=`, `+`, `-`, `@` so spreadsheets do not run them as formulas.
   * Off by default: it changes values (CTDC's `-99`), so only for files meant for people.
   */
  readonly escapeFormulas?: boolean;
}

/** Writes rows (header rows included) as CSV text, quoting cells that need it. */
export function writeCsv(
  rows: readonly (readonly string[])[],
  options: WriteCsvOptions = {},
): string {
  return stringify(
    rows.map((row) => [...row]),
    {
      delimiter: options.delimiter ?? ',',
      bom: options.bom ?? false,
      escape_formulas: options.escapeFormulas ?? false,
      record_delimiter: 'unix',
    },
  );
}

async function collect(
  source: Buffer | string | AsyncIterable<Buffer | string>,
  maxBytes: number,
): Promise<Buffer> {
  const tooLarge = () =>
    new TabularReadError('tabular.too_large', `The file is larger than ${maxBytes} bytes`);
  if (typeof source === 'string' || Buffer.isBuffer(source)) {
    const buffer = typeof source === 'string' ? Buffer.from(source, 'utf8') : source;
    if (buffer.length > maxBytes) throw tooLarge();
    return buffer;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    size += buffer.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function firstLine(buffer: Buffer): string {
  // Enough to hold a header of a few hundred columns; the rest of the file is not needed.
  const head = buffer
    .subarray(0, 64 * 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  const end = head.search(/\r?\n/);
  return end < 0 ? head : head.slice(0, end);
}
