import type { CaseRecord } from '../../shared/case-schemas.js';
import type { CellIssue } from './cell-values.js';
import { parseCtdcGlobalRow } from './ctdc-global.js';
import { parseCtdcSyntheticRow } from './ctdc-synthetic.js';
import { toRawRow, type CaseFileFormat, type FormatDetection } from './format-detect.js';
import { resolveHtcdsColumn } from './htcds-columns.js';
import { parseHtcdsRow } from './htcds-template.js';

/** One data row of a case file after parsing. */
export type ParsedRow =
  | {
      ok: true;
      /** 1-based line (CSV) or row (XLSX) number in the file. */
      row: number;
      record: CaseRecord;
    }
  | { ok: false; row: number; errors: readonly CellIssue[] };

/** How a case file's rows are read: its format and header (plain data, so a worker thread can parse rows too). */
export interface CaseFileLayout {
  format: CaseFileFormat;
  header: readonly string[];
  detection: FormatDetection;
}

/** Parses one data row of a read file into a case record or precise cell errors. */
export function parseCaseRow(
  file: CaseFileLayout,
  tabular: { readonly line: number; readonly cells: readonly string[] },
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
    ? { ok: true, row: tabular.line, record: result.record }
    : { ok: false, row: tabular.line, errors };
}

/**
 * The case numbers a file brings, all its rows together (HTCDS files carry them, CTDC files
 * none): the numbers Vigil gives the file's unnumbered rows skip them, whichever batch either
 * row is in, so a dry run and the real run refuse the same rows.
 */
export function caseNumbersBrought(
  file: CaseFileLayout,
  rows: readonly { readonly cells: readonly string[] }[],
): Set<string> {
  const numbers = new Set<string>();
  if (file.format !== 'htcds') return numbers;
  const column = file.header.findIndex((name) => resolveHtcdsColumn(name) === 'vigil_CaseNumber');
  if (column < 0) return numbers;
  for (const row of rows) {
    const value = row.cells[column]?.trim() ?? '';
    if (value !== '') numbers.add(value);
  }
  return numbers;
}
