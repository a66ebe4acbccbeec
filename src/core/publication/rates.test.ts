import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PublishedValue } from '../disclosure/index.js';
import { protectedRate, ratePer100k } from './rates.js';

const shown = (value: number): PublishedValue => ({ kind: 'count', value });
const suppressed: PublishedValue = { kind: 'suppressed' };
const censored: PublishedValue = { kind: 'censored', lower: 0, upper: 4 };
const notAvailable: PublishedValue = { kind: 'not_available' };

describe('ratePer100k', () => {
  it.each([
    [100, 223_800_000, 0.0447],
    [90, 84_400_000, 0.107],
    [0, 5_700_000, 0],
    [1234, 100_000, 1230],
    [7, 38_000_000, 0.0184],
  ])('%i per %i population is %d per 100,000', (count, population, rate) => {
    expect(ratePer100k(count, population)).toBe(rate);
  });

  it('refuses a population that is not positive', () => {
    expect(() => ratePer100k(5, 0)).toThrow(RangeError);
  });
});

describe('protectedRate', () => {
  it.each([
    // [why, parts, rate]
    [
      'a shown figure',
      [{ value: shown(100), population: 200_000_000 }],
      { value: 0.05, suppressed: false },
    ],
    [
      'a suppressed figure stays hidden',
      [{ value: suppressed, population: 5_700_000 }],
      { value: null, suppressed: true },
    ],
    [
      'a <5 figure stays hidden',
      [{ value: censored, population: 5_700_000 }],
      { value: null, suppressed: true },
    ],
    [
      'a partly hidden sum is hidden',
      [
        { value: shown(60), population: 1_000_000 },
        { value: suppressed, population: 1_000_000 },
      ],
      { value: null, suppressed: true },
    ],
    [
      'several years over their summed populations',
      [
        { value: shown(30), population: 1_000_000 },
        { value: shown(10), population: 1_000_000 },
      ],
      { value: 2, suppressed: false },
    ],
    [
      'a year without a figure takes no part',
      [
        { value: shown(30), population: 1_000_000 },
        { value: notAvailable, population: null },
      ],
      { value: 3, suppressed: false },
    ],
    ['no rate without a population', [{ value: shown(30), population: null }], null],
    [
      'no rate when one year lacks its population',
      [
        { value: shown(30), population: 1_000_000 },
        { value: shown(10), population: null },
      ],
      null,
    ],
    ['no rate without a figure', [{ value: notAvailable, population: 1_000_000 }], null],
    ['no rate of nothing', [], null],
  ] as const)('%s', (_why, parts, rate) => {
    expect(protectedRate(parts)).toEqual(rate);
  });

  it('never gives a number when any part is hidden', () => {
    const value = fc.oneof(
      fc.integer({ min: 0, max: 10_000 }).map(shown),
      fc.constant(suppressed),
      fc.constant(censored),
      fc.constant(notAvailable),
    );
    const part = fc.record({
      value,
      population: fc.option(fc.integer({ min: 1, max: 1_500_000_000 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), (parts) => {
        const rate = protectedRate(parts);
        const anyHidden = parts.some(
          (p) => p.value.kind === 'suppressed' || p.value.kind === 'censored',
        );
        if (anyHidden) expect(rate?.value ?? null).toBeNull();
        if (rate !== null) expect(rate.suppressed).toBe(rate.value === null);
      }),
    );
  });
});
