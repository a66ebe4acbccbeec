import type {
  AgeBand,
  ControlMethod,
  ExploitationType,
  Gender,
  LabourSector,
  MajorityStatus,
  RecruiterRelation,
  SexExploitationType,
} from '../../shared/case-vocabulary.js';
import type { CaseRecord } from '../../shared/case-schemas.js';
import { isMissing, labelKey, type RowReader } from './cell-values.js';

// Code tables shared by CTDC's global and synthetic layouts (REFERENCE 2.2–2.4, 1.7, 2.8).

/** A CTDC flag: its column suffix, the canonical code, its concatenated-label spellings. */
export interface CtdcFlag<C extends string> {
  readonly suffix: string;
  readonly code: C;
  /** The first label is written on export; all are accepted on import. */
  readonly labels: readonly string[];
}

/** `meansOfControl*`: one flag per HTCDS method (Field Definitions.md names them alike). */
export const controlFlags: readonly CtdcFlag<ControlMethod>[] = [
  { suffix: 'DebtBondage', code: 'DebtBondage', labels: ['Debt bondage'] },
  {
    suffix: 'TakesEarnings',
    code: 'TakesEarnings',
    labels: ['Takes earnings', 'Takes/Withholds Earnings'],
  },
  {
    suffix: 'RestrictsFinancialAccess',
    code: 'RestrictsFinancialAccess',
    labels: ['Restricts financial access', 'Restricts access to finances'],
  },
  {
    suffix: 'Threats',
    code: 'PhysicalThreats',
    labels: ['Threats', 'Threats to individual or others'],
  },
  { suffix: 'PsychologicalAbuse', code: 'PsychologicalAbuse', labels: ['Psychological abuse'] },
  { suffix: 'PhysicalAbuse', code: 'PhysicalAbuse', labels: ['Physical abuse'] },
  { suffix: 'SexualAbuse', code: 'SexualAbuse', labels: ['Sexual abuse'] },
  {
    suffix: 'FalsePromises',
    code: 'FalsePromises',
    labels: ['False promises', 'False promises/deception'],
  },
  {
    suffix: 'PsychoactiveSubstances',
    code: 'PsychoactiveSubstance',
    labels: ['Psychoactive substances', 'Use of psychoactive substances'],
  },
  {
    suffix: 'RestrictsMovement',
    code: 'vigil:RestrictsMovement',
    labels: ['Restricts movement', 'Denied freedom of movement/kept in isolation'],
  },
  {
    suffix: 'RestrictsMedicalCare',
    code: 'RestrictsMedicalCare',
    labels: ['Restricts medical care', 'Limits/restricts medical services'],
  },
  {
    suffix: 'ExcessiveWorkingHours',
    code: 'ExcessiveWorkingHours',
    labels: ['Excessive working hours'],
  },
  // HTCDS's nearest code; CTDC's "uses children" means restricting access to or manipulating them.
  {
    suffix: 'UsesChildren',
    code: 'ThreatensChildrenFamily',
    labels: ['Uses children', 'Restricts access to/manipulates children'],
  },
  {
    suffix: 'ThreatOfLawEnforcement',
    code: 'ThreatsLawEnforcement',
    labels: ['Threat of law enforcement', 'Threat of action by law enforcement'],
  },
  {
    suffix: 'WithholdsNecessities',
    code: 'WithholdsNecessities',
    labels: ['Withholds necessities', 'Withholds/denies basic necessities'],
  },
  {
    suffix: 'WithholdsDocuments',
    code: 'WithholdsDocuments',
    labels: ['Withholds documents', 'Withholds/Destroys Important Documents'],
  },
  { suffix: 'Other', code: 'Other', labels: ['Other'] },
  { suffix: 'NotSpecified', code: 'vigil:NotSpecified', labels: ['Not specified'] },
];

/**
 * `is*` purposes. `isSexAndLabour` is not here: it is derived from forced labour and sexual
 * exploitation both being present.
 */
export const exploitFlags: readonly CtdcFlag<ExploitationType>[] = [
  {
    suffix: 'ForcedLabour',
    code: 'ForcedLabour',
    labels: ['Forced labour', 'Forced labour and/or services'],
  },
  { suffix: 'SexualExploit', code: 'SexualExploitation', labels: ['Sexual exploitation'] },
  { suffix: 'OtherExploit', code: 'Other', labels: ['Other', 'Other exploit'] },
  { suffix: 'ForcedMarriage', code: 'ForcedMarriage', labels: ['Forced marriage'] },
  // A semantic narrowing (REFERENCE 2.8): CTDC does not say who forced the person to fight.
  {
    suffix: 'ForcedMilitary',
    code: 'ForcedMilitaryByNonStateActors',
    labels: ['Forced military'],
  },
  { suffix: 'OrganRemoval', code: 'OrganRemoval', labels: ['Organ removal'] },
  // Approximate: HTCDS's servitude is the nearest of its codes to "slavery and practices".
  {
    suffix: 'SlaveryAndPractices',
    code: 'Servitude',
    labels: ['Slavery and similar practices', 'Slavery and practices'],
  },
];

/** Label of the derived "both" purpose, accepted in concatenated cells. */
export const sexAndLabourLabel = 'sex and labour';

/**
 * `typeOfLabour*` sectors. Begging and illicit activities also name a form of exploitation
 * (`ForcedBegging`, `vigil:ForcedCriminality`, see {@link labourExploitation}).
 */
export const labourFlags: readonly CtdcFlag<LabourSector>[] = [
  {
    suffix: 'Agriculture',
    code: 'A_AgricultureForestryAndFishing',
    labels: ['Agriculture/Farms/Animal Husbandry', 'Agriculture'],
  },
  {
    suffix: 'Aquafarming',
    code: 'vigil:Aquafarming',
    labels: ['Aquafarming/Fishing', 'Aquafarming'],
  },
  { suffix: 'Begging', code: 'vigil:Begging', labels: ['Begging'] },
  { suffix: 'Construction', code: 'F_Construction', labels: ['Construction'] },
  {
    suffix: 'DomesticWork',
    code: 'T_ActivitiesOfHouseholdsAsEmployers',
    labels: ['Domestic Work'],
  },
  {
    suffix: 'Hospitality',
    code: 'I_AccommodationAndFoodServiceActivities',
    labels: ['Hospitality/Restaurant/Food Service/Hotel', 'Hospitality'],
  },
  { suffix: 'IllicitActivities', code: 'vigil:IllicitActivities', labels: ['Illicit Activities'] },
  {
    suffix: 'Manufacturing',
    code: 'C_Manufacturing',
    labels: ['Manufacturing/Factory work', 'Manufacturing'],
  },
  {
    suffix: 'MiningOrDrilling',
    code: 'B_MiningAndQuarrying',
    labels: ['Mining, Quarrying, Oil/Gas Extraction', 'Mining or drilling'],
  },
  {
    suffix: 'Peddling',
    code: 'vigil:Peddling',
    labels: ['Peddling/informal street commerce', 'Peddling'],
  },
  { suffix: 'Transportation', code: 'H_TransportationAndStorage', labels: ['Transportation'] },
  { suffix: 'Other', code: 'vigil:OtherSector', labels: ['Other'] },
  { suffix: 'NotSpecified', code: 'vigil:SectorNotSpecified', labels: ['Not Specified'] },
];

/** Labour sectors that are also a form of exploitation of their own. */
export const labourExploitation: readonly (readonly [LabourSector, ExploitationType])[] = [
  ['vigil:Begging', 'ForcedBegging'],
  ['vigil:IllicitActivities', 'vigil:ForcedCriminality'],
];

/** `typeOfSex*`, 1:1 with HTCDS. */
export const sexFlags: readonly CtdcFlag<SexExploitationType>[] = [
  { suffix: 'Prostitution', code: 'Prostitution', labels: ['Prostitution'] },
  { suffix: 'Pornography', code: 'Pornography', labels: ['Pornography'] },
  {
    suffix: 'RemoteInteractiveServices',
    code: 'RemoteInteractiveServices',
    labels: ['Remote interactive services'],
  },
  {
    suffix: 'PrivateSexualServices',
    code: 'PrivateSexualServices',
    labels: ['Private sexual services'],
  },
];

/** `recruiterRelation*`; `RecruiterRelationship` holds the labels joined by `"; "`. */
export const recruiterFlags: readonly CtdcFlag<RecruiterRelation>[] = [
  { suffix: 'IntimatePartner', code: 'IntimatePartner', labels: ['Intimate Partner'] },
  { suffix: 'Friend', code: 'Friend', labels: ['Friend/Acquaintance', 'Friend'] },
  { suffix: 'Family', code: 'Family', labels: ['Family/Relative', 'Family'] },
  { suffix: 'Other', code: 'Other', labels: ['Other'] },
  // "Unknown" alone in the cell is CTDC's missing marker, not this label.
  { suffix: 'Unknown', code: 'Unknown', labels: ['Not Specified'] },
];

/** Label → codes, for reading concatenated cells. */
export function labelIndex<C extends string>(
  flags: readonly CtdcFlag<C>[],
): ReadonlyMap<string, C> {
  const index = new Map<string, C>();
  for (const flag of flags) for (const label of flag.labels) index.set(labelKey(label), flag.code);
  return index;
}

/** The export label of each code, in flag order. */
export function labelsOf<C extends string>(
  flags: readonly CtdcFlag<C>[],
  codes: readonly C[],
): string[] {
  return flags.filter((flag) => codes.includes(flag.code)).map((flag) => flag.labels[0] ?? '');
}

// CTDC age bands are written `0--8`; files also use `09--17` and the PDF's en/em dashes.
const bandPattern = /^0*(\d{1,2})\s*(?:--|[\u2013\u2014]|-)\s*0*(\d{1,2})$/;

/** Reads an `ageBroad` cell; undefined when the value is not a band. */
export function parseAgeBand(value: string): AgeBand | null | undefined {
  if (isMissing(value)) return null;
  const compact = value.trim();
  if (/^48\s*\+$/.test(compact)) return '48+';
  const match = bandPattern.exec(compact);
  if (match === null) return undefined;
  const band = `${match[1] ?? ''}-${match[2] ?? ''}`;
  return ageBandSet.has(band) ? (band as AgeBand) : undefined;
}

const ageBandSet: ReadonlySet<string> = new Set([
  '0-8',
  '9-17',
  '18-20',
  '21-23',
  '24-26',
  '27-29',
  '30-38',
  '39-47',
  '48+',
]);

/** Writes a band as CTDC does (`0--8`, `9--17`, `48+`). */
export function formatAgeBand(band: AgeBand): string {
  return band.replace('-', '--');
}

/** The band of an age in years. */
export function ageBandOf(age: number): AgeBand {
  const bands: readonly (readonly [number, AgeBand])[] = [
    [8, '0-8'],
    [17, '9-17'],
    [20, '18-20'],
    [23, '21-23'],
    [26, '24-26'],
    [29, '27-29'],
    [38, '30-38'],
    [47, '39-47'],
  ];
  return bands.find(([upper]) => age <= upper)?.[1] ?? '48+';
}

/** Majority status from an age in years, or null. */
export function majorityOf(age: number | null): MajorityStatus | null {
  return age === null ? null : age < 18 ? 'Minor' : 'Adult';
}

/** Reads a majority status (`Adult`, `Minor`, `Unknown`); `-99` and empty are null. */
export function readMajority(reader: RowReader, column: string): MajorityStatus | null {
  const value = reader.cell(column);
  const key = labelKey(value);
  if (key === 'adult') return 'Adult';
  if (key === 'minor') return 'Minor';
  // "Unknown" is a recorded answer in this field, kept apart from "not recorded".
  if (key === 'unknown') return 'Unknown';
  if (isMissing(value)) return null;
  reader.error(column, value, 'unknown_value', 'Use Adult, Minor or Unknown');
  return null;
}

/** CTDC gender labels (global and synthetic spellings) → HTCDS gender (REFERENCE 2.8). */
export function readCtdcGender(reader: RowReader, column: string): Gender {
  const value = reader.cell(column);
  switch (labelKey(value)) {
    case 'female':
    case 'woman':
      return 'Feminine';
    case 'male':
    case 'man':
      return 'Masculine';
    case 'transgender/nonconforming':
    case 'trans/transgender/nonconforming':
      return 'NonConforming';
    default:
      if (!isMissing(value)) {
        reader.error(
          column,
          value,
          'unknown_value',
          'Use Female, Male, Transgender/NonConforming or Unknown',
        );
      }
      return 'NonSpecifiedUnknown';
  }
}

/** True for the gender codes CTDC writes as its single transgender/non-conforming value. */
export function isGenderNonConforming(gender: Gender): boolean {
  return (
    gender === 'NonConforming' ||
    gender === 'TransgenderFeminine' ||
    gender === 'TransgenderMasculine'
  );
}

/**
 * The country of exploitation to export: the recorded one, else the country of the first
 * exploitation event (CTDC's proxy is the last country of exploitation).
 */
export function exploitationCountryOf(record: CaseRecord): string | null {
  return (
    record.victim.countryOfExploitation ??
    record.events.find((event) => event.type === 'Exploitation' && event.country !== null)
      ?.country ??
    null
  );
}
