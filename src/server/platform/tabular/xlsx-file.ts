import ExcelJS from 'exceljs';
import { defaultMaxBytes, TabularReadError, type TabularRow } from './tabular-types.js';

/** One worksheet as rows of text, each with its 1-based row number. */
export interface XlsxSheet {
  readonly name: string;
  readonly rows: readonly TabularRow[];
}

/** Options for reading. */
export interface ReadXlsxOptions {
  /** The worksheet to read (default: the first). */
  readonly sheet?: string;
  /** Refuse a larger file (default 64 MiB). */
  readonly maxBytes?: number;
}

/**
 * Reads one worksheet of an XLSX (or XLSM) workbook as rows of text: numbers as written in
 * JavaScript, booleans as `TRUE`/`FALSE`, dates as `YYYY-MM-DD` (with the time when there is
 * one), formulas as their cached result, rich text and hyperlinks as their text. Hidden rows
 * (the HTCDS templates hide their field-name row) are read like any other; empty rows are
 * skipped. Every row is padded to the widest row's length.
 */
export async function readXlsx(buffer: Buffer, options: ReadXlsxOptions = {}): Promise<XlsxSheet> {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  if (buffer.length > maxBytes) {
    throw new TabularReadError('tabular.too_large', `The file is larger than ${maxBytes} bytes`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares a global `Buffer extends ArrayBuffer` that no real Buffer satisfies;
    // at run time it takes a Node Buffer.
    await workbook.xlsx.load(buffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new TabularReadError('tabular.malformed_xlsx', 'Not a readable XLSX workbook');
  }
  const sheet =
    options.sheet === undefined ? workbook.worksheets[0] : workbook.getWorksheet(options.sheet);
  if (sheet === undefined) {
    throw new TabularReadError(
      'tabular.no_such_sheet',
      options.sheet === undefined ? 'The workbook has no worksheet' : 'No worksheet of that name',
    );
  }
  const rows: { line: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = textOf(cell.value);
    });
    const filled = Array.from({ length: cells.length }, (_, index) => cells[index] ?? '');
    if (filled.some((cell) => cell.trim() !== '')) rows.push({ line: rowNumber, cells: filled });
  });
  const width = Math.max(0, ...rows.map((row) => row.cells.length));
  for (const row of rows) while (row.cells.length < width) row.cells.push('');
  return { name: sheet.name, rows };
}

/** A workbook to write: one sheet, its header row(s), its rows. */
export interface XlsxContent {
  readonly sheetName: string;
  readonly headerRows: readonly (readonly string[])[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * Writes a one-sheet workbook. Every cell is written as text, so codes such as `09--17`, `00`
 * or `=…` stay what they are (no number, date or formula conversion). Header rows are bold and
 * frozen. XLSX (XML) cannot hold control characters other than tab and line breaks: they are
 * dropped.
 */
export async function writeXlsx(content: XlsxContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(content.sheetName, {
    views: [{ state: 'frozen', ySplit: content.headerRows.length }],
  });
  for (const cells of content.headerRows) {
    const row = sheet.addRow([...cells]);
    row.font = { bold: true };
  }
  for (const cells of content.rows) sheet.addRow([...cells]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return value.error;
  return textOf(value.result ?? null);
}

// Spreadsheet dates have no time zone; exceljs gives them as UTC instants.
function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
