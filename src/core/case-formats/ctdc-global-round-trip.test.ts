import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseRecordArb } from '../../test-support/case-record-arbitraries.js';
import {
  ctdcGlobalAnalyticColumns,
  parseCtdcGlobalRow,
  writeCtdcGlobalRow,
} from './ctdc-global.js';
import {
  controlFlags,
  exploitFlags,
  labourFlags,
  recruiterFlags,
  sexFlags,
  type CtdcFlag,
} from './ctdc-vocabulary.js';

// Generated rows: canonical cells (what the writer produces) and a noisy spelling of them
// (other missing markers, dash variants, codebook labels) that must read the same.
const missing = fc.constantFrom('', '-99');
const choice = <T>(values: readonly T[]) => fc.constantFrom(...values);

function groupArb(
  prefix: string,
  flags: readonly CtdcFlag<string>[],
  concatenated: string,
  separator = ';',
) {
  return fc
    .option(
      fc.array(fc.constantFrom('0', '1'), { minLength: flags.length, maxLength: flags.length }),
      { nil: null },
    )
    .chain((values) =>
      fc
        .tuple(
          fc.array(missing, { minLength: flags.length, maxLength: flags.length }),
          fc.boolean(),
          fc.array(fc.nat(), { minLength: flags.length, maxLength: flags.length }),
        )
        .map(([blanks, withLabels, picks]) => {
          const canonical: Record<string, string> = {};
          const noisy: Record<string, string> = {};
          flags.forEach((flag, index) => {
            const column = `${prefix}${flag.suffix}`;
            canonical[column] = values === null ? '' : (values[index] ?? '0');
            noisy[column] = values === null ? (blanks[index] ?? '') : canonical[column];
          });
          const set = flags.filter((_, index) => values?.[index] === '1');
          noisy[concatenated] =
            values !== null && withLabels
              ? set
                  .map((flag, index) => flag.labels[(picks[index] ?? 0) % flag.labels.length] ?? '')
                  .join(separator)
              : '';
          return { canonical, noisy, values };
        }),
    );
}

const rowArb = fc
  .record({
    year: fc.integer({ min: 2002, max: 2023 }),
    source: choice([
      ['Case Management', 'Case management'],
      ['Hotline', 'Hotline'],
      ['', '-99'],
    ]),
    gender: choice([
      ['Female', 'Female'],
      ['Male', 'Male'],
      ['Transgender/NonConforming', 'Transgender/NonConforming'],
      ['Unknown', 'Unknown'],
      ['Unknown', '-99'],
      ['Unknown', ''],
    ]),
    age: choice([
      ['0--8', '0\u20148'],
      ['9--17', '09--17'],
      ['9--17', '9\u201317'],
      ['18--20', '18--20'],
      ['30--38', '30--38'],
      ['48+', '48+'],
      ['', '-99'],
    ]),
    majority: fc.array(
      choice([
        ['Adult', 'Adult'],
        ['Minor', 'Minor'],
        ['Unknown', 'Unknown'],
        ['', '-99'],
        ['', ''],
      ]),
      { minLength: 3, maxLength: 3 },
    ),
    citizenship: choice([
      ['UA', 'UA'],
      ['CD', 'cd'],
      ['NA', 'NA'],
      ['NA', 'na'],
      ['YU', 'YU'],
      ['AN', 'AN'],
      ['ZR', 'ZR'],
      ['CS', 'CS'],
      ['XK', 'XK'],
      ['', 'ZZ'],
      ['', '00'],
      ['', '-99'],
    ]),
    exploitCountry: choice([
      ['RU', 'RU'],
      ['TH', 'TH'],
      ['', 'ZZ'],
      ['', ''],
    ]),
    abduction: choice([
      ['1', '1'],
      ['0', '0'],
      ['', '-99'],
    ]),
    control: groupArb('meansOfControl', controlFlags, 'meansOfControlConcatenated'),
    purposes: groupArb('is', exploitFlags, 'typeOfExploitConcatenated'),
    labour: groupArb('typeOfLabour', labourFlags, 'typeOfLabourConcatenated'),
    sex: groupArb('typeOfSex', sexFlags, 'typeOfSexConcatenated'),
    recruiter: groupArb('recruiterRelation', recruiterFlags, 'RecruiterRelationship', '; '),
  })
  .map((parts) => {
    const [canonicalMajority, noisyMajority] = [0, 1].map((side) => ({
      majorityStatus: parts.majority[0]?.[side] ?? '',
      majorityStatusAtExploit: parts.majority[1]?.[side] ?? '',
      majorityEntry: parts.majority[2]?.[side] ?? '',
    }));
    const purposeValues = parts.purposes.values;
    const both =
      purposeValues === null
        ? ''
        : purposeValues[0] === '1' && purposeValues[1] === '1'
          ? '1'
          : '0';
    const side = (index: 0 | 1) => ({
      yearOfRegistration: String(parts.year),
      Datasource: parts.source[index],
      gender: parts.gender[index],
      ageBroad: parts.age[index],
      ...(index === 0 ? canonicalMajority : noisyMajority),
      citizenship: parts.citizenship[index],
      CountryOfExploitation: parts.exploitCountry[index],
      isAbduction: parts.abduction[index],
      isSexAndLabour: both,
    });
    const groups = [parts.control, parts.purposes, parts.labour, parts.sex, parts.recruiter];
    return {
      canonical: Object.assign(side(0), ...groups.map((group) => group.canonical)) as Record<
        string,
        string
      >,
      noisy: Object.assign(side(1), ...groups.map((group) => group.noisy)) as Record<
        string,
        string
      >,
    };
  });

describe('round trip', () => {
  it('import, export, import keeps every analytic column', () => {
    fc.assert(
      fc.property(rowArb, ({ canonical, noisy }) => {
        const first = parseCtdcGlobalRow(noisy);
        if (!first.ok) throw new Error(JSON.stringify(first.errors));
        expect(first.warnings).toEqual([]);
        const written = writeCtdcGlobalRow(first.record);
        for (const column of ctdcGlobalAnalyticColumns) {
          expect([column, written[column]]).toEqual([column, canonical[column]]);
        }
        expect(parseCtdcGlobalRow(written)).toEqual({
          ok: true,
          record: first.record,
          warnings: [],
        });
      }),
      { numRuns: 400 },
    );
  });

  it('writing any record gives a row that reads back to the same row', () => {
    fc.assert(
      fc.property(caseRecordArb, (record) => {
        const written = writeCtdcGlobalRow(record);
        const read = parseCtdcGlobalRow(written);
        if (!read.ok) throw new Error(JSON.stringify(read.errors));
        expect(read.warnings).toEqual([]);
        expect(writeCtdcGlobalRow(read.record)).toEqual(written);
      }),
      { numRuns: 200 },
    );
  });

  it('concatenated labels stand in for a group whose flags are missing', () => {
    const groups: readonly (readonly [string, string, readonly CtdcFlag<string>[]])[] = [
      ['meansOfControl', 'meansOfControlConcatenated', controlFlags],
      ['is', 'typeOfExploitConcatenated', exploitFlags],
      ['typeOfLabour', 'typeOfLabourConcatenated', labourFlags],
      ['typeOfSex', 'typeOfSexConcatenated', sexFlags],
      ['recruiterRelation', 'RecruiterRelationship', recruiterFlags],
    ];
    fc.assert(
      fc.property(rowArb, ({ noisy }) => {
        const blanked = { ...noisy };
        for (const [prefix, concatenated, flags] of groups) {
          if ((noisy[concatenated] ?? '') === '') continue;
          for (const flag of flags) blanked[`${prefix}${flag.suffix}`] = '-99';
          if (prefix === 'is') blanked.isSexAndLabour = '-99';
        }
        const withFlags = parseCtdcGlobalRow(noisy);
        const withLabels = parseCtdcGlobalRow(blanked);
        expect(withLabels.ok && withLabels.record).toEqual(withFlags.ok && withFlags.record);
      }),
      { numRuns: 300 },
    );
  });
});
