import type {
  ControlMethod,
  ExploitationDuration,
  ExploitationType,
  LabourSector,
  RecruiterRelation,
  SexExploitationType,
} from '../../shared/case-vocabulary.js';
import type { CaseRecord } from '../../shared/case-schemas.js';
import {
  columnResolver,
  createRowReader,
  finishRow,
  isMissing,
  readCountry,
  readYear,
  type FlagColumn,
  type RawRow,
  type RowParseResult,
  type RowReader,
} from './cell-values.js';
import { ctdcPurposesOf, ctdcSectorsOf } from './ctdc-shared.js';
import {
  ageBandOf,
  exploitationCountryOf,
  formatAgeBand,
  isGenderNonConforming,
  parseAgeBand,
  readCtdcGender,
} from './ctdc-vocabulary.js';

/** Releases of the synthetic dataset: v2025 renamed `typeOf*` to `sectorOf*`. */
export type CtdcSyntheticVersion = '2024' | '2025';

/**
 * The synthetic dataset merged means of control into eight flags. Reading one sets every method
 * it merges (the flag says "one or more of these"; nothing tells which), and writing sets it
 * when any of them is present, so synthetic cells survive a round trip exactly. Counts of a
 * single method from synthetic records are therefore upper bounds.
 */
export const mergedMeans: readonly (readonly [column: string, codes: readonly ControlMethod[]])[] =
  [
    ['meansDebtBondageEarnings', ['DebtBondage', 'TakesEarnings']],
    ['meansThreats', ['PhysicalThreats', 'ThreatensChildrenFamily', 'ThreatsLawEnforcement']],
    ['meansAbusePsyPhySex', ['PsychologicalAbuse', 'PhysicalAbuse', 'SexualAbuse']],
    ['meansFalsePromises', ['FalsePromises']],
    ['meansDrugsAlcohol', ['PsychoactiveSubstance']],
    [
      'meansDenyBasicNeeds',
      [
        'RestrictsFinancialAccess',
        'vigil:RestrictsMovement',
        'RestrictsMedicalCare',
        'WithholdsNecessities',
      ],
    ],
    ['meansExcessiveWorkHours', ['ExcessiveWorkingHours']],
    ['meansWithholdDocs', ['WithholdsDocuments']],
  ];

const exploitColumns: readonly FlagColumn<ExploitationType>[] = [
  ['isForcedLabour', 'ForcedLabour'],
  ['isSexualExploit', 'SexualExploitation'],
  // "Other" here merges forced marriage, forced military, organ removal and the rest.
  ['isOtherExploit', 'Other'],
];
const labourSuffixes: readonly FlagColumn<LabourSector>[] = [
  ['Agriculture', 'A_AgricultureForestryAndFishing'],
  ['Construction', 'F_Construction'],
  ['DomesticWork', 'T_ActivitiesOfHouseholdsAsEmployers'],
  ['Hospitality', 'I_AccommodationAndFoodServiceActivities'],
];
const sexSuffixes: readonly FlagColumn<SexExploitationType>[] = [
  ['Prostitution', 'Prostitution'],
  ['Pornography', 'Pornography'],
];
const recruiterColumns: readonly FlagColumn<RecruiterRelation>[] = [
  ['recruiterRelationIntimatePartner', 'IntimatePartner'],
  ['recruiterRelationFriend', 'Friend'],
  ['recruiterRelationFamily', 'Family'],
  ['recruiterRelationOther', 'Other'],
];

const prefixed = <C extends string>(prefix: string, suffixes: readonly FlagColumn<C>[]) =>
  suffixes.map(([suffix, code]): FlagColumn<C> => [`${prefix}${suffix}`, code]);
const prefixesOf = (version: CtdcSyntheticVersion) =>
  version === '2024'
    ? (['typeOfLabour', 'typeOfSex'] as const)
    : (['sectorOfLabour', 'sectorOfSex'] as const);

/** The 27 columns of a synthetic release, in file order (REFERENCE 2.4). */
export function ctdcSyntheticColumns(version: CtdcSyntheticVersion = '2024'): readonly string[] {
  const [labour, sex] = prefixesOf(version);
  return [
    'yearOfRegistration',
    'gender',
    'ageBroad',
    'citizenship',
    'CountryOfExploitation',
    'traffickMonths',
    ...mergedMeans.map(([column]) => column),
    ...exploitColumns.map(([column]) => column),
    ...prefixed(labour, labourSuffixes).map(([column]) => column),
    ...prefixed(sex, sexSuffixes).map(([column]) => column),
    ...recruiterColumns.map(([column]) => column),
  ];
}

// Both releases' names resolve to the v2024 spelling; the codebook's detail page also says
// `meansWithholdDocuments` where the files say `meansWithholdDocs`.
const resolveColumn = columnResolver(ctdcSyntheticColumns('2024'), {
  ...Object.fromEntries(
    ctdcSyntheticColumns('2025').map((column) => [column, column.replace(/^sectorOf/, 'typeOf')]),
  ),
  meansWithholdDocuments: 'meansWithholdDocs',
});

const durations: readonly (readonly [ExploitationDuration, string])[] = [
  ['0-12', '0--12 (0-1 yr)'],
  ['13-24', '13--24 (1-2 yrs)'],
  ['25+', '25+ (2+ yrs)'],
];

/**
 * Parses one synthetic-dataset row (either release) into a case record. Flags are `1` or empty;
 * a group with no flag set is "not reported" (null), as the codebook's denominator rule has it.
 */
export function parseCtdcSyntheticRow(row: RawRow): RowParseResult {
  const reader = createRowReader(row, resolveColumn);
  const registrationYear = readYear(reader, 'yearOfRegistration');
  const ageValue = reader.cell('ageBroad');
  const ageBand = parseAgeBand(ageValue);
  if (ageBand === undefined) {
    reader.error('ageBroad', ageValue, 'invalid_age_band', 'Use a CTDC band such as 09--17 or 48+');
  }
  const citizenship = readCountry(reader, 'citizenship', reader.cell('citizenship'), 'alpha3');
  const controlMethods = readMergedMeans(reader);
  return finishRow(
    reader,
    {
      registrationYear: registrationYear ?? 0,
      victim: {
        gender: readCtdcGender(reader, 'gender'),
        citizenship: citizenship === null ? [] : [citizenship],
        ageBand: ageBand ?? null,
        countryOfExploitation: readCountry(
          reader,
          'CountryOfExploitation',
          reader.cell('CountryOfExploitation'),
          'alpha3',
        ),
        exploitationDuration: readDuration(reader),
        controlMethods,
        exploitationTypes: readSyntheticFlags(reader, exploitColumns),
        labourSectors: readSyntheticFlags(reader, prefixed('typeOfLabour', labourSuffixes)),
        sexExploitationTypes: readSyntheticFlags(reader, prefixed('typeOfSex', sexSuffixes)),
        recruiterRelations: readSyntheticFlags(reader, recruiterColumns),
      },
    },
    (path) => (path.includes('citizenship') ? 'citizenship' : 'CountryOfExploitation'),
  );
}

function readSyntheticFlag(reader: RowReader, column: string): boolean {
  const value = reader.cell(column);
  if (/^1(\.0+)?$/.test(value)) return true;
  if (isMissing(value) || /^0(\.0+)?$/.test(value)) return false;
  reader.error(column, value, 'invalid_flag', 'Use 1 (yes) or leave empty');
  return false;
}

function readSyntheticFlags<C extends string>(
  reader: RowReader,
  flags: readonly FlagColumn<C>[],
): C[] | null {
  const codes = flags
    .filter(([column]) => readSyntheticFlag(reader, column))
    .map(([, code]) => code);
  return codes.length === 0 ? null : codes;
}

function readMergedMeans(reader: RowReader): ControlMethod[] | null {
  const codes = mergedMeans
    .filter(([column]) => readSyntheticFlag(reader, column))
    .flatMap(([, merged]) => merged);
  return codes.length === 0 ? null : codes;
}

function readDuration(reader: RowReader): ExploitationDuration | null {
  const value = reader.cell('traffickMonths');
  if (isMissing(value)) return null;
  // `0--12 (0-1 yr)`: the band is what precedes the parenthesis; dashes vary as in ageBroad.
  const band = (value.split('(')[0] ?? '').trim().replace(/\s*(?:--|[\u2013\u2014]|-)\s*/, '-');
  const found = durations.find(([duration]) => duration === band);
  if (found === undefined) {
    reader.error('traffickMonths', value, 'unknown_value', 'Use 0--12, 13--24 or 25+');
    return null;
  }
  return found[0];
}

/** Options for writing synthetic rows. */
export interface CtdcSyntheticWriteOptions {
  /** Which release's column names to write (default 2024). */
  readonly version?: CtdcSyntheticVersion;
}

/**
 * Writes a case record as one synthetic-dataset row (cells keyed by column name). The layout
 * keeps only what the 27 variables hold: merged means, three purposes, four labour sectors,
 * two sexual purposes, four recruiter relations; the rest of the record is not written.
 */
export function writeCtdcSyntheticRow(
  record: CaseRecord,
  options: CtdcSyntheticWriteOptions = {},
): Record<string, string> {
  const [labour, sex] = prefixesOf(options.version ?? '2024');
  const { victim } = record;
  const band =
    victim.ageBand ??
    (victim.ageAtIdentification === null ? null : ageBandOf(victim.ageAtIdentification));
  const [citizenship] = victim.citizenship;
  const country = exploitationCountryOf(record);
  const purposes = ctdcPurposesOf(victim.exploitationTypes ?? []);
  const flag = (set: boolean) => (set ? '1' : '');
  const flags = <C extends string>(columns: readonly FlagColumn<C>[], codes: readonly C[] | null) =>
    Object.fromEntries(
      columns.map(([column, code]) => [column, flag(codes?.includes(code) === true)]),
    );
  return {
    yearOfRegistration: String(record.registrationYear),
    gender: syntheticGender(victim.gender),
    // The synthetic files zero-pad the minor band.
    ageBroad: band === null ? '' : band === '9-17' ? '09--17' : formatAgeBand(band),
    citizenship: citizenship ?? '',
    CountryOfExploitation: country ?? '',
    traffickMonths:
      durations.find(([duration]) => duration === victim.exploitationDuration)?.[1] ?? '',
    ...Object.fromEntries(
      mergedMeans.map(([column, merged]) => [
        column,
        flag(merged.some((code) => victim.controlMethods?.includes(code) === true)),
      ]),
    ),
    isForcedLabour: flag(purposes.includes('ForcedLabour')),
    isSexualExploit: flag(purposes.includes('SexualExploitation')),
    isOtherExploit: flag(
      purposes.some((type) => type !== 'ForcedLabour' && type !== 'SexualExploitation'),
    ),
    ...flags(prefixed(labour, labourSuffixes), ctdcSectorsOf(record)),
    ...flags(prefixed(sex, sexSuffixes), victim.sexExploitationTypes),
    ...flags(recruiterColumns, victim.recruiterRelations),
  };
}

function syntheticGender(gender: CaseRecord['victim']['gender']): string {
  if (gender === 'Feminine') return 'Woman';
  if (gender === 'Masculine') return 'Man';
  return isGenderNonConforming(gender) ? 'Trans/Transgender/NonConforming' : '';
}
