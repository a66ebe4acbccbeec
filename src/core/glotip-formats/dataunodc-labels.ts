import { getNameOfAlpha3 } from './country-names.js';
import {
  citizenshipSpecialLabels,
  citizenshipSpecials,
  exploitationDetails,
  exploitationGroupLabels,
  exploitationGroups,
  glotipAgeLabels,
  glotipDimensionLabels,
  glotipIndicatorLabels,
  glotipSexLabels,
  type ConflictLinkCategory,
  type GlotipCellValue,
  type GlotipDimension,
} from '../../shared/glotip-vocabulary.js';
import { m49NameOf } from '../regions/m49-scheme.js';
import { normaliseCountryText } from './country-aliases.js';

// The words of dataUNODC's columns, read back into Vigil's codes. Labels are compared without
// regard to case or repeated spaces (files edited by hand differ there); anything else unknown
// is refused rather than guessed.

/** Lower case, single spaces: how labels are compared. */
function labelKey(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

// Keys are held both as written and as compared, so the usual exact label costs one lookup.
function reverse<C extends string>(labels: Readonly<Record<C, string>>): ReadonlyMap<string, C> {
  return new Map(
    Object.entries(labels).flatMap(([code, label]) => [
      [label as string, code as C],
      [labelKey(label as string), code as C],
    ]),
  );
}

const indicatorByLabel = reverse(glotipIndicatorLabels);
const dimensionByLabel = reverse(glotipDimensionLabels);
const sexByLabel = reverse(glotipSexLabels);
const ageByLabel = reverse(glotipAgeLabels);

/** The code of an `Indicator`, `Dimension`, `Sex` or `Age` label, or undefined. */
export const codeOfLabel = {
  indicator: (text: string) => indicatorByLabel.get(text) ?? indicatorByLabel.get(labelKey(text)),
  dimension: (text: string) => dimensionByLabel.get(text) ?? dimensionByLabel.get(labelKey(text)),
  sex: (text: string) => sexByLabel.get(text) ?? sexByLabel.get(labelKey(text)),
  age: (text: string) => ageByLabel.get(text) ?? ageByLabel.get(labelKey(text)),
};

// Vigil's detailed forms of exploitation and conflict-link categories have no dataUNODC words;
// they are written in Vigil's namespace, like the conflict dimension itself.
const detailPrefix = 'vigil:';
const conflictLabels: Readonly<Record<ConflictLinkCategory, string>> = {
  yes: 'Yes',
  no: 'No',
  unknown: 'Unknown',
};
const groupByLabel = reverse(exploitationGroupLabels);
const conflictByLabel = reverse(conflictLabels);

/** The name a country is written under: its M49 name, else its ISO short name, else the code. */
export function countryLabel(iso3: string): string {
  return m49NameOf(iso3) ?? getNameOfAlpha3(iso3) ?? iso3;
}

const countryCategoryLabels = new Map<string, string>();

// A country category is written under its name when that name reads back as the same country,
// else under its code (former codes such as YUG have no name to read back).
function countryCategoryLabel(iso3: string): string {
  let label = countryCategoryLabels.get(iso3);
  if (label === undefined) {
    const name = countryLabel(iso3);
    const meaning = normaliseCountryText(name);
    label = meaning.kind === 'country' && meaning.iso3 === iso3 ? name : iso3;
    countryCategoryLabels.set(iso3, label);
  }
  return label;
}

/** The canonical `Category` text of a category code under a dimension. */
export function categoryLabel(dimension: GlotipDimension, category: string): string {
  switch (dimension) {
    case 'total':
      return 'Total';
    case 'exploitation':
      return exploitationGroups.includes(category as never)
        ? exploitationGroupLabels[category as keyof typeof exploitationGroupLabels]
        : `${detailPrefix}${category}`;
    case 'citizenship':
    case 'repatriation': {
      const special = citizenshipSpecials.find((code) => code === category);
      return special === undefined
        ? countryCategoryLabel(category)
        : citizenshipSpecialLabels[special];
    }
    case 'conflict':
      return conflictLabels[category as ConflictLinkCategory];
  }
}

/** Why a `Category` cell was refused. */
export type CategoryProblem =
  'unknown_category' | 'questionnaire_id_category' | 'unknown_country_text';

/** A `Category` cell read under its dimension: the category code, or why not. */
export function readCategory(
  dimension: GlotipDimension,
  text: string,
):
  | { readonly ok: true; readonly category: string }
  | { readonly ok: false; readonly problem: CategoryProblem } {
  const key = labelKey(text);
  switch (dimension) {
    case 'total':
      return key === 'total'
        ? { ok: true, category: 'total' }
        : { ok: false, problem: 'unknown_category' };
    case 'exploitation': {
      const group = groupByLabel.get(key);
      if (group !== undefined) return { ok: true, category: group };
      const detail = key.startsWith(detailPrefix) ? key.slice(detailPrefix.length) : '';
      return Object.hasOwn(exploitationDetails, detail)
        ? { ok: true, category: detail }
        : { ok: false, problem: 'unknown_category' };
    }
    case 'citizenship':
    case 'repatriation': {
      const meaning = normaliseCountryText(text);
      switch (meaning.kind) {
        case 'country':
          return { ok: true, category: meaning.iso3 };
        case 'special':
          return { ok: true, category: meaning.special };
        case 'questionnaire_id':
          return { ok: false, problem: 'questionnaire_id_category' };
        case 'unknown_text':
          return { ok: false, problem: 'unknown_country_text' };
      }
      break;
    }
    case 'conflict': {
      const link = conflictByLabel.get(key);
      return link === undefined
        ? { ok: false, problem: 'unknown_category' }
        : { ok: true, category: link };
    }
  }
  return { ok: false, problem: 'unknown_category' };
}

/** Values above this are refused as implausible (the corrupt `61,102,019` of the `Q6.1_…` rows). */
export const defaultMaxCount = 1_000_000;

const notAvailableText = 'vigil:not_available';
const notApplicableText = 'vigil:not_applicable';

/**
 * The `txtVALUE` text of a value. Counts are plain digits (no thousands separator, which reads
 * as a decimal point in French or Spanish locales); `<5` is dataUNODC's censored 0 to 4, `<N`
 * any censored 0 to N−1, `L-U` a censored interval that does not start at 0. dataUNODC has no
 * missing or not-applicable rows; Vigil writes them in its own namespace.
 */
export function valueText(value: GlotipCellValue): string {
  switch (value.kind) {
    case 'count':
      return String(value.value);
    case 'censored':
      return value.lower === 0 ? `<${value.upper + 1}` : `${value.lower}-${value.upper}`;
    case 'not_available':
      return notAvailableText;
    case 'not_applicable':
      return notApplicableText;
  }
}

/** Why a `txtVALUE` cell was refused. */
export type ValueProblem = 'missing_value' | 'invalid_value' | 'implausible_value';

/** A `txtVALUE` cell read: the value (and whether it was written canonically), or why not. */
export function readValue(
  text: string,
  maxCount: number = defaultMaxCount,
):
  | { readonly ok: true; readonly value: GlotipCellValue; readonly canonical: boolean }
  | { readonly ok: false; readonly problem: ValueProblem } {
  const cell = text.trim();
  if (cell === '') return { ok: false, problem: 'missing_value' };
  const lower = cell.toLowerCase();
  if (lower === notAvailableText)
    return { ok: true, value: { kind: 'not_available' }, canonical: true };
  if (lower === notApplicableText)
    return { ok: true, value: { kind: 'not_applicable' }, canonical: true };
  let value: GlotipCellValue | null = null;
  // Plain digits; `1,173` with thousands separators; `12.0` as a spreadsheet may give a number.
  const digits = /^\d+$/.test(cell)
    ? cell
    : /^\d{1,3}(,\d{3})+$/.test(cell)
      ? cell.replaceAll(',', '')
      : /^\d+\.0+$/.test(cell)
        ? cell.replace(/\.0+$/, '')
        : null;
  if (digits !== null) value = { kind: 'count', value: Number(digits) };
  const below = /^<\s*(\d+)$/.exec(cell);
  if (below?.[1] !== undefined && Number(below[1]) > 0) {
    value = { kind: 'censored', lower: 0, upper: Number(below[1]) - 1 };
  }
  const range = /^(\d+)\s*-\s*(\d+)$/.exec(cell);
  if (range?.[1] !== undefined && range[2] !== undefined && Number(range[1]) <= Number(range[2])) {
    value = { kind: 'censored', lower: Number(range[1]), upper: Number(range[2]) };
  }
  if (value === null) return { ok: false, problem: 'invalid_value' };
  const top = value.kind === 'count' ? value.value : value.upper;
  if (!Number.isSafeInteger(top) || top > maxCount)
    return { ok: false, problem: 'implausible_value' };
  return { ok: true, value, canonical: valueText(value) === cell };
}
