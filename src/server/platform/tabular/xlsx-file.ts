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
  /** Refuse a value in a column past this one (default 1,024). */
  readonly maxColumns?: number;
  /** Refuse a sheet whose rows, padded to its widest, would hold more cells (default 25 million). */
  readonly maxCells?: number;
}

// Case files have at most a few hundred columns (CTDC's global dataset 63, the HTCDS templates
// fewer than 200). Every row is padded to the widest, so one value far to the right would make
// every row that wide: a 200 KB file with one cell in column XFD and 40,000 short rows asked
// for 655 million cells and ran the server out of memory.
const defaultMaxColumns = 1024;
// 100,000 rows of 250 columns.
const defaultMaxCells = 25_000_000;

/**
 * Reads one worksheet of an XLSX (or XLSM) workbook as rows of text: numbers as written in
 * JavaScript, booleans as `TRUE`/`FALSE`, dates as `YYYY-MM-DD` (with the time when there is
 * one), formulas as their cached result, rich text and hyperlinks as their text. Hidden rows
 * (the HTCDS templates hide their field-name row) are read like any other; empty rows are
 * skipped, and so are blank cells past `maxColumns`. Every row is padded to the widest row's
 * length.
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
  const maxColumns = options.maxColumns ?? defaultMaxColumns;
  const maxCells = options.maxCells ?? defaultMaxCells;
  const rows: { line: number; cells: string[] }[] = [];
  let width = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // Sparse: a column with no cell is a hole until the row is filled in below.
    const sparse: (string | undefined)[] = [];
    let values = 0;
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const text = textOf(cell.value);
      const blank = text.trim() === '';
      // A blank cell far to the right (formatting, a stray space) is no value: left out.
      if (column > maxColumns) {
        if (blank) return;
        throw new TabularReadError(
          'tabular.too_wide',
          `Row ${String(rowNumber)} has a value past column ${String(maxColumns)}`,
          rowNumber,
        );
      }
      sparse[column - 1] = text;
      if (!blank) values += 1;
    });
    if (values === 0) return;
    const cells = Array.from(sparse, (cell) => cell ?? '');
    rows.push({ line: rowNumber, cells });
    // A loop, not Math.max(...rows): spreading 120,000 rows overflowed the stack.
    if (cells.length > width) width = cells.length;
    if (rows.length * width > maxCells) {
      throw new TabularReadError(
        'tabular.too_large',
        `The sheet holds more than ${String(maxCells)} cells (rows by columns)`,
        rowNumber,
      );
    }
  });
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
