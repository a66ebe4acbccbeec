import {
  cellKeyString,
  conflictLinkCategories,
  exploitationDetails,
  exploitationGroups,
  type GlotipCellKey,
  type GlotipIndicator,
} from '../../shared/glotip-vocabulary.js';
import {
  formatInterval,
  intervalMayBeAtLeast,
  intervalOf,
  intervalsMayBeEqual,
  sumIntervals,
  type Interval,
} from './cell-interval.js';
import type { IndicatorDefinition } from './data-set-definition.js';
import {
  isWellFormedValue,
  lookupCell,
  type CheckContext,
  type CheckFinding,
} from './return-cells.js';
import type { PartsDimension, PartsRelation } from './validation-rules.js';

// Parts-versus-total checks in interval arithmetic. The semantics, shared by every such rule:
// - a check runs only when its total holds a figure and at least one part is reported, so a
//   return that gives no breakdown is not asked to add one up;
// - a part the return leaves out counts as 0, as a blank does in the questionnaire (write
//   "not available" when the figure is unknown), and a not-applicable part is 0 too;
// - a total or part that is not available, or malformed, skips the check (never fails it);
// - the check fails only when no choice of the counts hidden in censored values satisfies it.

interface PartsCheck {
  readonly anchor: string;
  readonly total: GlotipCellKey;
  readonly parts: readonly GlotipCellKey[];
  readonly relation: PartsRelation;
  readonly extraParams?: Readonly<Record<string, string | number>>;
}

/** The interval of a reported cell; `undefined` skips the check, `null` means absent. */
function operand(context: CheckContext, key: GlotipCellKey): Interval | null | undefined {
  const value = lookupCell(context, key);
  if (value === undefined) return null;
  if (value.kind === 'not_available' || !isWellFormedValue(value)) return undefined;
  return intervalOf(value) ?? { lower: 0, upper: 0 };
}

function evaluate(context: CheckContext, check: PartsCheck): CheckFinding | null {
  const totalValue = lookupCell(context, check.total);
  if (totalValue === undefined || !isWellFormedValue(totalValue)) return null;
  const total = intervalOf(totalValue);
  if (total === null) return null;
  const reported: GlotipCellKey[] = [];
  const intervals: Interval[] = [];
  for (const part of check.parts) {
    const interval = operand(context, part);
    if (interval === undefined) return null;
    if (interval === null) continue;
    reported.push(part);
    intervals.push(interval);
  }
  if (reported.length === 0) return null;
  const sum = sumIntervals(intervals);
  const holds =
    check.relation === 'equal' ? intervalsMayBeEqual(sum, total) : intervalMayBeAtLeast(total, sum);
  if (holds) return null;
  return {
    anchor: check.anchor,
    cells: [check.total, ...reported],
    params: {
      cell: cellKeyString(check.total),
      parts: formatInterval(sum),
      total: formatInterval(total),
      ...check.extraParams,
    },
  };
}

function findings(context: CheckContext, checks: readonly PartsCheck[]): CheckFinding[] {
  return checks.flatMap((check) => evaluate(context, check) ?? []);
}

const isExploitationGroup = (category: string) =>
  (exploitationGroups as readonly string[]).includes(category);

const withoutTotal = <T extends string>(values: readonly T[]) =>
  values.filter((value) => value !== 'total');

/** The (indicator, dimension, category) tables the return has cells in, with their definition. */
function reportedTables(context: CheckContext) {
  const tables = new Map<string, { definition: IndicatorDefinition; key: GlotipCellKey }>();
  for (const { key } of context.cells.values()) {
    const definition = context.definition.indicators.find(
      (item) => item.indicator === key.indicator,
    );
    if (definition === undefined) continue;
    tables.set(`${key.indicator}|${key.dimension}|${key.category}`, { definition, key });
  }
  return [...tables.values()];
}

/**
 * Sex × age margins of every reported row: across sexes at each age (including the age total)
 * the parts make the row's total-sex cell; across ages for each sex (including the sex total) the
 * parts make that sex's total-age cell. Women, men, girls and boys are the cross cells.
 */
export function checkSexAgeParts(context: CheckContext): CheckFinding[] {
  const checks = reportedTables(context).flatMap(({ definition, key }) => {
    const sexes = withoutTotal(definition.sexes);
    const ages = withoutTotal(definition.ages);
    const at = (sex: GlotipCellKey['sex'], age: GlotipCellKey['age']): GlotipCellKey => ({
      ...key,
      sex,
      age,
    });
    const bySex = definition.ages.map((age): PartsCheck => {
      const total = at('total', age);
      const anchor = `${cellKeyString(total)}#sex`;
      const parts = sexes.map((sex) => at(sex, age));
      return { anchor, total, parts, relation: 'equal', extraParams: { axis: 'sex' } };
    });
    const byAge = definition.sexes.map((sex): PartsCheck => {
      const total = at(sex, 'total');
      const anchor = `${cellKeyString(total)}#age`;
      const parts = ages.map((age) => at(sex, age));
      return { anchor, total, parts, relation: 'equal', extraParams: { axis: 'age' } };
    });
    return [...bySex, ...byAge];
  });
  return findings(context, checks);
}

/** The categories whose sum is compared with the total, per dimension. */
function partCategories(
  context: CheckContext,
  indicator: GlotipIndicator,
  dimension: PartsDimension,
): string[] {
  switch (dimension) {
    case 'exploitation':
      // Groups only: detailed forms are parts of their group, checked by their own rule.
      return [...exploitationGroups];
    case 'conflict':
      return [...conflictLinkCategories];
    case 'citizenship':
    case 'repatriation': {
      // Open-ended: the countries the return lists (any it does not list have no one).
      const listed = [...context.cells.values()]
        .filter(({ key }) => key.indicator === indicator && key.dimension === dimension)
        .map(({ key }) => key.category);
      return [...new Set(listed)];
    }
  }
}

/** A dimension's categories against the total dimension, at every sex × age of the indicator. */
export function checkCategoryParts(
  context: CheckContext,
  dimension: PartsDimension,
  relation: PartsRelation,
): CheckFinding[] {
  const checks = context.definition.indicators
    .filter((definition) => definition.dimensions.includes(dimension))
    .flatMap((definition) => {
      const categories = partCategories(context, definition.indicator, dimension);
      return definition.sexes.flatMap((sex) =>
        definition.ages.map((age): PartsCheck => {
          const cell = { indicator: definition.indicator, sex, age };
          const total: GlotipCellKey = { ...cell, dimension: 'total', category: 'total' };
          const parts = categories.map((category) => ({ ...cell, dimension, category }));
          return { anchor: `${cellKeyString(total)}#${dimension}`, total, parts, relation };
        }),
      );
    });
  return findings(context, checks);
}

/** Detailed forms of exploitation against the figure of the group they roll up to. */
export function checkExploitationDetails(context: CheckContext): CheckFinding[] {
  const details = Object.entries(exploitationDetails);
  const checks = reportedTables(context)
    .filter(({ key }) => key.dimension === 'exploitation' && isExploitationGroup(key.category))
    .flatMap(({ definition, key }) =>
      definition.sexes.flatMap((sex) =>
        definition.ages.map((age): PartsCheck => {
          const total = { ...key, sex, age };
          const parts = details
            .filter(([, group]) => group === key.category)
            .map(([category]) => ({ ...total, category }));
          return { anchor: cellKeyString(total), total, parts, relation: 'equal' };
        }),
      ),
    );
  return findings(context, checks);
}

/** One indicator's grand total must be able to reach another's (e.g. prosecuted ≥ convicted). */
export function checkIndicatorOrder(
  context: CheckContext,
  greater: GlotipIndicator,
  lesser: GlotipIndicator,
): CheckFinding[] {
  const grand = (indicator: GlotipIndicator): GlotipCellKey => ({
    indicator,
    dimension: 'total',
    category: 'total',
    sex: 'total',
    age: 'total',
  });
  const greaterValue = operand(context, grand(greater));
  const lesserValue = operand(context, grand(lesser));
  // Absent, not available and not applicable all mean "not both reported".
  const present = (value: Interval | null | undefined): value is Interval =>
    value !== null && value !== undefined;
  const bothReported =
    present(greaterValue) &&
    present(lesserValue) &&
    lookupCell(context, grand(greater))?.kind !== 'not_applicable' &&
    lookupCell(context, grand(lesser))?.kind !== 'not_applicable';
  if (!bothReported || intervalMayBeAtLeast(greaterValue, lesserValue)) return [];
  return [
    {
      anchor: cellKeyString(grand(lesser)),
      cells: [grand(greater), grand(lesser)],
      params: {
        greaterValue: formatInterval(greaterValue),
        lesserValue: formatInterval(lesserValue),
      },
    },
  ];
}
