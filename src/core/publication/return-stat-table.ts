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
 * relation is complete; they are never published.
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
    const isGroup = (category: string): boolean =>
      (exploitationGroups as readonly string[]).includes(category);
    const topLevel = dimension === 'exploitation' ? all.filter(isGroup) : all;
    for (const corner of [...corners].sort()) {
      const [sex, age] = corner.split('|') as [GlotipSex, GlotipAge];
      const at = (category: string): string => ensure({ indicator, dimension, category, sex, age });
      if (topLevel.length > 0) {
        const total = ensure({ indicator, dimension: 'total', category: 'total', sex, age });
        relations.push({ total, parts: topLevel.map(at) });
      }
      if (dimension !== 'exploitation') continue;
      for (const groupCode of exploitationGroups) {
        const details = all.filter(
          (category) => (exploitationDetails as Record<string, string>)[category] === groupCode,
        );
        if (details.length > 0 && topLevel.includes(groupCode)) {
          relations.push({ total: at(groupCode), parts: details.map(at) });
        }
      }
    }
  }
  return relations;
}
