import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectionSchema } from '../../shared/public-schemas.js';
import { publicProtection } from './protection.js';
import {
  ageHierarchy,
  countryHierarchy,
  mappedHierarchy,
  yearHierarchy,
  type CountryRegions,
} from './generalisation-hierarchies.js';
import { kAnonymise, type ReleaseRecord } from './k-anonymity.js';

const regions: Record<string, CountryRegions> = {
  UKR: { subregion: 'Eastern Europe', region: 'Europe' },
  POL: { subregion: 'Eastern Europe', region: 'Europe' },
  ITA: { subregion: 'Southern Europe', region: 'Europe' },
  NGA: { subregion: 'Sub-Saharan Africa', region: 'Africa' },
  SDN: { subregion: 'Northern Africa', region: 'Africa' },
};
const sex = mappedHierarchy('sex', []);
const age = ageHierarchy('age');
const year = yearHierarchy('year');
const country = countryHierarchy('country', (code) => regions[code]);

describe('generalisation hierarchies', () => {
  it.each([
    [age, '25', ['25', '24-26', 'Adult', '*']],
    [age, '9-17', ['9-17', '9-17', 'Minor', '*']],
    [age, 'n/a', ['n/a', 'Unknown', 'Unknown', '*']],
    [year, '2019', ['2019', '2015-2019', '*']],
    [year, '2020', ['2020', '2020-2024', '*']],
    [country, 'UKR', ['UKR', 'Eastern Europe', 'Europe', '*']],
    [country, 'XXX', ['XXX', 'Unknown', 'Unknown', '*']],
    [sex, 'Female', ['Female', '*']],
  ])('%#: %s goes up its hierarchy', (hierarchy, value, levels) => {
    expect(hierarchy.height).toBe(levels.length - 1);
    expect(levels.map((_, level) => hierarchy.generalise(value, level))).toEqual(levels);
  });
});

// Twelve records in four groups of three once ages are banded and years put in periods.
const base: ReleaseRecord[] = [
  ['F', '25', '2018'],
  ['F', '26', '2019'],
  ['F', '24', '2017'],
  ['F', '10', '2020'],
  ['F', '12', '2021'],
  ['F', '15', '2022'],
  ['M', '30', '2018'],
  ['M', '35', '2016'],
  ['M', '38', '2019'],
  ['M', '40', '2021'],
  ['M', '45', '2020'],
  ['M', '41', '2023'],
].map(([s = '', a = '', y = ''], i) => ({ id: `v${i}`, sex: s, age: a, year: y }));
const outlier: ReleaseRecord = { id: 'v12', sex: 'M', age: '70', year: '2005' };
const qis = { quasiIdentifiers: [sex, age, year], k: 3 };

describe('kAnonymise (golden)', () => {
  it('takes the least generalisation that gives groups of k (age band, 5-year period)', () => {
    // Loss Σ level/height: (0,1,1) = 0.83; the next passing nodes are (0,2,1) 1.17, (0,1,2) 1.33.
    const result = kAnonymise(base, { ...qis, maxSuppressedShare: 0 });
    expect(result.levels).toEqual({ sex: 0, age: 1, year: 1 });
    expect(result.records[0]).toEqual({ id: 'v0', sex: 'F', age: '24-26', year: '2015-2019' });
    expect(result.recordsSuppressed).toBe(0);
    expect(result.generalisedCellShare).toBeCloseTo(24 / 36);
    expect(result.withinBudget).toBe(true);
    // Published, the two kinds of suppression are counted together.
    const published = publicProtection(result.protection);
    expect(protectionSchema.parse(published)).toEqual(published);
    expect(published.suppressed).toBe(
      result.protection.primarySuppressed + result.protection.secondarySuppressed,
    );
    expect(result.protection).toMatchObject({ policy: 'k_anonymity', k: 3, primarySuppressed: 0 });
  });

  it('drops an outlier when the budget allows, and generalises further when it does not', () => {
    const records = [...base, outlier];
    const dropped = kAnonymise(records, { ...qis, maxSuppressedShare: 0.1 });
    expect(dropped.levels).toEqual({ sex: 0, age: 1, year: 1 });
    expect(dropped.records.map((r) => r.id)).not.toContain('v12');
    expect(dropped.recordsSuppressed).toBe(1);
    expect(dropped.suppressedRecordShare).toBeCloseTo(1 / 13);
    expect(dropped.suppressedCellShare).toBeCloseTo(3 / 39);
    // Budget 0: the old man joins the other men once age is Adult and year is `*` (1.67).
    const kept = kAnonymise(records, { ...qis, maxSuppressedShare: 0 });
    expect(kept.levels).toEqual({ sex: 0, age: 2, year: 2 });
    expect(kept.records).toHaveLength(13);
  });

  it('releases nothing, and says the budget was missed, when there are fewer than k records', () => {
    const result = kAnonymise(base, { ...qis, k: 20 });
    expect(result.records).toEqual([]);
    expect(result.recordsSuppressed).toBe(12);
    expect(result.withinBudget).toBe(false);
  });

  it('keeps records already k-anonymous as they are; refuses a bad k or budget', () => {
    const same = Array.from({ length: 11 }, (_, i) => ({ id: `${i}`, sex: 'F', age: '30' }));
    const result = kAnonymise(same, { quasiIdentifiers: [sex, age] });
    expect(result.levels).toEqual({ sex: 0, age: 0 });
    expect(result.records).toEqual(same);
    expect(() => kAnonymise(same, { quasiIdentifiers: [sex], k: 0 })).toThrow(RangeError);
    expect(() => kAnonymise(same, { quasiIdentifiers: [sex], maxSuppressedShare: 2 })).toThrow(
      RangeError,
    );
  });
});

describe('kAnonymise properties', () => {
  const recordArb = fc.record({
    id: fc.uuid(),
    sex: fc.constantFrom('Female', 'Male', 'Unknown'),
    age: fc.oneof(fc.integer({ min: 0, max: 80 }).map(String), fc.constant('')),
    year: fc.integer({ min: 2010, max: 2024 }).map(String),
    country: fc.constantFrom('UKR', 'POL', 'ITA', 'NGA', 'SDN', 'ZZZ'),
  });

  it('no released combination of quasi-identifiers occurs fewer than k times', () => {
    fc.assert(
      fc.property(
        fc.array(recordArb, { maxLength: 120 }),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (records, k, share) => {
          const result = kAnonymise(records, {
            quasiIdentifiers: [sex, age, year, country],
            k,
            maxSuppressedShare: share,
          });
          const groups = new Map<string, number>();
          for (const r of result.records) {
            const key = JSON.stringify([r.sex, r.age, r.year, r.country]);
            groups.set(key, (groups.get(key) ?? 0) + 1);
          }
          for (const size of groups.values()) expect(size).toBeGreaterThanOrEqual(k);
          expect(result.records.length).toBe(records.length - result.recordsSuppressed);
          if (result.withinBudget) {
            expect(result.recordsSuppressed).toBeLessThanOrEqual(
              Math.floor(share * records.length),
            );
          }
          // Released records keep their order and every field that is not a quasi-identifier.
          const byId = new Map(records.map((r) => [r.id, r]));
          expect(result.records.map((r) => r.id)).toEqual(
            records.filter((r) => result.records.some((o) => o.id === r.id)).map((r) => r.id),
          );
          for (const r of result.records) expect(byId.has(r.id ?? '')).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
