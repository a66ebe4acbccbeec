import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyValue } from '../disclosure/index.js';
import { ctdcReleaseQuasiIdentifiers, kAnonymisedCtdcRelease } from './ctdc-release.js';

const fields = ctdcReleaseQuasiIdentifiers().map((hierarchy) => hierarchy.field);

function combinations(rows: readonly Record<string, string>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = JSON.stringify(fields.map((field) => row[field]));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const recordArbitrary = fc.record({
  gender: fc.constantFrom('Female', 'Male', ''),
  ageBroad: fc.constantFrom('0--8', '9--17', '18--20', '21--23', '30--38', '48+', ''),
  majorityStatus: fc.constantFrom('Minor', 'Adult', ''),
  majorityStatusAtExploit: fc.constantFrom('Minor', 'Adult', ''),
  majorityEntry: fc.constantFrom('Minor', 'Adult', ''),
  citizenship: fc.constantFrom('NG', 'GH', 'SY', 'UA', 'CF', 'XX', ''),
  CountryOfExploitation: fc.constantFrom('LY', 'IT', 'TR', 'PL', 'CF', ''),
  yearOfRegistration: fc.constantFrom('2016', '2018', '2021', '2023', ''),
  isSexualExploit: fc.constantFrom('1', '0'),
});

describe('kAnonymisedCtdcRelease', () => {
  it('releases no quasi-identifier combination fewer than k times (property)', () => {
    fc.assert(
      fc.property(
        fc.array(recordArbitrary, { minLength: 0, maxLength: 120 }),
        fc.integer({ min: 2, max: 15 }),
        (records, k) => {
          const result = kAnonymisedCtdcRelease(records, { k });
          for (const count of combinations(result.records).values()) {
            expect(count).toBeGreaterThanOrEqual(k);
          }
          expect(result.records.length + result.recordsSuppressed).toBe(records.length);
          expect(result.protection).toMatchObject({ policy: 'k_anonymity', k });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('generalises along the hierarchies before it drops records', () => {
    const woman = (citizenship: string, year: string) => ({
      gender: 'Female',
      ageBroad: '21--23',
      majorityStatus: 'Adult',
      majorityStatusAtExploit: 'Adult',
      majorityEntry: 'Adult',
      citizenship,
      CountryOfExploitation: 'LY',
      yearOfRegistration: year,
      isSexualExploit: '1',
    });
    // Eleven Nigerian and eleven Ghanaian women registered in 2016 or 2018 (groups of 5–6):
    // the five-year period makes two groups of 11, the least loss; nothing is dropped.
    const byYear = kAnonymisedCtdcRelease(
      Array.from({ length: 22 }, (_, i) =>
        woman(i % 2 === 0 ? 'NG' : 'GH', i % 4 < 2 ? '2016' : '2018'),
      ),
    );
    expect(byYear.recordsSuppressed).toBe(0);
    expect(byYear.levels).toMatchObject({ yearOfRegistration: 1, citizenship: 0, gender: 0 });
    expect(new Set(byYear.records.map((row) => row.yearOfRegistration))).toEqual(
      new Set(['2015-2019']),
    );
    expect(byYear.generalisedCellShare).toBeCloseTo(22 / (22 * fields.length));
    // Six and six in one year: only the subregion (M49 202, Sub-Saharan Africa) makes a group
    // of 12.
    const byRegion = kAnonymisedCtdcRelease(
      Array.from({ length: 12 }, (_, i) => woman(i % 2 === 0 ? 'NG' : 'GH', '2016')),
    );
    expect(byRegion.recordsSuppressed).toBe(0);
    expect(byRegion.records.every((row) => row.citizenship === '202')).toBe(true);
    expect(byRegion.records.every((row) => row.yearOfRegistration === '2016')).toBe(true);
    // Columns that are not quasi-identifiers pass through unchanged.
    expect(byRegion.records.every((row) => row.isSexualExploit === '1')).toBe(true);
  });

  it('hides minor/adult with the age when the age goes, through the majority columns', () => {
    const records = Array.from({ length: 12 }, (_, i) => ({
      gender: 'Male',
      ageBroad: i < 6 ? '9--17' : '30--38',
      majorityStatus: i < 6 ? 'Minor' : 'Adult',
      majorityStatusAtExploit: i < 6 ? 'Minor' : 'Adult',
      majorityEntry: i < 6 ? 'Minor' : 'Adult',
      citizenship: 'SY',
      CountryOfExploitation: 'TR',
      yearOfRegistration: '2021',
    }));
    const result = kAnonymisedCtdcRelease(records);
    expect(result.recordsSuppressed).toBe(0);
    for (const row of result.records) {
      expect(row.ageBroad).toBe(anyValue);
      expect([row.majorityStatus, row.majorityStatusAtExploit, row.majorityEntry]).toEqual([
        anyValue,
        anyValue,
        anyValue,
      ]);
    }
  });
});
