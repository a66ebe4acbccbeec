import type { ParsedRow } from '../../../core/case-formats/index.js';
import type { ImportRejection } from '../../../shared/import-schemas.js';
import type { TabularRow } from '../../platform/tabular/tabular-types.js';

// What an import makes of a file's rows besides the cases: the keys that let a re-import skip
// them, the refusal of a case number already taken, and the stored report of refusals.

/**
 * Source keys: the same row content at the same occurrence gives the same key, so a file
 * imported again is skipped row by row, while identical rows within a file (CTDC's k-anonymised
 * data has many) stay distinct records. `rowKey` is a keyed hash, so keys reveal nothing.
 * The keyer is called on the file's rows in order, a batch at a time: it counts occurrences
 * across calls, so a batch's keys are ready as soon as the batch is cut.
 */
export function sourceKeyer(
  rowKey: (input: string) => string,
  organisationId: string,
): (rows: readonly TabularRow[]) => string[] {
  const seen = new Map<string, number>();
  return (rows) =>
    rows.map((row) => {
      const content = JSON.stringify(row.cells);
      const occurrence = (seen.get(content) ?? 0) + 1;
      seen.set(content, occurrence);
      return rowKey(`${organisationId}\n${String(occurrence)}\n${content}`);
    });
}

/** A row refused because its case number is taken in the organisation or earlier in the file. */
export function numberClash(row: number, number: string): ParsedRow {
  return {
    ok: false,
    row,
    errors: [
      {
        column: 'caseNumber',
        value: number,
        reason: 'case_number_taken',
        message: 'Another case of this organisation or this file has this case number',
      },
    ],
  };
}

const maxStoredRejections = 1000;

/**
 * What a report says of a withheld cell: its reason in words, nothing taken from the cell.
 * Some messages quote it (the unknown values of a list, the keys of a JSON cell), and a withheld
 * cell is withheld from its message too.
 */
function withheldMessage(reason: string): string {
  return `The value is not valid here (${reason}); it is not kept in the report`;
}

/**
 * The report of the refused rows: their first 1,000 problems, long values cut. `keepsValue`
 * says which columns' cells the report may hold as written; any other cell is withheld
 * (`value: null`), so a report kept after the import holds nothing that identifies anyone.
 */
export function rejectionsOf(
  rows: readonly ParsedRow[],
  keepsValue: (column: string | null) => boolean,
): ImportRejection[] {
  const out: ImportRejection[] = [];
  for (const row of rows) {
    if (row.ok) continue;
    for (const error of row.errors) {
      if (out.length >= maxStoredRejections) return out;
      const kept = keepsValue(error.column);
      out.push({
        row: row.row,
        column: error.column,
        // Long values are cut: the report shows where the problem is, not a copy of the file.
        value: !kept
          ? null
          : error.value.length > 200
            ? `${error.value.slice(0, 200)}…`
            : error.value,
        withheld: !kept,
        reason: error.reason,
        message: kept ? error.message : withheldMessage(error.reason),
      });
    }
  }
  return out;
}

/**
 * A stored report with every cell outside `keepsValue` withheld: how a report written before
 * reports stopped keeping identifying cells is shown, and how it is rewritten.
 */
export function withholdingCells(
  rejections: readonly ImportRejection[],
  keepsValue: (column: string | null) => boolean,
): ImportRejection[] {
  return rejections.map((rejection) =>
    keepsValue(rejection.column)
      ? rejection
      : {
          ...rejection,
          value: null,
          withheld: true,
          message: withheldMessage(rejection.reason),
        },
  );
}
