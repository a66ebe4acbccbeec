import type { ExploitationType } from '../../shared/case-vocabulary.js';
import type { CaseRecord } from '../../shared/case-schemas.js';
import {
  columnResolver,
  createRowReader,
  finishRow,
  readCountry,
  readFlag,
  readFlagGroup,
  readYear,
  toAlpha2,
  writeFlagGroup,
  type RawRow,
  type RowParseResult,
  type RowReader,
} from './cell-values.js';
import {
  addLabourExploitation,
  ctdcPurposesOf,
  ctdcSectorsOf,
  flagColumns,
  formatDataSource,
  readDataSource,
  reconcileConcatenated,
} from './ctdc-shared.js';
import {
  ageBandOf,
  controlFlags,
  exploitationCountryOf,
  exploitFlags,
  formatAgeBand,
  isGenderNonConforming,
  labelIndex,
  labelsOf,
  labourFlags,
  majorityOf,
  parseAgeBand,
  readCtdcGender,
  readMajority,
  recruiterFlags,
  sexAndLabourLabel,
  sexFlags,
  type CtdcFlag,
} from './ctdc-vocabulary.js';

const controlColumns = flagColumns('meansOfControl', controlFlags);
const exploitColumns = flagColumns('is', exploitFlags);
const labourColumns = flagColumns('typeOfLabour', labourFlags);
const sexColumns = flagColumns('typeOfSex', sexFlags);
const recruiterColumns = flagColumns('recruiterRelation', recruiterFlags);
const names = (columns: readonly (readonly [string, string])[]) =>
  columns.map(([column]) => column);

/**
 * The 63 columns of the CTDC Global Dataset in file order (REFERENCE 2.2). Files also put a
 * terms-of-use sentence in a first header cell, over an empty first cell in every row.
 */
export const ctdcGlobalColumns: readonly string[] = [
  'yearOfRegistration',
  'Datasource',
  'gender',
  'ageBroad',
  'majorityStatus',
  'majorityStatusAtExploit',
  'majorityEntry',
  'citizenship',
  ...names(controlColumns),
  'meansOfControlConcatenated',
  'isForcedLabour',
  'isSexualExploit',
  'isOtherExploit',
  'isSexAndLabour',
  'isForcedMarriage',
  'isForcedMilitary',
  'isOrganRemoval',
  'isSlaveryAndPractices',
  'typeOfExploitConcatenated',
  ...names(labourColumns),
  'typeOfLabourConcatenated',
  ...names(sexColumns),
  'typeOfSexConcatenated',
  'isAbduction',
  'RecruiterRelationship',
  'CountryOfExploitation',
  ...names(recruiterColumns),
];

/** The columns that hold data rather than a summary of other columns. */
export const ctdcGlobalAnalyticColumns: readonly string[] = ctdcGlobalColumns.filter(
  (column) => !column.endsWith('Concatenated') && column !== 'RecruiterRelationship',
);

// Column names are matched case-insensitively: the codebook writes `datasource`,
// `MajorityEntry` and `CountryofExploitation`.
const resolveColumn = columnResolver(ctdcGlobalColumns);

const controlLabels = labelIndex(controlFlags);
const exploitLabels = labelIndex(exploitFlags);
const labourLabels = labelIndex(labourFlags);
const sexLabels = labelIndex(sexFlags);
const recruiterLabels = labelIndex(recruiterFlags);

/**
 * Parses one CTDC Global Dataset row (cells keyed by header name) into a case record, or the
 * errors that prevent it. Flags and concatenated labels are reconciled: flags win, labels stand
 * in for a flag group that is entirely missing, a disagreement is a warning.
 */
export function parseCtdcGlobalRow(row: RawRow): RowParseResult {
  const reader = createRowReader(row, resolveColumn);
  const registrationYear = readYear(reader, 'yearOfRegistration');
  const ageValue = reader.cell('ageBroad');
  const ageBand = parseAgeBand(ageValue);
  if (ageBand === undefined) {
    reader.error('ageBroad', ageValue, 'invalid_age_band', 'Use a CTDC band such as 9--17 or 48+');
  }
  const citizenship = readCountry(reader, 'citizenship', reader.cell('citizenship'), 'alpha2');
  const exploitationCountry = readCountry(
    reader,
    'CountryOfExploitation',
    reader.cell('CountryOfExploitation'),
    'alpha2',
  );
  const labourSectors = reconcileConcatenated(
    reader,
    'typeOfLabourConcatenated',
    readFlagGroup(reader, labourColumns),
    labourLabels,
  );
  const abduction = readFlag(reader, 'isAbduction');
  return finishRow(
    reader,
    {
      registrationYear: registrationYear ?? 0,
      dataSource: readDataSource(reader, 'Datasource'),
      victim: {
        gender: readCtdcGender(reader, 'gender'),
        citizenship: citizenship === null ? [] : [citizenship],
        ageBand: ageBand ?? null,
        majorityStatus: readMajority(reader, 'majorityStatus'),
        majorityStatusAtExploitation: readMajority(reader, 'majorityStatusAtExploit'),
        majorityStatusAtEntry: readMajority(reader, 'majorityEntry'),
        controlMethods: reconcileConcatenated(
          reader,
          'meansOfControlConcatenated',
          readFlagGroup(reader, controlColumns),
          controlLabels,
          // A codebook v6 label with no flag of its own. Read as nothing it would turn a row whose
          // flags are missing into "no means of control"; sexual abuse is the flag it names.
          { 'minor sexually exploited or abused': ['SexualAbuse'] },
        ),
        exploitationTypes: addLabourExploitation(readPurposes(reader), labourSectors),
        labourSectors,
        sexExploitationTypes: reconcileConcatenated(
          reader,
          'typeOfSexConcatenated',
          readFlagGroup(reader, sexColumns),
          sexLabels,
        ),
        abducted: abduction,
        recruiterRelations: reconcileConcatenated(
          reader,
          'RecruiterRelationship',
          readFlagGroup(reader, recruiterColumns),
          recruiterLabels,
        ),
        countryOfExploitation: exploitationCountry,
      },
    },
    (path) => columnOfPath[String(path[path.length === 1 ? 0 : 1])] ?? 'yearOfRegistration',
  );
}

const columnOfPath: Readonly<Record<string, string>> = {
  registrationYear: 'yearOfRegistration',
  citizenship: 'citizenship',
  countryOfExploitation: 'CountryOfExploitation',
};

// `is*` flags plus the derived `isSexAndLabour`: "both" implies forced labour and sexual
// exploitation; a disagreement between them is a warning. A 0 there says only "not both": with
// every `is*` flag missing the purposes stay unrecorded, and the labels may still give them.
function readPurposes(reader: RowReader): ExploitationType[] | null {
  const both = readFlag(reader, 'isSexAndLabour');
  let types = readFlagGroup(reader, exploitColumns);
  if (both === true) types ??= [];
  if (both !== null && types !== null) {
    const hasBoth = types.includes('ForcedLabour') && types.includes('SexualExploitation');
    if (both !== hasBoth) {
      reader.warn(
        'isSexAndLabour',
        reader.cell('isSexAndLabour'),
        'derived_flag_mismatch',
        'isSexAndLabour should be 1 exactly when isForcedLabour and isSexualExploit both are',
      );
    }
    if (both) {
      for (const type of ['ForcedLabour', 'SexualExploitation'] as const) {
        if (!types.includes(type)) types.push(type);
      }
    }
  }
  return reconcileConcatenated(reader, 'typeOfExploitConcatenated', types, exploitLabels, {
    [sexAndLabourLabel]: ['ForcedLabour', 'SexualExploitation'],
  });
}

/** Options for writing CTDC rows. */
export interface CtdcWriteOptions {
  /** How a missing value is written: empty (later files, the default) or `-99` (IOM files). */
  readonly missing?: '' | '-99';
}

/**
 * Writes a case record as one CTDC Global Dataset row (cells keyed by column name). Derived
 * cells (concatenated labels, `isSexAndLabour`) are computed from the flags. Ages, majority
 * statuses and the country of exploitation fall back on what the record knows otherwise
 * (exact ages, exploitation events). Only the first citizenship fits the layout.
 */
export function writeCtdcGlobalRow(
  record: CaseRecord,
  options: CtdcWriteOptions = {},
): Record<string, string> {
  const missing = options.missing ?? '';
  const { victim } = record;
  const or = (value: string | null) => value ?? missing;
  const band =
    victim.ageBand ??
    (victim.ageAtIdentification === null ? null : ageBandOf(victim.ageAtIdentification));
  const purposes =
    victim.exploitationTypes === null ? null : ctdcPurposesOf(victim.exploitationTypes);
  const sectors = ctdcSectorsOf(record);
  const country = exploitationCountryOf(record);
  const [citizenship] = victim.citizenship;
  const labels = <C extends string>(
    flags: readonly CtdcFlag<C>[],
    codes: readonly C[] | null,
    separator = ';',
  ) => (codes === null ? missing : labelsOf(flags, codes).join(separator));
  return {
    yearOfRegistration: String(record.registrationYear),
    Datasource: or(record.dataSource === null ? null : formatDataSource(record.dataSource)),
    gender: ctdcGlobalGender(victim.gender),
    ageBroad: or(band === null ? null : formatAgeBand(band)),
    majorityStatus: or(victim.majorityStatus ?? majorityOf(victim.ageAtIdentification)),
    majorityStatusAtExploit: or(
      victim.majorityStatusAtExploitation ?? majorityOf(victim.ageWhenTrafficked),
    ),
    majorityEntry: or(victim.majorityStatusAtEntry),
    citizenship: or(citizenship === undefined ? null : toAlpha2(citizenship)),
    ...writeFlagGroup(controlColumns, victim.controlMethods, missing),
    meansOfControlConcatenated: labels(controlFlags, victim.controlMethods),
    ...writeFlagGroup(exploitColumns, purposes, missing),
    isSexAndLabour:
      purposes === null
        ? missing
        : purposes.includes('ForcedLabour') && purposes.includes('SexualExploitation')
          ? '1'
          : '0',
    typeOfExploitConcatenated: labels(exploitFlags, purposes),
    ...writeFlagGroup(labourColumns, sectors, missing),
    typeOfLabourConcatenated: labels(labourFlags, sectors),
    ...writeFlagGroup(sexColumns, victim.sexExploitationTypes, missing),
    typeOfSexConcatenated: labels(sexFlags, victim.sexExploitationTypes),
    isAbduction: victim.abducted === null ? missing : victim.abducted ? '1' : '0',
    RecruiterRelationship: labels(recruiterFlags, victim.recruiterRelations, '; '),
    CountryOfExploitation: or(country === null ? null : toAlpha2(country)),
    ...writeFlagGroup(recruiterColumns, victim.recruiterRelations, missing),
  };
}

function ctdcGlobalGender(gender: CaseRecord['victim']['gender']): string {
  if (gender === 'Feminine') return 'Female';
  if (gender === 'Masculine') return 'Male';
  return isGenderNonConforming(gender) ? 'Transgender/NonConforming' : 'Unknown';
}
