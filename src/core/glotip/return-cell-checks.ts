import { isGlotipCountryCategory } from '../../shared/glotip-schemas.js';
import { cellKeyString, type GlotipDimension } from '../../shared/glotip-vocabulary.js';
import { cellKeyFieldProblem } from './data-set-definition.js';
import { isCount, type CheckContext, type CheckFinding } from './return-cells.js';

// Checks of single cells and of the return's period: what a well-formed return must satisfy
// before any arithmetic makes sense.

const isCountryDimension = (dimension: GlotipDimension) =>
  dimension === 'citizenship' || dimension === 'repatriation';

/**
 * Keys outside the data set. A bad country code is left to the country rule, which says what is
 * wrong with it; the rest of such a key is still checked, with a stand-in country.
 */
export function checkCellsInDataSet(context: CheckContext): CheckFinding[] {
  return [...context.cells.values()].flatMap(({ key }) => {
    const checked =
      isCountryDimension(key.dimension) && !isGlotipCountryCategory(key.category)
        ? { ...key, category: 'unknown' }
        : key;
    const problem = cellKeyFieldProblem(context.definition, checked);
    if (problem === null) return [];
    const cell = cellKeyString(key);
    return [
      {
        anchor: cell,
        cells: [key],
        params: { cell, field: problem.field, reason: problem.reason },
      },
    ];
  });
}

/** Keys given more than once (the arithmetic uses the last value given). */
export function checkDuplicateCells(context: CheckContext): CheckFinding[] {
  const counts = new Map<string, number>();
  for (const { key } of context.entries) {
    const cell = cellKeyString(key);
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  return [...context.cells.entries()].flatMap(([cell, { key }]) => {
    const count = counts.get(cell) ?? 0;
    return count > 1 ? [{ anchor: cell, cells: [key], params: { cell, count } }] : [];
  });
}

/** Counts that are not non-negative safe integers (the schema guards the API; files may not). */
export function checkNonNegativeIntegers(context: CheckContext): CheckFinding[] {
  return [...context.cells.entries()].flatMap(([cell, { key, value }]) =>
    value.kind === 'count' && !isCount(value.value)
      ? [{ anchor: cell, cells: [key], params: { cell, value: String(value.value) } }]
      : [],
  );
}

/** Censored intervals whose bounds are not whole numbers with 0 ≤ lower ≤ upper. */
export function checkCensoredBounds(context: CheckContext): CheckFinding[] {
  return [...context.cells.entries()].flatMap(([cell, { key, value }]) => {
    if (value.kind !== 'censored') return [];
    const valid = isCount(value.lower) && isCount(value.upper) && value.lower <= value.upper;
    if (valid) return [];
    const params = { cell, lower: String(value.lower), upper: String(value.upper) };
    return [{ anchor: cell, cells: [key], params }];
  });
}

/** The reporting year must lie between the data set's first year and the current year. */
export function checkYearBounds(context: CheckContext): CheckFinding[] {
  const { year, currentYear, definition } = context;
  const valid = Number.isInteger(year) && year >= definition.firstYear && year <= currentYear;
  if (valid) return [];
  return [
    {
      anchor: 'year',
      cells: [],
      params: { year, firstYear: definition.firstYear, lastYear: currentYear },
    },
  ];
}

/** Citizenship and repatriation categories that are neither an alpha-3 code nor a special. */
export function checkCountryCodes(context: CheckContext): CheckFinding[] {
  return [...context.cells.entries()].flatMap(([cell, { key }]) =>
    isCountryDimension(key.dimension) && !isGlotipCountryCategory(key.category)
      ? [{ anchor: cell, cells: [key], params: { cell, category: key.category } }]
      : [],
  );
}
