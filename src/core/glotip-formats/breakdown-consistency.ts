import {
  cellKeyString,
  exploitationDetails,
  exploitationGroups,
  type GlotipAge,
  type GlotipCellKey,
  type GlotipCellValue,
  type GlotipIndicator,
  type GlotipSex,
} from '../../shared/glotip-vocabulary.js';

/** A closed interval of whole numbers: a count is [n, n], dataUNODC's `<5` is [0, 4]. */
export interface CountInterval {
  readonly lower: number;
  readonly upper: number;
}

/** Which breakdown of a whole failed to add up. */
export type BreakdownKind =
  | 'sex'
  | 'age'
  | 'exploitation'
  | 'exploitation_detail'
  | 'citizenship'
  | 'repatriation'
  | 'conflict';

/**
 * Parts that cannot add up to their whole, even allowing every censored cell its whole interval:
 * `parts_exceed_whole` when the smallest possible sum of the parts is above the largest possible
 * whole; `parts_below_whole` when every category of an exhaustive breakdown (sex, age, conflict
 * link) is present and their largest possible sum is below the smallest possible whole.
 */
export interface BreakdownInconsistency {
  readonly iso3: string;
  readonly year: number;
  readonly indicator: GlotipIndicator;
  readonly breakdown: BreakdownKind;
  readonly problem: 'parts_exceed_whole' | 'parts_below_whole';
  readonly whole: GlotipCellKey;
  readonly wholeValue: CountInterval;
  readonly parts: readonly GlotipCellKey[];
  readonly partsSum: CountInterval;
  /** File lines of the whole and the parts, when the cells came from a file. */
  readonly lines: readonly number[];
}

/** A cell to check: its key, value and (optionally) the file line it came from. */
export interface CheckedCell {
  readonly key: GlotipCellKey;
  readonly value: GlotipCellValue;
  readonly line?: number;
}

function intervalOf(value: GlotipCellValue): CountInterval | null {
  if (value.kind === 'count') return { lower: value.value, upper: value.value };
  if (value.kind === 'censored') return { lower: value.lower, upper: value.upper };
  return null;
}

interface Known {
  readonly key: GlotipCellKey;
  readonly interval: CountInterval;
  readonly line: number | undefined;
}

const ageParts: readonly GlotipAge[] = ['minor', 'adult', 'unknown'];
const sexParts: readonly GlotipSex[] = ['female', 'male', 'other', 'unknown'];
const conflictParts = ['yes', 'no', 'unknown'];
const detailsOfGroup = new Map<string, string[]>(
  exploitationGroups.map((group) => [
    group,
    Object.entries(exploitationDetails)
      .filter(([, of]) => of === group)
      .map(([detail]) => detail),
  ]),
);

/**
 * Flags every breakdown of one return (a country and year) whose parts cannot add up to the
 * whole: sex and age parts against their totals within each category, the categories of each
 * dimension against the return's total, detailed forms of exploitation against their group.
 * Nothing is corrected: dataUNODC publishes such figures (some "Other forms of exploitation"
 * totals are below the sum of their age breakdown), and which side is wrong is for a person to say.
 */
export function findBreakdownInconsistencies(
  iso3: string,
  year: number,
  cells: readonly CheckedCell[],
): BreakdownInconsistency[] {
  const known = new Map<string, Known>();
  for (const cell of cells) {
    const interval = intervalOf(cell.value);
    if (interval !== null)
      known.set(cellKeyString(cell.key), { key: cell.key, interval, line: cell.line });
  }
  const found: BreakdownInconsistency[] = [];
  // Cells are addressed by their key string; part keys are only built as strings, since most
  // parts a breakdown could have are absent.
  const check = (
    breakdown: BreakdownKind,
    whole: Known,
    partIds: readonly string[],
    exhaustive: boolean,
  ) => {
    const parts: Known[] = [];
    for (const id of partIds) {
      const part = known.get(id);
      if (part !== undefined) parts.push(part);
    }
    if (parts.length === 0) return;
    let lower = 0;
    let upper = 0;
    for (const part of parts) {
      lower += part.interval.lower;
      upper += part.interval.upper;
    }
    const problem =
      lower > whole.interval.upper
        ? 'parts_exceed_whole'
        : exhaustive && parts.length === partIds.length && upper < whole.interval.lower
          ? 'parts_below_whole'
          : null;
    if (problem === null) return;
    found.push({
      iso3,
      year,
      indicator: whole.key.indicator,
      breakdown,
      problem,
      whole: whole.key,
      wholeValue: whole.interval,
      parts: parts.map((part) => part.key),
      partsSum: { lower, upper },
      lines: [whole, ...parts].flatMap((cell) => (cell.line === undefined ? [] : [cell.line])),
    });
  };
  const id = (
    key: GlotipCellKey,
    category: string,
    sex: string,
    age: string,
    dimension: string = key.dimension,
  ) => `${key.indicator}|${dimension}|${category}|${sex}|${age}`;

  const byDimension = new Map<string, string[]>();
  for (const [cellId, { key }] of known) {
    const slot = `${key.indicator}|${key.dimension}|${key.sex}|${key.age}`;
    const ids = byDimension.get(slot);
    if (ids === undefined) byDimension.set(slot, [cellId]);
    else ids.push(cellId);
  }
  for (const whole of known.values()) {
    const { key } = whole;
    // Sex parts of a whole of any age, age parts of a whole of any sex, in every category.
    if (key.sex === 'total') {
      check(
        'sex',
        whole,
        sexParts.map((sex) => id(key, key.category, sex, key.age)),
        true,
      );
    }
    if (key.age === 'total') {
      check(
        'age',
        whole,
        ageParts.map((age) => id(key, key.category, key.sex, age)),
        true,
      );
    }
    // Categories of each dimension against the total, details against their group.
    if (key.dimension === 'total') {
      const slot = (dimension: string) =>
        byDimension.get(`${key.indicator}|${dimension}|${key.sex}|${key.age}`) ?? [];
      const inDimension = (dimension: string, categories: readonly string[]) =>
        categories.map((category) => id(key, category, key.sex, key.age, dimension));
      check('exploitation', whole, inDimension('exploitation', exploitationGroups), false);
      check('citizenship', whole, slot('citizenship'), false);
      check('repatriation', whole, slot('repatriation'), false);
      check('conflict', whole, inDimension('conflict', conflictParts), true);
    }
    const details = key.dimension === 'exploitation' ? detailsOfGroup.get(key.category) : undefined;
    if (details !== undefined) {
      check(
        'exploitation_detail',
        whole,
        details.map((detail) => id(key, detail, key.sex, key.age)),
        false,
      );
    }
  }
  return found;
}
