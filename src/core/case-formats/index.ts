/**
 * Case file formats: the pure mapping between rows of CTDC and HTCDS files and Vigil's
 * canonical `CaseRecord`. No I/O here: `server/platform/tabular` reads and writes the files
 * (CSV, TSV, XLSX) and hands rows of strings to these functions.
 *
 * Reading: detect the format from the header (`detectCaseFormat`), pair each row's cells with
 * the header (`toRawRow`), then parse it with the format's `parse…Row`, which returns the record
 * and warnings, or precise errors `{ column, value, reason, message }`.
 *
 * Writing: `write…Row` gives the cells of a record keyed by column; `cellsInOrder` lines them up
 * under the format's header (`ctdcGlobalColumns`, `ctdcSyntheticColumns()`, `htcdsHeader()`).
 */

export {
  caseNumbersBrought,
  parseCaseRow,
  type CaseFileLayout,
  type ParsedRow,
} from './case-row.js';
export {
  cellIssueReasons,
  type CellIssue,
  type CellIssueReason,
  type RawRow,
  type RowParseResult,
} from './cell-values.js';
export {
  ctdcGlobalAnalyticColumns,
  ctdcGlobalColumns,
  parseCtdcGlobalRow,
  writeCtdcGlobalRow,
  type CtdcWriteOptions,
} from './ctdc-global.js';
export { ctdcReleaseQuasiIdentifiers, kAnonymisedCtdcRelease } from './ctdc-release.js';
export {
  ctdcSyntheticColumns,
  mergedMeans,
  parseCtdcSyntheticRow,
  writeCtdcSyntheticRow,
  type CtdcSyntheticVersion,
  type CtdcSyntheticWriteOptions,
} from './ctdc-synthetic.js';
export {
  caseFileFormats,
  detectCaseFormat,
  toRawRow,
  type CaseFileFormat,
  type FormatDetection,
  type FormatProblem,
} from './format-detect.js';
export { classifyHtcdsHeader, isHtcdsLabelRow } from './htcds-columns.js';
export { isShownWithoutIdentity, reportAllowListVersion } from './identifying-columns.js';
export {
  htcdsHeader,
  parseHtcdsRow,
  writeHtcdsRow,
  type HtcdsParseResult,
  type HtcdsReadOptions,
  type HtcdsWriteOptions,
} from './htcds-template.js';

/**
 * Lines a row's cells up under a header: one string per column, empty for a column the row
 * lacks. With `leadingEmptyCell` the row starts with the empty cell that CTDC global files put
 * under their terms-of-use header cell.
 */
export function cellsInOrder(
  columns: readonly string[],
  row: Readonly<Record<string, string>>,
  leadingEmptyCell = false,
): string[] {
  const cells = columns.map((column) => row[column] ?? '');
  return leadingEmptyCell ? ['', ...cells] : cells;
}
