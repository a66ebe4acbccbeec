import {
  cellKeyString,
  citizenshipSpecials,
  conflictLinkCategories,
  exploitationDetails,
  exploitationGroups,
  glotipAges,
  glotipDimensions,
  glotipSexes,
  type GlotipAge,
  type GlotipCellKey,
  type GlotipDimension,
  type GlotipSex,
} from '../../../shared/glotip-vocabulary.js';
import type { DerivationCaseFacts } from './case-facts.js';
import type { CountingPolicy } from './counting-policy.js';
import { exploitationDetailsOf, exploitationGroupsOf } from './exploitation-crosswalk.js';
import {
  ageOf,
  citizenshipCategoryOf,
  conflictCategoryOf,
  countingYearOf,
  isDetectedUnder,
  sexOf,
} from './victim-classification.js';

/** A derived cell: its value and the cases it counted (sorted ids, each once). */
export interface DerivedCell {
  readonly key: GlotipCellKey;
  readonly value: number;
  readonly caseIds: readonly string[];
}

/** What a derivation is for. */
export interface DerivationInput {
  readonly year: number;
  /** ISO3 of the reporting entity's country; null when it has none (no `nationals` row). */
  readonly reportingCountry: string | null;
  /** Count demo (synthetic) records too; off by default so demo data never leaks into a return. */
  readonly includeSynthetic?: boolean;
}

// Questionnaire order: each exploitation group followed by its details.
const exploitationOrder: readonly string[] = exploitationGroups.flatMap((group) => [
  group,
  ...Object.entries(exploitationDetails)
    .filter(([, owner]) => owner === group)
    .map(([detail]) => detail),
]);

function categoryRank(dimension: GlotipDimension, category: string): string {
  const padded = (index: number) => String(index).padStart(3, '0');
  switch (dimension) {
    case 'exploitation':
      return padded(exploitationOrder.indexOf(category));
    case 'citizenship':
    case 'repatriation': {
      // Nationals first, countries alphabetically, the other specials last.
      if (category === 'nationals') return '0';
      const special = (citizenshipSpecials as readonly string[]).indexOf(category);
      return special >= 0 ? `2${padded(special)}` : `1${category}`;
    }
    case 'conflict':
      return padded((conflictLinkCategories as readonly string[]).indexOf(category));
    case 'total':
      return '';
  }
}

function compareCells(a: GlotipCellKey, b: GlotipCellKey): number {
  const byDimension = glotipDimensions.indexOf(a.dimension) - glotipDimensions.indexOf(b.dimension);
  if (byDimension !== 0) return byDimension;
  const rankA = categoryRank(a.dimension, a.category);
  const rankB = categoryRank(b.dimension, b.category);
  if (rankA !== rankB) return rankA < rankB ? -1 : 1;
  const bySex = glotipSexes.indexOf(a.sex) - glotipSexes.indexOf(b.sex);
  return bySex !== 0 ? bySex : glotipAges.indexOf(a.age) - glotipAges.indexOf(b.age);
}

/**
 * Derives the `detected_victims` cells of a return from case facts under a counting policy.
 * Each counted case is placed in its sex × age cell and the margins (sex total, age total,
 * total/total) of: the total dimension; each exploitation detail and group it falls into (once
 * per group, see the crosswalk); its one citizenship category; its one conflict-link category.
 * The total dimension's 20 sex × age cells are always present (explicit zeros, so the draft is
 * complete); other cells appear only when they count someone. Cells come in questionnaire
 * order, and each lists the case ids it counted for drill-down. Input order does not matter.
 */
export function deriveReturnCells(
  facts: readonly DerivationCaseFacts[],
  policy: CountingPolicy,
  input: DerivationInput,
): DerivedCell[] {
  const cells = new Map<string, { key: GlotipCellKey; caseIds: string[] }>();
  const add = (key: GlotipCellKey, caseId: string) => {
    const id = cellKeyString(key);
    const cell = cells.get(id);
    if (cell === undefined) cells.set(id, { key, caseIds: [caseId] });
    else cell.caseIds.push(caseId);
  };
  for (const sex of glotipSexes) {
    for (const age of glotipAges) {
      const key: GlotipCellKey = {
        indicator: 'detected_victims',
        dimension: 'total',
        category: 'total',
        sex,
        age,
      };
      cells.set(cellKeyString(key), { key, caseIds: [] });
    }
  }

  const seen = new Set<string>();
  for (const item of facts) {
    // A case listed twice (a caller's merge) is still one victim.
    if (seen.has(item.caseId)) continue;
    seen.add(item.caseId);
    if (item.synthetic && input.includeSynthetic !== true) continue;
    if (!isDetectedUnder(item, policy)) continue;
    if (countingYearOf(item, policy) !== input.year) continue;

    const sexes: GlotipSex[] = [sexOf(item, policy), 'total'];
    const ages: GlotipAge[] = [ageOf(item, policy), 'total'];
    const details = exploitationDetailsOf(item);
    const places: [GlotipDimension, string][] = [
      ['total', 'total'],
      ...exploitationGroupsOf(details).map((group): [GlotipDimension, string] => [
        'exploitation',
        group,
      ]),
      ...details.map((detail): [GlotipDimension, string] => ['exploitation', detail]),
      ['citizenship', citizenshipCategoryOf(item, policy, input.reportingCountry)],
      ['conflict', conflictCategoryOf(item)],
    ];
    for (const [dimension, category] of places) {
      for (const sex of sexes) {
        for (const age of ages) {
          add({ indicator: 'detected_victims', dimension, category, sex, age }, item.caseId);
        }
      }
    }
  }

  return [...cells.values()]
    .map(({ key, caseIds }) => {
      const sorted = [...caseIds].sort();
      return { key, value: sorted.length, caseIds: sorted };
    })
    .sort((a, b) => compareCells(a.key, b.key));
}
