import { describe, expect, it } from 'vitest';
import type { CellIssue } from './cell-values.js';
import { ctdcGlobalColumns, parseCtdcGlobalRow, writeCtdcGlobalRow } from './ctdc-global.js';
import {
  controlFlags,
  exploitFlags,
  labourFlags,
  sexFlags,
  type CtdcFlag,
} from './ctdc-vocabulary.js';

// REFERENCE 2.2, spelled out independently of the implementation.
const expectedColumns = [
  'yearOfRegistration',
  'Datasource',
  'gender',
  'ageBroad',
  'majorityStatus',
  'majorityStatusAtExploit',
  'majorityEntry',
  'citizenship',
  'meansOfControlDebtBondage',
  'meansOfControlTakesEarnings',
  'meansOfControlRestrictsFinancialAccess',
  'meansOfControlThreats',
  'meansOfControlPsychologicalAbuse',
  'meansOfControlPhysicalAbuse',
  'meansOfControlSexualAbuse',
  'meansOfControlFalsePromises',
  'meansOfControlPsychoactiveSubstances',
  'meansOfControlRestrictsMovement',
  'meansOfControlRestrictsMedicalCare',
  'meansOfControlExcessiveWorkingHours',
  'meansOfControlUsesChildren',
  'meansOfControlThreatOfLawEnforcement',
  'meansOfControlWithholdsNecessities',
  'meansOfControlWithholdsDocuments',
  'meansOfControlOther',
  'meansOfControlNotSpecified',
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
  'typeOfLabourAgriculture',
  'typeOfLabourAquafarming',
  'typeOfLabourBegging',
  'typeOfLabourConstruction',
  'typeOfLabourDomesticWork',
  'typeOfLabourHospitality',
  'typeOfLabourIllicitActivities',
  'typeOfLabourManufacturing',
  'typeOfLabourMiningOrDrilling',
  'typeOfLabourPeddling',
  'typeOfLabourTransportation',
  'typeOfLabourOther',
  'typeOfLabourNotSpecified',
  'typeOfLabourConcatenated',
  'typeOfSexProstitution',
  'typeOfSexPornography',
  'typeOfSexRemoteInteractiveServices',
  'typeOfSexPrivateSexualServices',
  'typeOfSexConcatenated',
  'isAbduction',
  'RecruiterRelationship',
  'CountryOfExploitation',
  'recruiterRelationIntimatePartner',
  'recruiterRelationFriend',
  'recruiterRelationFamily',
  'recruiterRelationOther',
  'recruiterRelationUnknown',
];

/** A row with every column missing (`-99`) except those given. */
const rowWith = (cells: Record<string, string>) => ({
  ...Object.fromEntries(ctdcGlobalColumns.map((column) => [column, '-99'])),
  yearOfRegistration: '2016',
  ...cells,
});
const zeros = (prefix: string, flags: readonly CtdcFlag<string>[]) =>
  Object.fromEntries(flags.map((flag) => [`${prefix}${flag.suffix}`, '0']));
const purposeZeros = { ...zeros('is', exploitFlags), isSexAndLabour: '0' };

function victimOf(cells: Record<string, string>) {
  const result = parseCtdcGlobalRow(rowWith(cells));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.record.victim;
}
const issuesOf = (issues: readonly CellIssue[]) =>
  issues.map(({ column, value, reason }) => ({ column, value, reason }));

describe('CTDC global layout', () => {
  it('has the 63 columns in file order', () => {
    expect(ctdcGlobalColumns).toEqual(expectedColumns);
  });
});

describe('reading values', () => {
  it.each([
    ['0--8', '0-8'],
    ['9--17', '9-17'],
    ['09--17', '9-17'],
    ['9\u201317', '9-17'],
    ['9 \u2014 17', '9-17'],
    ['48+', '48+'],
    ['-99', null],
    ['', null],
  ])('ageBroad %j is %j', (value, band) => {
    expect(victimOf({ ageBroad: value }).ageBand).toBe(band);
  });

  it.each([
    ['UA', ['UKR']],
    ['ua', ['UKR']],
    ['ZZ', []],
    ['00', []],
    ['-99', []],
    ['Unknown', []],
    ['AN', ['ANT']],
    ['ZR', ['ZAR']],
    ['YU', ['YUG']],
    ['CS', ['SCG']],
    ['XK', ['XKK']],
    // Namibia, not "not available".
    ['NA', ['NAM']],
    ['na', ['NAM']],
    ['n/a', []],
  ])('citizenship %j is %j', (value, citizenship) => {
    expect(victimOf({ citizenship: value }).citizenship).toEqual(citizenship);
  });

  it('reads NA as Namibia in the country of exploitation too, and writes it back as NA', () => {
    const read = parseCtdcGlobalRow(rowWith({ citizenship: 'NA', CountryOfExploitation: 'NA' }));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.record.victim).toMatchObject({
      citizenship: ['NAM'],
      countryOfExploitation: 'NAM',
    });
    expect(writeCtdcGlobalRow(read.record)).toMatchObject({
      citizenship: 'NA',
      CountryOfExploitation: 'NA',
    });
  });

  it.each([
    ['Female', 'Feminine'],
    ['Male', 'Masculine'],
    ['Transgender/NonConforming', 'NonConforming'],
    ['Unknown', 'NonSpecifiedUnknown'],
    ['-99', 'NonSpecifiedUnknown'],
  ])('gender %j is %j', (value, gender) => {
    expect(victimOf({ gender: value }).gender).toBe(gender);
  });

  it('keeps a recorded "Unknown" majority status apart from a missing one', () => {
    expect(victimOf({ majorityStatus: 'Unknown', majorityEntry: '-99' })).toMatchObject({
      majorityStatus: 'Unknown',
      majorityStatusAtEntry: null,
    });
  });

  it('reads a flag group that is entirely missing as unrecorded, all zeros as none', () => {
    expect(victimOf({}).controlMethods).toBeNull();
    expect(victimOf(zeros('meansOfControl', controlFlags)).controlMethods).toEqual([]);
  });

  it('maps means of control to HTCDS codes and Vigil extensions', () => {
    const victim = victimOf({
      ...zeros('meansOfControl', controlFlags),
      meansOfControlRestrictsMovement: '1',
      meansOfControlThreats: '1',
      meansOfControlUsesChildren: '1',
      meansOfControlNotSpecified: '1',
    });
    expect(victim.controlMethods).toEqual([
      'PhysicalThreats',
      'vigil:RestrictsMovement',
      'ThreatensChildrenFamily',
      'vigil:NotSpecified',
    ]);
  });

  it('makes begging and illicit activities both a sector and a form of exploitation', () => {
    const victim = victimOf({
      ...purposeZeros,
      ...zeros('typeOfLabour', labourFlags),
      isForcedLabour: '1',
      typeOfLabourBegging: '1',
      typeOfLabourIllicitActivities: '1',
    });
    expect(victim.labourSectors).toEqual(['vigil:Begging', 'vigil:IllicitActivities']);
    expect(victim.exploitationTypes).toEqual([
      'ForcedLabour',
      'ForcedBegging',
      'vigil:ForcedCriminality',
    ]);
  });

  it('reads isSexAndLabour as both purposes, warning when the flags disagree', () => {
    const result = parseCtdcGlobalRow(rowWith({ ...purposeZeros, isSexAndLabour: '1' }));
    expect(result.ok && result.record.victim.exploitationTypes).toEqual([
      'ForcedLabour',
      'SexualExploitation',
    ]);
    expect(issuesOf(result.warnings)).toEqual([
      { column: 'isSexAndLabour', value: '1', reason: 'derived_flag_mismatch' },
    ]);
  });

  it('reads the codebook label for a sexually exploited minor as sexual abuse', () => {
    const victim = victimOf({
      meansOfControlConcatenated: 'Minor sexually exploited or abused; Debt bondage',
    });
    expect(victim.controlMethods).toEqual(['SexualAbuse', 'DebtBondage']);
  });

  it('keeps purposes unrecorded when only isSexAndLabour=0 is given, so the labels stand in', () => {
    const labelled = parseCtdcGlobalRow(
      rowWith({ isSexAndLabour: '0', typeOfExploitConcatenated: 'Forced labour' }),
    );
    if (!labelled.ok) throw new Error(JSON.stringify(labelled.errors));
    expect(labelled.record.victim.exploitationTypes).toEqual(['ForcedLabour']);
    expect(labelled.warnings).toEqual([]);
    const bare = parseCtdcGlobalRow(rowWith({ isSexAndLabour: '0' }));
    expect(bare.ok && bare.record.victim.exploitationTypes).toBeNull();
  });

  it('falls back on concatenated labels when the flags are missing (codebook and file spellings)', () => {
    const victim = victimOf({
      meansOfControlConcatenated:
        'Debt bondage; Threat of action by law enforcement;False promises/deception',
      typeOfExploitConcatenated: 'Sex and Labour',
      typeOfLabourConcatenated: 'Agriculture/Farms/Animal Husbandry;Begging',
      typeOfSexConcatenated: 'Remote interactive services',
      RecruiterRelationship: 'Intimate Partner; Family/Relative',
    });
    expect(victim).toMatchObject({
      controlMethods: ['DebtBondage', 'ThreatsLawEnforcement', 'FalsePromises'],
      exploitationTypes: ['ForcedLabour', 'SexualExploitation', 'ForcedBegging'],
      labourSectors: ['A_AgricultureForestryAndFishing', 'vigil:Begging'],
      sexExploitationTypes: ['RemoteInteractiveServices'],
      recruiterRelations: ['IntimatePartner', 'Family'],
    });
  });

  it('keeps the flags and warns when the concatenated labels disagree with them', () => {
    const result = parseCtdcGlobalRow(
      rowWith({
        ...zeros('typeOfSex', sexFlags),
        typeOfSexProstitution: '1',
        typeOfSexConcatenated: 'Pornography',
      }),
    );
    expect(result.ok && result.record.victim.sexExploitationTypes).toEqual(['Prostitution']);
    expect(issuesOf(result.warnings)).toEqual([
      { column: 'typeOfSexConcatenated', value: 'Pornography', reason: 'concatenated_mismatch' },
    ]);
  });

  it('warns about a partly missing flag group and reads the missing flags as 0', () => {
    const result = parseCtdcGlobalRow(rowWith({ recruiterRelationFamily: '1' }));
    expect(result.ok && result.record.victim.recruiterRelations).toEqual(['Family']);
    expect(issuesOf(result.warnings)).toEqual([
      { column: 'recruiterRelationIntimatePartner', value: '-99', reason: 'partial_flag_group' },
    ]);
  });

  it('reads a 62-column row (no isSlaveryAndPractices) without a partial-group warning', () => {
    const row: Record<string, string> = rowWith({ ...purposeZeros, isForcedMarriage: '1' });
    delete row.isSlaveryAndPractices;
    const result = parseCtdcGlobalRow(row);
    expect(result.ok && result.record.victim.exploitationTypes).toEqual(['ForcedMarriage']);
    expect(result.warnings).toEqual([]);
  });

  it('accepts the codebook spellings of column names', () => {
    const row = Object.fromEntries(
      Object.entries(rowWith({ Datasource: 'Case management', CountryOfExploitation: 'TH' })).map(
        ([column, value]) => [
          (
            {
              Datasource: 'datasource',
              majorityEntry: 'MajorityEntry',
              CountryOfExploitation: 'CountryofExploitation',
            } as Record<string, string>
          )[column] ?? column,
          value,
        ],
      ),
    );
    const result = parseCtdcGlobalRow(row);
    expect(
      result.ok && [result.record.dataSource, result.record.victim.countryOfExploitation],
    ).toEqual(['CaseManagement', 'THA']);
  });
});

describe('errors', () => {
  it.each<[Record<string, string>, { column: string; value: string; reason: string }[]]>([
    [
      { yearOfRegistration: '' },
      [{ column: 'yearOfRegistration', value: '', reason: 'missing_required' }],
    ],
    [
      { yearOfRegistration: '16' },
      [{ column: 'yearOfRegistration', value: '16', reason: 'invalid_year' }],
    ],
    [{ ageBroad: '17-25' }, [{ column: 'ageBroad', value: '17-25', reason: 'invalid_age_band' }]],
    [{ citizenship: 'QQ' }, [{ column: 'citizenship', value: 'QQ', reason: 'unknown_country' }]],
    [{ gender: 'F' }, [{ column: 'gender', value: 'F', reason: 'unknown_value' }]],
    [
      { Datasource: 'Survey' },
      [{ column: 'Datasource', value: 'Survey', reason: 'unknown_value' }],
    ],
    [
      { majorityStatus: 'Child' },
      [{ column: 'majorityStatus', value: 'Child', reason: 'unknown_value' }],
    ],
    [{ isAbduction: 'yes' }, [{ column: 'isAbduction', value: 'yes', reason: 'invalid_flag' }]],
    [
      { typeOfSexConcatenated: 'Prostitution;Dancing' },
      [{ column: 'typeOfSexConcatenated', value: 'Prostitution;Dancing', reason: 'unknown_value' }],
    ],
    [
      { yearOfRegistration: '2016', meansOfControlDebtBondage: '2', CountryOfExploitation: 'XY' },
      [
        { column: 'CountryOfExploitation', value: 'XY', reason: 'unknown_country' },
        { column: 'meansOfControlDebtBondage', value: '2', reason: 'invalid_flag' },
      ],
    ],
  ])('%j', (cells, expected) => {
    const result = parseCtdcGlobalRow(rowWith(cells));
    expect(result.ok ? [] : issuesOf(result.errors)).toEqual(expected);
  });
});
