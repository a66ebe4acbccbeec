import type { CellIssue, RawRow } from './cell-values.js';
import { ctdcGlobalColumns } from './ctdc-global.js';
import { ctdcSyntheticColumns, type CtdcSyntheticVersion } from './ctdc-synthetic.js';
import { classifyHtcdsHeader, htcdsFieldPattern } from './htcds-columns.js';

/** The case file layouts Vigil reads. */
export const caseFileFormats = ['ctdc-global', 'ctdc-synthetic', 'htcds'] as const;
export type CaseFileFormat = (typeof caseFileFormats)[number];

/** Why a header was not recognised. */
export type FormatProblem =
  'empty_header' | 'duplicate_columns' | 'missing_columns' | 'unknown_format';

/** What a header row says about its file. */
export type FormatDetection =
  | {
      readonly ok: true;
      readonly format: 'ctdc-global';
      /** The first header cell is the terms-of-use sentence over an empty first cell per row. */
      readonly termsOfUseColumn: boolean;
    }
  | { readonly ok: true; readonly format: 'ctdc-synthetic'; readonly version: CtdcSyntheticVersion }
  | {
      readonly ok: true;
      readonly format: 'htcds';
      /** Header cells Vigil reads, and those it ignores (reported, not refused). */
      readonly readColumns: readonly string[];
      readonly ignoredColumns: readonly string[];
    }
  | {
      readonly ok: false;
      readonly problem: FormatProblem;
      /** The format the header most resembles, when it resembles one. */
      readonly format: CaseFileFormat | null;
      /** The columns at fault (missing or repeated). */
      readonly columns: readonly string[];
      readonly message: string;
    };

const lower = (names: readonly string[]) => new Set(names.map((name) => name.toLowerCase()));
const globalNames = lower(ctdcGlobalColumns);
const syntheticNames = lower([
  ...ctdcSyntheticColumns('2024'),
  ...ctdcSyntheticColumns('2025'),
  'meansWithholdDocuments',
]);
const globalOnly = [...globalNames].filter((name) => !syntheticNames.has(name));
const syntheticOnly = [...syntheticNames].filter((name) => !globalNames.has(name));

const clean = (cell: string) => cell.replace(/^\uFEFF/, '').trim();

/**
 * Says which case format a header row belongs to: the CTDC global dataset (its 63 columns, or
 * the 62 of releases before `isSlaveryAndPractices`, with or without the terms-of-use cell
 * before them), a CTDC synthetic release, or an HTCDS
 * template (field identifiers such as `prs_FirstName`); or why it is none of them.
 */
export function detectCaseFormat(header: readonly string[]): FormatDetection {
  const cells = header.map(clean);
  if (cells.every((cell) => cell === '')) {
    return failure('empty_header', null, [], 'The header row is empty');
  }
  const seen = new Set<string>();
  const repeated = cells.filter((cell) => {
    const key = cell.toLowerCase();
    const again = cell !== '' && seen.has(key);
    seen.add(key);
    return again;
  });
  if (repeated.length > 0) {
    return failure(
      'duplicate_columns',
      null,
      repeated,
      `Repeated column(s): ${repeated.join(', ')}`,
    );
  }
  const present = lower(cells);
  const globalHits = globalOnly.filter((name) => present.has(name)).length;
  const syntheticHits = syntheticOnly.filter((name) => present.has(name)).length;
  if (globalHits > 0 && globalHits >= syntheticHits) {
    // Releases before 2019 (codebook v6, 62 columns) have no isSlaveryAndPractices.
    const missing = ctdcGlobalColumns.filter(
      (column) => column !== 'isSlaveryAndPractices' && !present.has(column.toLowerCase()),
    );
    if (missing.length > 0) return missingColumns('ctdc-global', missing);
    return {
      ok: true,
      format: 'ctdc-global',
      termsOfUseColumn: !globalNames.has((cells[0] ?? '').toLowerCase()),
    };
  }
  if (syntheticHits > 0) {
    const version = cells.some((cell) => /^sectorOf/i.test(cell)) ? '2025' : '2024';
    const missing = ctdcSyntheticColumns(version).filter(
      (column) =>
        !present.has(column.toLowerCase()) &&
        !(column === 'meansWithholdDocs' && present.has('meanswithholddocuments')),
    );
    if (missing.length > 0) return missingColumns('ctdc-synthetic', missing);
    return { ok: true, format: 'ctdc-synthetic', version };
  }
  if (cells.some((cell) => htcdsFieldPattern.test(cell))) {
    const { read, ignored } = classifyHtcdsHeader(cells);
    if (read.length === 0) {
      return failure('missing_columns', 'htcds', [], 'No HTCDS field that Vigil reads');
    }
    return { ok: true, format: 'htcds', readColumns: read, ignoredColumns: ignored };
  }
  return failure(
    'unknown_format',
    null,
    [],
    'Not a CTDC global or synthetic dataset, nor an HTCDS template (row 1 must hold the field names)',
  );
}

function missingColumns(format: CaseFileFormat, missing: readonly string[]): FormatDetection {
  return failure('missing_columns', format, missing, `Missing column(s): ${missing.join(', ')}`);
}

function failure(
  problem: FormatProblem,
  format: CaseFileFormat | null,
  columns: readonly string[],
  message: string,
): FormatDetection {
  return { ok: false, problem, format, columns, message };
}

// Each header's cleaned names (null for an empty or repeated one, whose cells are not read),
// worked out once per header rather than once per row.
const headerKeys = new WeakMap<readonly string[], readonly (string | null)[]>();

function headerKeysOf(header: readonly string[]): readonly (string | null)[] {
  let keys = headerKeys.get(header);
  if (keys === undefined) {
    const seen = new Set<string>();
    keys = header.map((name) => {
      const key = clean(name);
      if (key === '' || seen.has(key)) return null;
      seen.add(key);
      return key;
    });
    headerKeys.set(header, keys);
  }
  return keys;
}

/**
 * Pairs a row's cells with the header's names. Cells beyond the header are an issue when
 * filled. A CTDC row missing the empty cell under the terms-of-use header cell is realigned.
 */
export function toRawRow(
  header: readonly string[],
  cells: readonly string[],
  detection?: FormatDetection,
): { readonly row: RawRow; readonly issue: CellIssue | null } {
  const shifted =
    detection?.ok === true &&
    detection.format === 'ctdc-global' &&
    detection.termsOfUseColumn &&
    cells.length === header.length - 1;
  const aligned = shifted ? ['', ...cells] : cells;
  const keys = headerKeysOf(header);
  // No prototype: a header cell named like an Object property (`__proto__`) is a column too.
  const row = Object.create(null) as Record<string, string>;
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index];
    if (key !== undefined && key !== null) row[key] = aligned[index] ?? '';
  }
  const extra = aligned.slice(header.length);
  const firstFilled = extra.findIndex((cell) => cell.trim() !== '');
  const issue: CellIssue | null =
    firstFilled < 0
      ? null
      : {
          column: `column ${header.length + firstFilled + 1}`,
          value: extra[firstFilled] ?? '',
          reason: 'unexpected_cells',
          message: `The row has ${aligned.length} cells but the header only ${header.length}`,
        };
  return { row, issue };
}
