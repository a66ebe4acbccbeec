import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
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
  const parser = chunked(buffer).pipe(
    parse({
      delimiter,
      bom: true,
      // Files edited on several systems mix line endings.
      record_delimiter: ['\r\n', '\n'],
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
    }),
  );
  const records: TabularRow[] = [];
  // Lines are counted here from each record's raw text: csv-parse's own count drifts when a
  // quoted cell holds a CRLF line break. Blank lines and rows of empty cells are dropped only
  // after being counted.
  let line = 1;
  try {
    for await (const output of parser as AsyncIterable<{ record: string[]; raw: string }>) {
      const { record, raw } = output;
      if (record.some((cell) => cell.trim() !== '')) records.push({ line, cells: record });
      // (The raw text of a CRLF-terminated record ends in its `\r` alone.)
      line += raw.match(/\r\n|\r|\n/g)?.length ?? 0;
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new TabularReadError(
        'tabular.malformed_csv',
        `Malformed CSV near line ${line} (${error.code})`,
        line,
      );
    }
    throw error;
  }
  const [header, ...rows] = records;
  if (header === undefined) throw new TabularReadError('tabular.empty', 'The file has no rows');
  return { delimiter, header: header.cells, headerLine: header.line, rows };
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

// Feeding the parser in slices lets other work run while a large file is parsed.
function chunked(buffer: Buffer): Readable {
  const size = 64 * 1024;
  return Readable.from(
    (function* slices() {
      for (let start = 0; start < buffer.length; start += size) {
        yield buffer.subarray(start, start + size);
      }
    })(),
  );
}
