import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GlotipCellValue } from '../../shared/glotip-vocabulary.js';
import {
  formatInterval,
  intervalMayBeAtLeast,
  intervalOf,
  intervalsMayBeEqual,
  sumIntervals,
  type Interval,
} from './cell-interval.js';

const point = (value: number): Interval => ({ lower: value, upper: value });
const below5: Interval = { lower: 0, upper: 4 };

describe('intervalOf', () => {
  it.each<[string, GlotipCellValue, Interval | null]>([
    ['a count', { kind: 'count', value: 7 }, point(7)],
    ['zero', { kind: 'count', value: 0 }, point(0)],
    ['<5', { kind: 'censored', lower: 0, upper: 4 }, below5],
    [
      'another censored range',
      { kind: 'censored', lower: 10, upper: 19 },
      { lower: 10, upper: 19 },
    ],
    ['not available', { kind: 'not_available' }, null],
    ['not applicable', { kind: 'not_applicable' }, null],
  ])('%s', (_name, value, expected) => {
    expect(intervalOf(value)).toEqual(expected);
  });
});

describe('interval arithmetic on censored values', () => {
  it.each<[string, Interval[], Interval]>([
    ['empty sum', [], point(0)],
    ['points', [point(3), point(4)], point(7)],
    ['<5 + <5', [below5, below5], { lower: 0, upper: 8 }],
    ['<5 + 3', [below5, point(3)], { lower: 3, upper: 7 }],
    ['three <5 and a count', [below5, below5, below5, point(10)], { lower: 10, upper: 22 }],
  ])('sum: %s', (_name, parts, expected) => {
    expect(sumIntervals(parts)).toEqual(expected);
  });

  it.each<[string, Interval, Interval, boolean]>([
    ['<5 + <5 may be 7', sumIntervals([below5, below5]), point(7), true],
    ['<5 + 3 cannot be 9', sumIntervals([below5, point(3)]), point(9), false],
    ['<5 + 3 may be 7 (upper edge)', sumIntervals([below5, point(3)]), point(7), true],
    ['<5 + 3 may be 3 (lower edge)', sumIntervals([below5, point(3)]), point(3), true],
    ['<5 + 3 cannot be 2', sumIntervals([below5, point(3)]), point(2), false],
    ['<5 may be <5', below5, below5, true],
    ['disjoint ranges', { lower: 0, upper: 4 }, { lower: 5, upper: 9 }, false],
    ['equal points', point(5), point(5), true],
    ['different points', point(5), point(6), false],
  ])('may be equal: %s', (_name, a, b, expected) => {
    expect(intervalsMayBeEqual(a, b)).toBe(expected);
    expect(intervalsMayBeEqual(b, a)).toBe(expected);
  });

  it.each<[string, Interval, Interval, boolean]>([
    ['5 ≥ 3', point(5), point(3), true],
    ['3 ≥ 3', point(3), point(3), true],
    ['3 ≥ 5 impossible', point(3), point(5), false],
    ['<5 may reach 4', below5, point(4), true],
    ['<5 never reaches 5', below5, point(5), false],
    ['3 may be at least <5 (when it hides 0–3)', point(3), below5, true],
    ['0 may be at least <5 (when it hides 0)', point(0), below5, true],
    ['<5 against 10–19', below5, { lower: 10, upper: 19 }, false],
  ])('may be at least: %s', (_name, a, b, expected) => {
    expect(intervalMayBeAtLeast(a, b)).toBe(expected);
  });

  it.each<[Interval, string]>([
    [point(7), '7'],
    [below5, '0–4'],
    [{ lower: 3, upper: 7 }, '3–7'],
  ])('formats %j as %s', (interval, expected) => {
    expect(formatInterval(interval)).toBe(expected);
  });
});

// An interval with a point chosen inside it.
const intervalWithPoint = fc
  .tuple(fc.nat(1000), fc.nat(1000), fc.nat(1000))
  .map(([lower, width, offset]) => ({
    interval: { lower, upper: lower + width },
    point: lower + (width === 0 ? 0 : offset % (width + 1)),
  }));

describe('interval arithmetic properties', () => {
  it('the sum of intervals contains every sum of points chosen in them', () => {
    fc.assert(
      fc.property(fc.array(intervalWithPoint, { maxLength: 12 }), (parts) => {
        const sum = sumIntervals(parts.map((part) => part.interval));
        const total = parts.reduce((acc, part) => acc + part.point, 0);
        expect(total).toBeGreaterThanOrEqual(sum.lower);
        expect(total).toBeLessThanOrEqual(sum.upper);
      }),
    );
  });

  it('the bounds of the sum are reached (the sum is tight)', () => {
    fc.assert(
      fc.property(fc.array(intervalWithPoint, { maxLength: 12 }), (parts) => {
        const sum = sumIntervals(parts.map((part) => part.interval));
        const lows = parts.reduce((acc, part) => acc + part.interval.lower, 0);
        const highs = parts.reduce((acc, part) => acc + part.interval.upper, 0);
        expect(sum).toEqual({ lower: lows, upper: highs });
      }),
    );
  });

  it('summing is order-independent', () => {
    fc.assert(
      fc.property(fc.array(intervalWithPoint, { maxLength: 8 }), (parts) => {
        const intervals = parts.map((part) => part.interval);
        expect(sumIntervals([...intervals].reverse())).toEqual(sumIntervals(intervals));
      }),
    );
  });

  it('"may be equal" holds exactly when some pair of points is equal', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(30), fc.nat(10), fc.nat(30), fc.nat(10)),
        ([aLow, aWidth, bLow, bWidth]) => {
          const a = { lower: aLow, upper: aLow + aWidth };
          const b = { lower: bLow, upper: bLow + bWidth };
          let witness = false;
          for (let x = a.lower; x <= a.upper; x += 1) {
            if (x >= b.lower && x <= b.upper) witness = true;
          }
          expect(intervalsMayBeEqual(a, b)).toBe(witness);
        },
      ),
    );
  });

  it('"may be at least" holds exactly when some point of a is ≥ some point of b', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.nat(30), fc.nat(10), fc.nat(30), fc.nat(10)),
        ([aLow, aWidth, bLow, bWidth]) => {
          const a = { lower: aLow, upper: aLow + aWidth };
          const b = { lower: bLow, upper: bLow + bWidth };
          let witness = false;
          for (let x = a.lower; x <= a.upper; x += 1) {
            for (let y = b.lower; y <= b.upper; y += 1) if (x >= y) witness = true;
          }
          expect(intervalMayBeAtLeast(a, b)).toBe(witness);
        },
      ),
    );
  });
});
