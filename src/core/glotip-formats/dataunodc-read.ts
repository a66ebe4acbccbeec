import {
  cellKeyString,
  type GlotipCellKey,
  type GlotipCellValue,
} from '../../shared/glotip-vocabulary.js';
import { cellKeyFieldProblem, glotipDataSet } from '../glotip/data-set-definition.js';
import { isKnownAlpha3 } from './alpha3.js';
import {
  findBreakdownInconsistencies,
  type BreakdownInconsistency,
} from './breakdown-consistency.js';
import { dataUnodcUnit, requiredDataUnodcColumns } from './dataunodc-columns.js';
import {
  categoryLabel,
  codeOfLabel,
  defaultMaxCount,
  readCategory,
  readValue,
} from './dataunodc-labels.js';

/** One row of a table file: its cells as text and its 1-based line. */
export interface TextRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** One figure read from a dataUNODC row, with the raw Category and txtVALUE text kept. */
export interface DataUnodcRow {
  readonly line: number;
  readonly iso3: string;
  readonly year: number;
  readonly key: GlotipCellKey;
  readonly value: GlotipCellValue;
  readonly rawCategory: string;
  readonly rawValue: string;
  readonly source: string;
  /** `category_normalised`, `value_normalised`, `whitespace_trimmed`. */
  readonly flags: readonly string[];
}

/** Stable reason codes of a refused row (an import report and its translations key on them). */
export const dataUnodcRejectionReasons = [
  'no_header',
  'unknown_country',
  'invalid_year',
  'unknown_indicator',
  'unknown_dimension',
  'unknown_category',
  'questionnaire_id_category',
  'unknown_country_text',
  'unknown_sex',
  'unknown_age',
  'unknown_unit',
  'missing_value',
  'invalid_value',
  'implausible_value',
  'duplicate_cell',
  'not_collected',
] as const;
export type DataUnodcRejectionReason = (typeof dataUnodcRejectionReasons)[number];

/** A refused row: the first problem found, by column, with the cell as the file has it. */
export interface DataUnodcRejection {
  readonly line: number;
  readonly column: string;
  readonly value: string;
  readonly reason: DataUnodcRejectionReason;
}

/**
 * What reading a file gave. Every data row is counted once in `outcomes`: `imported` (taken as
 * written), `normalised` (category or value rewritten, the raw text kept on the row) or `rejected`,
 * and `rejected.<reason>` per reason. `inconsistencies` lists breakdowns that do not add up:
 * flagged, never fixed.
 */
export interface DataUnodcReadResult {
  readonly headerLine: number | null;
  readonly rows: DataUnodcRow[];
  readonly rejections: DataUnodcRejection[];
  readonly outcomes: Readonly<Record<string, number>>;
  readonly inconsistencies: readonly BreakdownInconsistency[];
}

/** Options for reading. */
export interface DataUnodcReadOptions {
  /** Values above this are refused as implausible (default 1,000,000). */
  readonly maxCount?: number;
}

// The header is searched for among the first rows: the export puts a preamble (`UNODC`, the
// export date) above it, and a re-saved file may add or drop such rows.
const headerSearchRows = 20;

const headerKey = (cell: string) =>
  cell
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

/**
 * Reads the rows of a dataUNODC GLOTIP export (CSV or XLSX, preamble rows included) into figures.
 * Finds the header row, tolerates stray spaces, reads `<5` as the censored interval 0 to 4 and
 * `1,173` as 1173 (normalised), maps free-text citizenship to ISO codes (raw text kept), refuses
 * leaked questionnaire ids (`Q6.1_10s_2019`), corrupt or implausible values and repeated cells
 * (same country, year and cell: the first is kept), and flags breakdowns that do not add up.
 */
export function readDataUnodcRows(
  rows: readonly TextRow[],
  options: DataUnodcReadOptions = {},
): DataUnodcReadResult {
  const headerIndex = rows
    .slice(0, headerSearchRows)
    .findIndex((row) =>
      requiredDataUnodcColumns.every((name) =>
        row.cells.some((cell) => headerKey(cell) === name.toLowerCase()),
      ),
    );
  const header = rows[headerIndex];
  if (header === undefined) {
    const rejections = rows.map((row): DataUnodcRejection => ({
      line: row.line,
      column: '',
      value: '',
      reason: 'no_header',
    }));
    return {
      headerLine: null,
      rows: [],
      rejections,
      outcomes: countOutcomes(0, 0, rejections),
      inconsistencies: [],
    };
  }
  const columnIndex = new Map<string, number>();
  header.cells.forEach((cell, index) => {
    if (!columnIndex.has(headerKey(cell))) columnIndex.set(headerKey(cell), index);
  });
  const maxCount = options.maxCount ?? defaultMaxCount;
  const read: DataUnodcRow[] = [];
  const rejections: DataUnodcRejection[] = [];
  const seen = new Set<string>();
  let imported = 0;
  let normalised = 0;
  for (const row of rows.slice(headerIndex + 1)) {
    const raw = (column: string) => row.cells[columnIndex.get(column.toLowerCase()) ?? -1] ?? '';
    const result = readRow(row.line, raw, maxCount);
    if (!result.ok) {
      rejections.push(result.rejection);
      continue;
    }
    const figure = result.row;
    const identity = `${figure.iso3}|${figure.year}|${cellKeyString(figure.key)}`;
    if (seen.has(identity)) {
      rejections.push({
        line: row.line,
        column: 'Category',
        value: figure.rawCategory,
        reason: 'duplicate_cell',
      });
      continue;
    }
    seen.add(identity);
    read.push(figure);
    if (figure.flags.includes('category_normalised') || figure.flags.includes('value_normalised'))
      normalised += 1;
    else imported += 1;
  }
  return {
    headerLine: header.line,
    rows: read,
    rejections,
    outcomes: countOutcomes(imported, normalised, rejections),
    inconsistencies: inconsistenciesOf(read),
  };
}

type RowResult =
  | { readonly ok: true; readonly row: DataUnodcRow }
  | { readonly ok: false; readonly rejection: DataUnodcRejection };

function readRow(line: number, raw: (column: string) => string, maxCount: number): RowResult {
  const refuse = (column: string, reason: DataUnodcRejectionReason): RowResult => ({
    ok: false,
    rejection: { line, column, value: raw(column), reason },
  });
  const iso3 = raw('Iso3_code').trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(iso3) || !isKnownAlpha3(iso3))
    return refuse('Iso3_code', 'unknown_country');
  const yearText = raw('Year').trim();
  const year = /^\d{4}(\.0+)?$/.test(yearText) ? Number.parseInt(yearText, 10) : Number.NaN;
  if (!(year >= 1990 && year <= 2100)) return refuse('Year', 'invalid_year');
  const indicator = codeOfLabel.indicator(raw('Indicator'));
  if (indicator === undefined) return refuse('Indicator', 'unknown_indicator');
  const dimension = codeOfLabel.dimension(raw('Dimension'));
  if (dimension === undefined) return refuse('Dimension', 'unknown_dimension');
  const category = readCategory(dimension, raw('Category'));
  if (!category.ok) return refuse('Category', category.problem);
  const sex = codeOfLabel.sex(raw('Sex'));
  if (sex === undefined) return refuse('Sex', 'unknown_sex');
  const age = codeOfLabel.age(raw('Age'));
  if (age === undefined) return refuse('Age', 'unknown_age');
  const unit = raw('Unit of measurement').trim();
  if (unit !== '' && unit.toLowerCase() !== dataUnodcUnit.toLowerCase()) {
    return refuse('Unit of measurement', 'unknown_unit');
  }
  // Each label may be known while the combination is not one the data set collects (persons
  // prosecuted by age, say): refused here, with its column, not later when the return is saved.
  const key = { indicator, dimension, category: category.category, sex, age };
  const uncollected = cellKeyFieldProblem(glotipDataSet, key);
  if (uncollected !== null) return refuse(keyColumns[uncollected.field], 'not_collected');
  const value = readValue(raw('txtVALUE'), maxCount);
  if (!value.ok) return refuse('txtVALUE', value.problem);
  const flags: string[] = [];
  const rawCategory = raw('Category');
  if (rawCategory.trim() !== categoryLabel(dimension, category.category))
    flags.push('category_normalised');
  if (!value.canonical) flags.push('value_normalised');
  const checked = [
    'Iso3_code',
    'Indicator',
    'Dimension',
    'Category',
    'Sex',
    'Age',
    'Year',
    'txtVALUE',
  ];
  if (checked.some((column) => raw(column) !== raw(column).trim()))
    flags.push('whitespace_trimmed');
  return {
    ok: true,
    row: {
      line,
      iso3,
      year,
      key,
      value: value.value,
      rawCategory,
      rawValue: raw('txtVALUE'),
      source: raw('Source').trim(),
      flags,
    },
  };
}

// The column that holds each field of a cell key.
const keyColumns: Readonly<Record<keyof GlotipCellKey, string>> = {
  indicator: 'Indicator',
  dimension: 'Dimension',
  category: 'Category',
  sex: 'Sex',
  age: 'Age',
};

function countOutcomes(
  imported: number,
  normalised: number,
  rejections: readonly DataUnodcRejection[],
): Record<string, number> {
  const outcomes: Record<string, number> = { imported, normalised, rejected: rejections.length };
  for (const { reason } of rejections) {
    outcomes[`rejected.${reason}`] = (outcomes[`rejected.${reason}`] ?? 0) + 1;
  }
  return outcomes;
}

function inconsistenciesOf(rows: readonly DataUnodcRow[]): BreakdownInconsistency[] {
  const returns = new Map<string, DataUnodcRow[]>();
  for (const row of rows) {
    const key = `${row.iso3}|${row.year}`;
    const cells = returns.get(key);
    if (cells === undefined) returns.set(key, [row]);
    else cells.push(row);
  }
  return [...returns.values()].flatMap((cells) => {
    const [first] = cells;
    return first === undefined ? [] : findBreakdownInconsistencies(first.iso3, first.year, cells);
  });
}
