import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseRecordSchema } from '../../shared/case-schemas.js';
import { caseRecordArb } from '../../test-support/case-record-arbitraries.js';
import {
  ctdcSyntheticColumns,
  mergedMeans,
  parseCtdcSyntheticRow,
  writeCtdcSyntheticRow,
  type CtdcSyntheticVersion,
} from './ctdc-synthetic.js';

// REFERENCE 2.4, spelled out independently of the implementation.
const v2024 = [
  'yearOfRegistration',
  'gender',
  'ageBroad',
  'citizenship',
  'CountryOfExploitation',
  'traffickMonths',
  'meansDebtBondageEarnings',
  'meansThreats',
  'meansAbusePsyPhySex',
  'meansFalsePromises',
  'meansDrugsAlcohol',
  'meansDenyBasicNeeds',
  'meansExcessiveWorkHours',
  'meansWithholdDocs',
  'isForcedLabour',
  'isSexualExploit',
  'isOtherExploit',
  'typeOfLabourAgriculture',
  'typeOfLabourConstruction',
  'typeOfLabourDomesticWork',
  'typeOfLabourHospitality',
  'typeOfSexProstitution',
  'typeOfSexPornography',
  'recruiterRelationIntimatePartner',
  'recruiterRelationFriend',
  'recruiterRelationFamily',
  'recruiterRelationOther',
];

const rowWith = (cells: Record<string, string>) => ({
  ...Object.fromEntries(v2024.map((column) => [column, ''])),
  yearOfRegistration: '2019',
  ...cells,
});
function victimOf(cells: Record<string, string>) {
  const result = parseCtdcSyntheticRow(rowWith(cells));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.record.victim;
}

describe('layout', () => {
  it('has the 27 v2024 columns in file order', () => {
    expect(ctdcSyntheticColumns('2024')).toEqual(v2024);
  });

  it('renames typeOf* to sectorOf* in v2025 and nothing else', () => {
    expect(ctdcSyntheticColumns('2025')).toEqual(
      v2024.map((column) => column.replace(/^typeOf/, 'sectorOf')),
    );
  });
});

describe('reading', () => {
  it.each([
    ['09--17', '9-17'],
    ['0--8', '0-8'],
    ['48+', '48+'],
    ['', null],
  ])('ageBroad %j is %j', (value, band) => {
    expect(victimOf({ ageBroad: value }).ageBand).toBe(band);
  });

  it.each([
    ['Woman', 'Feminine'],
    ['Man', 'Masculine'],
    ['Trans/Transgender/NonConforming', 'NonConforming'],
    ['', 'NonSpecifiedUnknown'],
  ])('gender %j is %j', (value, gender) => {
    expect(victimOf({ gender: value }).gender).toBe(gender);
  });

  it.each([
    ['0--12 (0-1 yr)', '0-12'],
    ['13--24 (1-2 yrs)', '13-24'],
    ['25+ (2+ yrs)', '25+'],
    ['13\u201324', '13-24'],
    ['NULL', null],
  ])('traffickMonths %j is %j', (value, duration) => {
    expect(victimOf({ traffickMonths: value }).exploitationDuration).toBe(duration);
  });

  it('reads alpha-3 countries, former ones included', () => {
    expect(victimOf({ citizenship: 'SCG', CountryOfExploitation: 'rus' })).toMatchObject({
      citizenship: ['SCG'],
      countryOfExploitation: 'RUS',
    });
  });

  it('sets every method a merged means flag stands for', () => {
    expect(victimOf({ meansAbusePsyPhySex: '1', meansDenyBasicNeeds: '1' }).controlMethods).toEqual(
      [
        'PsychologicalAbuse',
        'PhysicalAbuse',
        'SexualAbuse',
        'RestrictsFinancialAccess',
        'vigil:RestrictsMovement',
        'RestrictsMedicalCare',
        'WithholdsNecessities',
      ],
    );
  });

  it('reads a group with no flag set as not reported', () => {
    expect(victimOf({ isOtherExploit: '' })).toMatchObject({
      controlMethods: null,
      exploitationTypes: null,
      recruiterRelations: null,
    });
  });

  it('reads v2025 sectorOf* columns like v2024 typeOf* ones', () => {
    const row = Object.fromEntries(
      Object.entries(rowWith({ typeOfLabourDomesticWork: '1', typeOfSexPornography: '1' })).map(
        ([column, value]) => [column.replace(/^typeOf/, 'sectorOf'), value],
      ),
    );
    const result = parseCtdcSyntheticRow(row);
    expect(
      result.ok && [result.record.victim.labourSectors, result.record.victim.sexExploitationTypes],
    ).toEqual([['T_ActivitiesOfHouseholdsAsEmployers'], ['Pornography']]);
  });

  it.each([
    [{ traffickMonths: '3 years' }, 'traffickMonths', '3 years', 'unknown_value'],
    [{ citizenship: 'UA' }, 'citizenship', 'UA', 'unknown_country'],
    [{ meansThreats: 'x' }, 'meansThreats', 'x', 'invalid_flag'],
    [{ ageBroad: '10--19' }, 'ageBroad', '10--19', 'invalid_age_band'],
    [{ yearOfRegistration: 'NULL' }, 'yearOfRegistration', 'NULL', 'missing_required'],
  ])('refuses %j', (cells, column, value, reason) => {
    const result = parseCtdcSyntheticRow(rowWith(cells));
    expect(
      result.ok ? [] : result.errors.map((error) => [error.column, error.value, error.reason]),
    ).toEqual([[column, value, reason]]);
  });
});

describe('writing', () => {
  it('sets a merged flag when any method it merges is present, and zero-pads 09--17', () => {
    const record = caseRecordSchema.parse({
      registrationYear: 2018,
      victim: {
        ageAtIdentification: 12,
        controlMethods: ['TakesEarnings', 'ThreatsLawEnforcement', 'Other'],
        exploitationTypes: ['ForcedMarriage'],
        labourSectors: ['vigil:Peddling'],
        citizenship: ['YUG', 'UKR'],
      },
    });
    expect(writeCtdcSyntheticRow(record, { version: '2025' })).toMatchObject({
      ageBroad: '09--17',
      citizenship: 'YUG',
      meansDebtBondageEarnings: '1',
      meansThreats: '1',
      meansAbusePsyPhySex: '',
      isOtherExploit: '1',
      isForcedLabour: '',
      sectorOfLabourAgriculture: '',
    });
  });
});

// Generated synthetic rows in the writer's own spelling must survive import and export exactly.
const flagArb = fc.constantFrom('1', '');
const syntheticRowArb = (version: CtdcSyntheticVersion) =>
  fc
    .record({
      yearOfRegistration: fc.integer({ min: 2002, max: 2022 }).map(String),
      gender: fc.constantFrom('Woman', 'Man', 'Trans/Transgender/NonConforming', ''),
      ageBroad: fc.constantFrom('0--8', '09--17', '18--20', '27--29', '48+', ''),
      citizenship: fc.constantFrom('UKR', 'COD', 'PHL', 'SCG', ''),
      CountryOfExploitation: fc.constantFrom('USA', 'RUS', 'ANT', ''),
      traffickMonths: fc.constantFrom('0--12 (0-1 yr)', '13--24 (1-2 yrs)', '25+ (2+ yrs)', ''),
      flags: fc.array(flagArb, { minLength: 21, maxLength: 21 }),
    })
    .map(({ flags, ...cells }) => {
      const flagColumns = ctdcSyntheticColumns(version).slice(6);
      return {
        ...cells,
        ...Object.fromEntries(flagColumns.map((column, index) => [column, flags[index] ?? ''])),
      };
    });

describe('round trip', () => {
  it.each(['2024', '2025'] as const)('keeps every column of a v%s row', (version) => {
    fc.assert(
      fc.property(syntheticRowArb(version), (row) => {
        const first = parseCtdcSyntheticRow(row);
        if (!first.ok) throw new Error(JSON.stringify(first.errors));
        const written = writeCtdcSyntheticRow(first.record, { version });
        expect(written).toEqual(row);
        expect(parseCtdcSyntheticRow(written)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('writing any record gives a row that reads back to the same row', () => {
    fc.assert(
      fc.property(caseRecordArb, (record) => {
        const written = writeCtdcSyntheticRow(record);
        const read = parseCtdcSyntheticRow(written);
        if (!read.ok) throw new Error(JSON.stringify(read.errors));
        expect(writeCtdcSyntheticRow(read.record)).toEqual(written);
      }),
      { numRuns: 200 },
    );
  });

  it('documents eight merged means', () => {
    expect(mergedMeans.map(([column]) => column)).toEqual(v2024.slice(6, 14));
  });
});
