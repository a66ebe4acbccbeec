import {
  cellKeyString,
  exploitationDetails,
  exploitationGroups,
  type GlotipAge,
  type GlotipCellKey,
  type GlotipCellValue,
  type GlotipSex,
} from '../../shared/glotip-vocabulary.js';
import { tableFromRelations, type KeyedRelation, type StatTable } from '../disclosure/index.js';

/** One cell of a return as the publication path reads it. */
export interface ReturnCell {
  readonly key: GlotipCellKey;
  readonly value: GlotipCellValue;
}

const sexParts: readonly GlotipSex[] = ['female', 'male', 'other', 'unknown'];
const ageParts: readonly GlotipAge[] = ['minor', 'adult', 'unknown'];
const notReported: GlotipCellValue = { kind: 'not_available' };

/**
 * A return's cells as a statistical table with every additive relation a reader may assume:
 * the sex × age grid with its margins inside each (indicator, dimension, category), and across
 * the categories of a breakdown, their sum against the indicator's total. Breakdowns are treated
 * as partitions even where a victim may fall in several categories (forms of exploitation): a
 * relation that does not quite hold only makes suppression more cautious, while a relation a
 * reader uses and we left out would let a hidden cell be recomputed.
 *
 * Cells the return does not report are added as unknowns (`not_available`) so that every
 * relation is complete; they are never published. A reader may also take a blank for zero
 * (see `blankAsZeroRelations`), so those readings are relations of the table too.
 */
export function returnStatTable(cells: readonly ReturnCell[]): StatTable {
  const byKey = new Map<string, ReturnCell>();
  for (const cell of cells) byKey.set(cellKeyString(cell.key), cell);
  const groups = new Map<string, Omit<GlotipCellKey, 'sex' | 'age'>>();
  for (const { key } of cells) {
    groups.set(`${key.indicator}|${key.dimension}|${key.category}`, {
      indicator: key.indicator,
      dimension: key.dimension,
      category: key.category,
    });
  }
  const ensure = (key: GlotipCellKey): string => {
    const text = cellKeyString(key);
    if (!byKey.has(text)) byKey.set(text, { key, value: notReported });
    return text;
  };
  const relations: KeyedRelation[] = [];
  for (const group of groups.values()) relations.push(...gridRelations(group, ensure));
  relations.push(...breakdownRelations(cells, ensure));
  relations.push(...blankAsZeroRelations(relations, (key) => byKey.get(key)?.value ?? notReported));
  const tableCells = [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, cell]) => ({ key, value: cell.value }));
  return tableFromRelations(tableCells, relations);
}

/** The sex × age grid of one (indicator, dimension, category): rows, columns and the corner. */
function gridRelations(
  group: Omit<GlotipCellKey, 'sex' | 'age'>,
  ensure: (key: GlotipCellKey) => string,
): KeyedRelation[] {
  const at = (sex: GlotipSex, age: GlotipAge): string => ensure({ ...group, sex, age });
  const relations: KeyedRelation[] = [];
  for (const age of ['total', ...ageParts] as const) {
    relations.push({ total: at('total', age), parts: sexParts.map((sex) => at(sex, age)) });
  }
  for (const sex of sexParts) {
    relations.push({ total: at(sex, 'total'), parts: ageParts.map((age) => at(sex, age)) });
  }
  relations.push({ total: at('total', 'total'), parts: ageParts.map((age) => at('total', age)) });
  return relations;
}

/**
 * Per indicator and breakdown: the categories against the indicator's total at every sex and
 * age the breakdown reports, and the detailed forms of exploitation against their group.
 */
function breakdownRelations(
  cells: readonly ReturnCell[],
  ensure: (key: GlotipCellKey) => string,
): KeyedRelation[] {
  const breakdowns = new Map<string, { categories: Set<string>; corners: Set<string> }>();
  for (const { key } of cells) {
    if (key.dimension === 'total') continue;
    const id = `${key.indicator}|${key.dimension}`;
    const entry = breakdowns.get(id) ?? { categories: new Set(), corners: new Set() };
    entry.categories.add(key.category);
    entry.corners.add(`${key.sex}|${key.age}`);
    breakdowns.set(id, entry);
  }
  const relations: KeyedRelation[] = [];
  for (const [id, { categories, corners }] of breakdowns) {
    const [indicator, dimension] = id.split('|') as [
      GlotipCellKey['indicator'],
      GlotipCellKey['dimension'],
    ];
    const all = [...categories].sort();
    const groupOf = (category: string): string | undefined =>
      (exploitationDetails as Record<string, string>)[category];
    // A group counts at the top level when the return reports it or any of its detailed forms:
    // a reader sums the details of an unreported group as its figure (the dashboard does), so
    // details alone, or one group beside another group's details, still add up to the total.
    const topLevel =
      dimension === 'exploitation'
        ? exploitationGroups.filter(
            (group) => all.includes(group) || all.some((category) => groupOf(category) === group),
          )
        : all;
    for (const corner of [...corners].sort()) {
      const [sex, age] = corner.split('|') as [GlotipSex, GlotipAge];
      const at = (category: string): string => ensure({ indicator, dimension, category, sex, age });
      if (topLevel.length > 0) {
        const total = ensure({ indicator, dimension: 'total', category: 'total', sex, age });
        relations.push({ total, parts: topLevel.map(at) });
      }
      if (dimension !== 'exploitation') continue;
      for (const groupCode of exploitationGroups) {
        const details = all.filter((category) => groupOf(category) === groupCode);
        if (details.length > 0) {
          relations.push({ total: at(groupCode), parts: details.map(at) });
        }
      }
    }
  }
  return relations;
}

/**
 * What a reader concludes by taking the blanks of a line for zeros. When a line's total and
 * some of its parts are reported but other parts are not (or are "not available"), the natural
 * reading is that the blanks are zeros, i.e. total = the reported parts. With the blanks kept
 * as unknowns only, the exact audit would miss it: female = 13 − 10 would stay "unknown" while
 * `other` and `unknown` were left blank. Each such reading is added as a relation of its own
 * (beside the full one), so suppression protects hidden cells against it too.
 *
 * Only readings the figures allow are added: where the reported parts cannot add up to the
 * total, the blanks are not zeros, and whatever a reader derives from that reading is wrong
 * (so it discloses nothing). Readings that hold are true relations, and a system of true
 * relations can only pin a hidden cell to its true value, which suppression then protects.
 * Not-applicable parts are structural zeros and stay in.
 */
function blankAsZeroRelations(
  relations: readonly KeyedRelation[],
  valueOf: (key: string) => GlotipCellValue,
): KeyedRelation[] {
  const isBlank = (key: string): boolean => valueOf(key).kind === 'not_available';
  const readings: KeyedRelation[] = [];
  for (const relation of relations) {
    const total = rangeOf(valueOf(relation.total));
    if (total === null) continue;
    const parts = relation.parts.filter((part) => !isBlank(part));
    if (parts.length === relation.parts.length) continue;
    if (!parts.some((part) => valueOf(part).kind !== 'not_applicable')) continue;
    let lower = 0;
    let upper = 0;
    for (const part of parts) {
      const range = rangeOf(valueOf(part)) ?? { lower: 0, upper: 0 };
      lower += range.lower;
      upper += range.upper;
    }
    if (lower <= total.upper && total.lower <= upper)
      readings.push({ total: relation.total, parts });
  }
  return readings;
}

/** The values a reported cell may hold (a censored one its interval); null for a blank. */
function rangeOf(value: GlotipCellValue): { lower: number; upper: number } | null {
  switch (value.kind) {
    case 'count':
      return { lower: value.value, upper: value.value };
    case 'censored':
      return { lower: value.lower, upper: value.upper };
    case 'not_applicable':
      return { lower: 0, upper: 0 };
    case 'not_available':
      return null;
  }
}
