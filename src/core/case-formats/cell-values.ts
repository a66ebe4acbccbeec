import {
  caseRecordSchema,
  type CaseRecord,
  type CaseRecordInput,
} from '../../shared/case-schemas.js';
import {
  alpha2ToAlpha3,
  alpha3ToAlpha2,
  isFormerIsoAlpha3,
  isIsoAlpha3,
} from '../../shared/countries.js';

/**
 * Why a cell was refused or questioned. Codes are stable: an import report and its
 * translations key on them.
 */
export const cellIssueReasons = [
  'missing_required',
  'invalid_year',
  'invalid_number',
  'invalid_flag',
  'invalid_boolean',
  'invalid_date',
  'invalid_age_band',
  'unknown_value',
  'unknown_country',
  'invalid_json',
  'invalid_field',
  'unexpected_cells',
  'partial_flag_group',
  'concatenated_mismatch',
  'derived_flag_mismatch',
  'conflicting_columns',
  // Found when writing, not parsing: the organisation or the file already uses the number.
  'case_number_taken',
] as const;
export type CellIssueReason = (typeof cellIssueReasons)[number];

/** One problem with one cell: the column as the file names it, the raw value, why. */
export interface CellIssue {
  readonly column: string;
  readonly value: string;
  readonly reason: CellIssueReason;
  readonly message: string;
}

/** A file row keyed by the header's column names; absent columns read as empty. */
export type RawRow = Readonly<Record<string, string | undefined>>;

/** What parsing one row yields: a valid record plus warnings, or the errors that stop it. */
export type RowParseResult<T = CaseRecord> =
  | { readonly ok: true; readonly record: T; readonly warnings: readonly CellIssue[] }
  | {
      readonly ok: false;
      readonly errors: readonly CellIssue[];
      readonly warnings: readonly CellIssue[];
    };

/** Reads cells by canonical column name and collects issues against the file's own name. */
export interface RowReader {
  /** True when the file has the column (whatever the spelling it used). */
  has(column: string): boolean;
  /** The trimmed cell, `''` when the column is absent. */
  cell(column: string): string;
  error(column: string, value: string, reason: CellIssueReason, message: string): void;
  warn(column: string, value: string, reason: CellIssueReason, message: string): void;
  readonly errors: CellIssue[];
  readonly warnings: CellIssue[];
}

/**
 * Builds a reader over a row. `canonicalOf` maps a header name as the file spells it to the
 * canonical column, or to null for a column the format ignores.
 */
export function createRowReader(
  row: RawRow,
  canonicalOf: (name: string) => string | null,
): RowReader {
  const canonical = canonicalNamesOf(canonicalOf);
  const cells = new Map<string, { name: string; value: string }>();
  for (const name in row) {
    let column = canonical.get(name);
    if (column === undefined) {
      column = canonicalOf(name.replace(/^\uFEFF/, '').trim());
      canonical.set(name, column);
    }
    // The first spelling wins: a file repeating a column keeps its first occurrence.
    if (column !== null && !cells.has(column)) {
      cells.set(column, { name, value: (row[name] ?? '').trim() });
    }
  }
  const errors: CellIssue[] = [];
  const warnings: CellIssue[] = [];
  const nameOf = (column: string) => cells.get(column)?.name ?? column;
  return {
    has: (column) => cells.has(column),
    cell: (column) => cells.get(column)?.value ?? '',
    error: (column, value, reason, message) => {
      errors.push({ column: nameOf(column), value, reason, message });
    },
    warn: (column, value, reason, message) => {
      warnings.push({ column: nameOf(column), value, reason, message });
    },
    errors,
    warnings,
  };
}

// Each resolver's answers by header name as the file spells it: every row of a file repeats
// the same names, so each is cleaned and looked up once. Bounded, in case a caller builds
// rows with ever new names.
const resolvedNames = new WeakMap<(name: string) => string | null, Map<string, string | null>>();
const maxResolvedNames = 10_000;

function canonicalNamesOf(
  canonicalOf: (name: string) => string | null,
): Map<string, string | null> {
  let names = resolvedNames.get(canonicalOf);
  if (names === undefined || names.size > maxResolvedNames) {
    names = new Map();
    resolvedNames.set(canonicalOf, names);
  }
  return names;
}

/** Case-insensitive column lookup over a fixed set of canonical names plus aliases. */
export function columnResolver(
  columns: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): (name: string) => string | null {
  const byKey = new Map<string, string>();
  for (const column of columns) byKey.set(column.toLowerCase(), column);
  for (const [alias, column] of Object.entries(aliases)) byKey.set(alias.toLowerCase(), column);
  return (name) => byKey.get(name.toLowerCase()) ?? null;
}

// CTDC writes missing values as -99 (case management), Unknown (hotline), empty, or NULL (the
// synthetic files); none of them is a value.
const missingTokens = new Set(['', '-99', 'unknown', 'null', 'na', 'n/a']);

/** True when a cell holds one of the missing-value markers. */
export function isMissing(value: string): boolean {
  return missingTokens.has(value.trim().toLowerCase());
}

/** Lower case, single spaces: how labels are compared. */
export function labelKey(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Reads a required four-digit year (1950–2100). */
export function readYear(reader: RowReader, column: string): number | null {
  const value = reader.cell(column);
  if (isMissing(value)) {
    reader.error(column, value, 'missing_required', `${column} is required`);
    return null;
  }
  const year = /^\d{4}(\.0+)?$/.test(value) ? Number.parseInt(value, 10) : Number.NaN;
  if (!(year >= 1950 && year <= 2100)) {
    reader.error(column, value, 'invalid_year', 'Use a four-digit year between 1950 and 2100');
    return null;
  }
  return year;
}

/** Reads a whole number in a range, or null when missing. */
export function readInteger(
  reader: RowReader,
  column: string,
  min: number,
  max: number,
): number | null {
  const value = reader.cell(column);
  if (value === '') return null;
  const number = /^\d+(\.0+)?$/.test(value) ? Number.parseInt(value, 10) : Number.NaN;
  if (!(number >= min && number <= max)) {
    reader.error(column, value, 'invalid_number', `Use a whole number from ${min} to ${max}`);
    return null;
  }
  return number;
}

/** Reads a `0`/`1` flag; a missing marker gives null. */
export function readFlag(reader: RowReader, column: string): boolean | null {
  const value = reader.cell(column);
  if (isMissing(value)) return null;
  if (/^1(\.0+)?$/.test(value)) return true;
  if (/^0(\.0+)?$/.test(value)) return false;
  reader.error(column, value, 'invalid_flag', 'Use 1 (yes), 0 (no) or leave empty');
  return null;
}

/** A flag column and the canonical code it stands for. */
export type FlagColumn<C extends string> = readonly [column: string, code: C];

/**
 * Reads a group of `0`/`1` flags into the codes set to 1. A group whose flags are all missing
 * was not recorded: null, not an empty list. A partly missing group reads its missing flags
 * as 0, with a warning (the export will write 0 there). Columns the file does not have at all
 * (an older release's) are left out of the group.
 */
export function readFlagGroup<C extends string>(
  reader: RowReader,
  allFlags: readonly FlagColumn<C>[],
): C[] | null {
  const codes: C[] = [];
  const missing: string[] = [];
  const flags = allFlags.filter(([column]) => reader.has(column));
  for (const [column, code] of flags) {
    // An invalid flag is an error of its own, not a missing one.
    if (isMissing(reader.cell(column))) missing.push(column);
    else if (readFlag(reader, column) === true && !codes.includes(code)) codes.push(code);
  }
  if (missing.length === flags.length) return null;
  const [first] = missing;
  if (first !== undefined) {
    reader.warn(
      first,
      reader.cell(first),
      'partial_flag_group',
      `Missing while other flags of its group are set; read as 0 (${missing.join(', ')})`,
    );
  }
  return codes;
}

/** Writes a flag group: all missing for null, else 1 for each member code and 0 otherwise. */
export function writeFlagGroup<C extends string>(
  flags: readonly FlagColumn<C>[],
  codes: readonly C[] | null,
  missing: string,
): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [column, code] of flags) {
    cells[column] = codes === null ? missing : codes.includes(code) ? '1' : '0';
  }
  return cells;
}

/** Country cells CTDC uses for "unknown": never a real country. */
const unknownCountries = new Set(['ZZ', '00', 'ZZZ', 'XX', 'XXX']);

/** Reads an ISO 3166 country code (alpha-2 or alpha-3, as the format says) into alpha-3. */
export function readCountry(
  reader: RowReader,
  column: string,
  value: string,
  form: 'alpha2' | 'alpha3',
): string | null {
  const code = value.trim().toUpperCase();
  // `NA` is Namibia's alpha-2 code before it is anyone's "not available".
  const namibia = form === 'alpha2' && code === 'NA';
  if ((!namibia && isMissing(code)) || unknownCountries.has(code)) return null;
  const alpha3 = form === 'alpha2' ? alpha2ToAlpha3(code) : isKnownAlpha3(code) ? code : null;
  if (alpha3 === null) {
    const kind = form === 'alpha2' ? 'alpha-2' : 'alpha-3';
    reader.error(column, value, 'unknown_country', `Not an ISO 3166-1 ${kind} country code`);
  }
  return alpha3;
}

/** True for an assigned or former alpha-3 code. */
export function isKnownAlpha3(code: string): boolean {
  return isIsoAlpha3(code) || isFormerIsoAlpha3(code);
}

/** Alpha-2 of a stored alpha-3 code (stored codes always have one). */
export function toAlpha2(alpha3: string): string {
  return alpha3ToAlpha2(alpha3) ?? alpha3;
}

/** Joins codes or labels with `;` (no space), as CTDC and HTCDS multi-selects do. */
export function joinList(values: readonly string[]): string {
  return values.join(';');
}

/** Splits a `;`-list into trimmed non-empty parts. */
export function splitList(value: string): string[] {
  return value
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Adds a code once. */
export function addCode<C extends string>(codes: C[], code: C): void {
  if (!codes.includes(code)) codes.push(code);
}

/** Same members, any order. */
export function sameMembers(left: readonly string[], right: readonly string[]): boolean {
  const a = new Set(left);
  const b = new Set(right);
  return a.size === b.size && [...a].every((value) => b.has(value));
}

/**
 * Validates the assembled record against the canonical schema and turns any schema issue into
 * a cell issue on the column that fed the field (`columnOfPath` knows which).
 */
export function finishRow(
  reader: RowReader,
  input: CaseRecordInput,
  columnOfPath: (path: readonly PropertyKey[]) => string,
): RowParseResult {
  if (reader.errors.length > 0) {
    return { ok: false, errors: reader.errors, warnings: reader.warnings };
  }
  const parsed = caseRecordSchema.safeParse(input);
  if (parsed.success) return { ok: true, record: parsed.data, warnings: reader.warnings };
  for (const issue of parsed.error.issues) {
    const column = columnOfPath(issue.path);
    reader.error(column, reader.cell(column), 'invalid_field', issue.message);
  }
  return { ok: false, errors: reader.errors, warnings: reader.warnings };
}
