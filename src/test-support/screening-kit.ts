import {
  type ScreeningDimension,
  type ScreeningProfile,
  type ScreeningRule,
} from '../shared/screening-vocabulary.js';
import { indicatorsOfProfile } from '../core/screening/indicator-set.js';
import { ilo2009IndicatorSet } from '../core/screening/indicator-set-ilo-2009.js';
import { defaultScreeningRule, evaluateScreening } from '../core/screening/screening-rules.js';

// Helpers the screening rule tests share: screening on the ILO 2009 lists and reading results.

/** Screens `codes` on the ILO 2009 indicator set under `rule` (the default rule unless given). */
export const screen = (
  profile: ScreeningProfile,
  codes: readonly string[],
  rule: ScreeningRule = defaultScreeningRule,
) => evaluateScreening(ilo2009IndicatorSet, profile, codes, rule);

/** One dimension's part of a result; throws when the result lacks it. */
export const dimensionOf = (
  result: ReturnType<typeof screen>,
  dimension: ScreeningDimension,
): ReturnType<typeof screen>['dimensions'][number] => {
  const found = result.dimensions.find((item) => item.dimension === dimension);
  if (found === undefined) throw new Error(`no ${dimension} in result`);
  return found;
};

/** Every indicator code of a profile's list, in the set's order. */
export const codesOf = (profile: ScreeningProfile) =>
  indicatorsOfProfile(ilo2009IndicatorSet, profile).map(({ indicator }) => indicator.code);

/** Indicator codes of one dimension from their keys (`inDimension('x', 'a')` → `x.a`). */
export const inDimension = (dimension: ScreeningDimension, ...keys: string[]) =>
  keys.map((key) => `${dimension}.${key}`);

/** The value, or a failed test when it is missing. */
export function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing value');
  return value;
}
