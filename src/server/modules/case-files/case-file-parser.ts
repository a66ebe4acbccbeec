import {
  detectCaseFormat,
  isHtcdsLabelRow,
  type CaseFileFormat,
  type CaseFileLayout,
} from '../../../core/case-formats/index.js';
import { AppError } from '../../../shared/app-error.js';
import type { CaseImportFormat } from '../../../shared/case-schemas.js';
import { readCsv } from '../../platform/tabular/csv-file.js';
import type { TabularRow } from '../../platform/tabular/tabular-types.js';
import { readingUpload } from '../../platform/tabular/unreadable-file.js';
import { readXlsxInWorker } from '../../platform/tabular/xlsx-in-worker.js';

// Zip archives (XLSX) start with "PK\x03\x04".
function isXlsx(buffer: Buffer): boolean {
  return buffer.length > 4 && buffer.readUInt32LE(0) === 0x04034b50;
}

async function readTable(
  buffer: Buffer,
): Promise<{ header: readonly string[]; headerRow: number; rows: readonly TabularRow[] }> {
  return readingUpload(async () => {
    if (isXlsx(buffer)) {
      const sheet = await readXlsxInWorker(buffer);
      const [first, ...rest] = sheet.rows;
      if (first === undefined) throw new AppError('import.unreadable_file', { reason: 'empty' });
      return { header: first.cells, headerRow: first.line, rows: rest };
    }
    const table = await readCsv(buffer);
    return { header: table.header, headerRow: table.headerLine, rows: table.rows };
  });
}

function familyOf(format: CaseFileFormat): CaseImportFormat {
  return format === 'htcds' ? 'htcds' : 'ctdc';
}

/** A case file read and recognised, its data rows not yet parsed. */
export interface CaseFileTable extends CaseFileLayout {
  /** The data rows, in a fresh array the caller may consume (an import empties it as it goes). */
  rows: TabularRow[];
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
  const rows = [...table.rows];
  const first = rows[0];
  // HTCDS templates carry a second header row of labels under the field names.
  if (first !== undefined && detection.format === 'htcds' && isHtcdsLabelRow(first.cells)) {
    rows.shift();
  }
  return { format: detection.format, header: table.header, detection, rows };
}
