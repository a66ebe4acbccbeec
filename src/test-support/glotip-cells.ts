import type {
  GlotipAge,
  GlotipCellKey,
  GlotipCellValue,
  GlotipDimension,
  GlotipIndicator,
  GlotipSex,
} from '../shared/glotip-vocabulary.js';
import type { ReturnCellInput, RuleViolation } from '../core/glotip/validate-return.js';
import { validateReturn } from '../core/glotip/validate-return.js';
import { glotipValidationRules } from '../core/glotip/validation-rules.js';

// Short builders for GLOTIP return cells in tests: `victims('total', 'total', 'female', 'minor')`
// reads like the questionnaire row and column.

export const count = (value: number): GlotipCellValue => ({ kind: 'count', value });
export const censored = (lower: number, upper: number): GlotipCellValue => ({
  kind: 'censored',
  lower,
  upper,
});
/** dataUNODC's `<5`. */
export const below5: GlotipCellValue = censored(0, 4);
export const notAvailable: GlotipCellValue = { kind: 'not_available' };
export const notApplicable: GlotipCellValue = { kind: 'not_applicable' };

/** A value as tests write it: a number is a count, `'<5'` is 0–4, `'na'`, `'n/a'` the empties. */
export type CellShorthand = number | '<5' | 'na' | 'n/a' | GlotipCellValue;

export function valueOf(shorthand: CellShorthand): GlotipCellValue {
  if (typeof shorthand === 'number') return count(shorthand);
  if (shorthand === '<5') return below5;
  if (shorthand === 'na') return notAvailable;
  if (shorthand === 'n/a') return notApplicable;
  return shorthand;
}

export function keyOf(
  indicator: GlotipIndicator,
  dimension: GlotipDimension = 'total',
  category = 'total',
  sex: GlotipSex = 'total',
  age: GlotipAge = 'total',
): GlotipCellKey {
  return { indicator, dimension, category, sex, age };
}

export function cellOf(key: GlotipCellKey, value: CellShorthand): ReturnCellInput {
  return { key, value: valueOf(value) };
}

/** A detected-victims cell by dimension, category, sex and age. */
export function victims(
  dimension: GlotipDimension,
  category: string,
  sex: GlotipSex,
  age: GlotipAge,
  value: CellShorthand,
) {
  return cellOf(keyOf('detected_victims', dimension, category, sex, age), value);
}

/** A detected-victims cell of the total table. */
export function victimsTotal(sex: GlotipSex, age: GlotipAge, value: CellShorthand) {
  return victims('total', 'total', sex, age, value);
}

/** The grand total (total/total/total/total) of an indicator. */
export function grandTotal(indicator: GlotipIndicator, value: CellShorthand) {
  return cellOf(keyOf(indicator), value);
}

/** Runs one GLOTIP rule alone on a return of `cells` for 2022 (current year 2025). */
export function runGlotipRule(ruleId: string, cells: readonly ReturnCellInput[], year = 2022) {
  const rule = glotipValidationRules.find((item) => item.id === ruleId);
  if (rule === undefined) throw new Error(`no rule ${ruleId}`);
  return validateReturn({ year, currentYear: 2025, cells }, [rule]);
}

/** The `[parts, total]` params of each violation, as parts-versus-total tables list them. */
export function partsFailures(violations: readonly RuleViolation[]) {
  return violations.map((violation) => [violation.params.parts, violation.params.total]);
}
