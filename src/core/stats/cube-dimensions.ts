import type { ExploitationType } from '../../shared/case-vocabulary.js';
import type { CrosstabDimension } from '../../shared/crosstab-schemas.js';
import {
  exploitationDetails,
  type ExploitationDetail,
  type ExploitationGroup,
} from '../../shared/glotip-vocabulary.js';

/**
 * The dimensions the cube stores besides the organisation, in the canonical order cuboid ids
 * and cell columns follow. Each holds a low-cardinality code derived from a case's analytic
 * columns; `''` means not recorded.
 */
export const cubeDimensions = [
  'year',
  'country',
  'citizenship',
  'sex',
  'age',
  'exploitation',
  'conflict',
  'crisis',
  'displacement',
  'status',
] as const;
export type CubeDimension = (typeof cubeDimensions)[number];

/** The code of a fact that was not recorded. */
export const notRecorded = '';

/** The analytic facts of one case that the cube counts, as the case row stores them. */
export interface CaseCubeFacts {
  organisationId: string;
  registrationYear: number;
  countryOfExploitation: string | null;
  primaryCitizenship: string | null;
  gender: string;
  majorityStatus: string | null;
  ageBand: string | null;
  exploitationTypes: readonly string[] | null;
  conflictRelated: string;
  crisisId: string | null;
  displacementStatus: string | null;
  traffickingStatus: string | null;
}

/**
 * HTCDS forms of exploitation (plus Vigil's extensions) as GLOTIP's detailed forms, after
 * REFERENCE 8.1. Child labour is counted as forced labour (it is trafficking when recorded on a
 * victim's case); surrogacy and HTCDS's `Other` have no GLOTIP category of their own.
 */
export const exploitationCrosswalk: Record<ExploitationType, ExploitationDetail> = {
  SexualExploitation: 'sexual_exploitation',
  'vigil:SexualSlavery': 'sexual_slavery',
  ForcedLabour: 'forced_labour',
  ChildLabour: 'forced_labour',
  ForcedMarriage: 'forced_marriage',
  Servitude: 'servitude',
  ForcedMilitaryByNonStateActors: 'armed_combat',
  'vigil:ArmedCombat': 'armed_combat',
  OrganRemoval: 'organ_removal',
  ForcedBegging: 'begging',
  ForcedAdoption: 'illegal_adoption',
  Surrogacy: 'other_exploitation',
  Other: 'other_exploitation',
  'vigil:ForcedCriminality': 'forced_criminality',
};

const groupOrder: readonly ExploitationGroup[] = ['sexual', 'labour', 'other'];

/**
 * The stored exploitation code: the set of groups the case's forms fall into (`labour`,
 * `sexual+labour`, …). The set, not a single group, is stored so that another counting rule
 * (once per group) stays possible without rebuilding.
 */
export function exploitationGroupsCode(types: readonly string[] | null): string {
  if (types === null) return notRecorded;
  const groups = new Set<ExploitationGroup>();
  for (const type of types) {
    const detail = exploitationCrosswalk[type as ExploitationType] as
      ExploitationDetail | undefined;
    groups.add(detail === undefined ? 'other' : exploitationDetails[detail]);
  }
  return groupOrder.filter((group) => groups.has(group)).join('+');
}

/**
 * The one group a case is counted in: its only group, or `other` when its forms span several
 * groups. GLOTIP counts mixed sexual exploitation and forced labour as "other" so that no victim
 * is counted twice in the open-data buckets; any other mixture follows the same rule.
 */
export function exploitationGroupOf(code: string): ExploitationGroup | null {
  if (code === notRecorded) return null;
  return code.includes('+') ? 'other' : (code as ExploitationGroup);
}

/**
 * The stored age code: majority status and CTDC band together (`Minor/9-17`), so that both
 * views roll up exactly even when an imported record's two facts disagree.
 */
export function ageCode(majority: string | null, band: string | null): string {
  if (majority === null && band === null) return notRecorded;
  return `${majority ?? ''}/${band ?? ''}`;
}

const part = (code: string, index: 0 | 1): string | null => {
  const value = code.split('/')[index] ?? '';
  return value === '' ? null : value;
};

const orNull = (code: string): string | null => (code === notRecorded ? null : code);

/** The stored codes of a case, in {@link cubeDimensions} order. */
export function cubeCodesOf(facts: CaseCubeFacts): string[] {
  return [
    String(facts.registrationYear),
    facts.countryOfExploitation ?? notRecorded,
    facts.primaryCitizenship ?? notRecorded,
    facts.gender,
    ageCode(facts.majorityStatus, facts.ageBand),
    exploitationGroupsCode(facts.exploitationTypes),
    facts.conflictRelated,
    facts.crisisId ?? notRecorded,
    facts.displacementStatus ?? notRecorded,
    facts.traffickingStatus ?? notRecorded,
  ];
}

/** How a cross-tab dimension reads the cube: which stored dimension, and its category. */
export interface DimensionReading {
  stored: CubeDimension | 'organisation';
  category: (code: string) => string | null;
}

/** The reading of every cross-tab dimension. */
export const dimensionReadings: Record<CrosstabDimension, DimensionReading> = {
  organisation: { stored: 'organisation', category: (code) => code },
  year: { stored: 'year', category: orNull },
  country: { stored: 'country', category: orNull },
  citizenship: { stored: 'citizenship', category: orNull },
  sex: { stored: 'sex', category: orNull },
  majority: { stored: 'age', category: (code) => part(code, 0) },
  ageBand: { stored: 'age', category: (code) => part(code, 1) },
  exploitation: { stored: 'exploitation', category: exploitationGroupOf },
  conflict: { stored: 'conflict', category: orNull },
  crisis: { stored: 'crisis', category: orNull },
  displacement: { stored: 'displacement', category: orNull },
  status: { stored: 'status', category: orNull },
};

/**
 * Rough number of distinct codes per stored dimension, used only to pick the smallest cuboid
 * that answers a query (a wrong guess costs speed, never correctness).
 */
export const cardinalityGuess: Record<CubeDimension, number> = {
  year: 15,
  country: 40,
  citizenship: 60,
  sex: 6,
  age: 14,
  exploitation: 8,
  conflict: 3,
  crisis: 6,
  displacement: 8,
  status: 4,
};
