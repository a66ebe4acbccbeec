import {
  detectCaseFormat,
  isHtcdsLabelRow,
  parseCtdcGlobalRow,
  parseCtdcSyntheticRow,
  parseHtcdsRow,
  toRawRow,
  type CaseFileFormat,
  type CellIssue,
  type FormatDetection,
} from '../../../core/case-formats/index.js';
import { AppError } from '../../../shared/app-error.js';
import type { CaseImportFormat, CaseRecord } from '../../../shared/case-schemas.js';
import { readCsv } from '../../platform/tabular/csv-file.js';
import { TabularReadError, type TabularRow } from '../../platform/tabular/tabular-types.js';
import { readXlsx } from '../../platform/tabular/xlsx-file.js';

/** One data row of a case file after parsing. */
export type ParsedRow =
  | {
      ok: true;
      /** 1-based line (CSV) or row (XLSX) number in the file. */
      row: number;
      record: CaseRecord;
      /** The row's cells in header order: what makes two rows the same row. */
      content: string;
    }
  | { ok: false; row: number; errors: readonly CellIssue[] };

// Zip archives (XLSX) start with "PK\x03\x04".
function isXlsx(buffer: Buffer): boolean {
  return buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;
}

async function readTable(
  buffer: Buffer,
): Promise<{ header: readonly string[]; headerRow: number; rows: readonly TabularRow[] }> {
  try {
    if (isXlsx(buffer)) {
      const sheet = await readXlsx(buffer);
      const [first, ...rest] = sheet.rows;
      if (first === undefined) throw new AppError('import.unreadable_file', { reason: 'empty' });
      return { header: first.cells, headerRow: first.line, rows: rest };
    }
    const table = await readCsv(buffer);
    return { header: table.header, headerRow: table.headerLine, rows: table.rows };
  } catch (error) {
    if (error instanceof TabularReadError) {
      throw new AppError('import.unreadable_file', {
        reason: error.problem,
        line: error.line,
        message: error.message,
      });
    }
    throw error;
  }
}

function familyOf(format: CaseFileFormat): CaseImportFormat {
  return format === 'htcds' ? 'htcds' : 'ctdc';
}

/** A case file read and recognised, its data rows not yet parsed. */
export interface CaseFileTable {
  format: CaseFileFormat;
  header: readonly string[];
  detection: FormatDetection;
  rows: readonly TabularRow[];
}

/**
 * Reads a case file (CSV, TSV or XLSX) and recognises its layout from the header. `expected`
 * (from the command or request) must match what the header says, so a file is never read under
 * the wrong mapping. Rows are parsed separately, batch by batch, to keep memory flat.
 */
export async function readCaseFile(
  buffer: Buffer,
  expected: CaseImportFormat | undefined,
): Promise<CaseFileTable> {
  const table = await readTable(buffer);
  const detection = detectCaseFormat(table.header);
  if (!detection.ok) {
    throw new AppError('import.unknown_format', {
      problem: detection.problem,
      columns: detection.columns.slice(0, 20),
      message: detection.message,
    });
  }
  if (expected !== undefined && familyOf(detection.format) !== expected) {
    throw new AppError('import.unknown_format', {
      problem: 'format_mismatch',
      expected,
      found: detection.format,
    });
  }
  const [first, ...rest] = table.rows;
  // HTCDS templates carry a second header row of labels under the field names.
  const rows =
    first !== undefined && detection.format === 'htcds' && isHtcdsLabelRow(first.cells)
      ? rest
      : table.rows;
  return { format: detection.format, header: table.header, detection, rows };
}

/** Parses one data row of a read file into a case record or precise cell errors. */
export function parseCaseRow(
  file: CaseFileTable,
  tabular: TabularRow,
  fallbackRegistrationYear: number,
): ParsedRow {
  const { row, issue } = toRawRow(file.header, tabular.cells, file.detection);
  const result =
    file.format === 'ctdc-global'
      ? parseCtdcGlobalRow(row)
      : file.format === 'ctdc-synthetic'
        ? parseCtdcSyntheticRow(row)
        : parseHtcdsRow(row, { fallbackRegistrationYear });
  const errors = [...(issue === null ? [] : [issue]), ...(result.ok ? [] : result.errors)];
  return result.ok && errors.length === 0
    ? { ok: true, row: tabular.line, record: result.record, content: JSON.stringify(tabular.cells) }
    : { ok: false, row: tabular.line, errors };
}
