import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { belowFiveInterval } from '../../shared/glotip-vocabulary.js';
import { protectionSchema } from '../../shared/public-schemas.js';
import { publicProtection } from './protection.js';
import { tableFromGrid } from './cross-tab.js';
import { roundTable, roundToBase } from './rounding.js';

describe('roundToBase (conventional rounding)', () => {
  it.each([
    [0, 5, 0],
    [1, 5, 0],
    [2, 5, 0],
    [3, 5, 5],
    [4, 5, 5],
    [5, 5, 5],
    [12, 5, 10],
    [13, 5, 15],
    [1, 3, 0],
    [2, 3, 3],
    [4, 3, 3],
    [5, 3, 6],
    [5, 10, 10],
    [14, 10, 10],
  ])('%i to base %i is %i', (value, base, rounded) => {
    expect(roundToBase(value, base)).toBe(rounded);
  });

  it('gives the nearest multiple of the base', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.integer({ min: 2, max: 12 }), (value, base) => {
        const rounded = roundToBase(value, base);
        expect(rounded % base).toBe(0);
        expect(Math.abs(rounded - value) * 2).toBeLessThanOrEqual(base);
      }),
    );
  });

  it.each([1, 0, 2.5, -3])('refuses base %s', (base) => {
    expect(() => roundToBase(7, base)).toThrow(RangeError);
  });
});

describe('roundTable', () => {
  const table = tableFromGrid([
    [1, 2, 3],
    [{ kind: 'censored', ...belowFiveInterval }, 13, 16],
    [4, 15, 19],
  ]);

  it('rounds every count on its own, margins included, and marks it rounded', () => {
    const result = roundTable(table, 5);
    expect(result.cells.map((cell) => [cell.key, cell.value])).toEqual([
      ['total|total', { kind: 'rounded', value: 20, base: 5 }],
      ['total|c1', { kind: 'rounded', value: 5, base: 5 }],
      ['total|c2', { kind: 'rounded', value: 15, base: 5 }],
      ['r1|total', { kind: 'rounded', value: 5, base: 5 }],
      // 1 and 2 both round to 0 while their total rounds to 5: the table need not add up.
      ['r1|c1', { kind: 'rounded', value: 0, base: 5 }],
      ['r1|c2', { kind: 'rounded', value: 0, base: 5 }],
      ['r2|total', { kind: 'rounded', value: 15, base: 5 }],
      ['r2|c1', { kind: 'censored', ...belowFiveInterval }],
      ['r2|c2', { kind: 'rounded', value: 15, base: 5 }],
    ]);
  });

  it('records the base in a protection record of the shared contract', () => {
    const { protection } = roundTable(table, 3);
    expect(protection).toMatchObject({ policy: 'rounding', base: 3, threshold: null, k: null });
    // Published, the two kinds of suppression are counted together.
    const published = publicProtection(protection);
    expect(protectionSchema.parse(published)).toEqual(published);
    expect(published.suppressed).toBe(
      protection.primarySuppressed + protection.secondarySuppressed,
    );
    expect(roundTable(table).protection.base).toBe(5);
  });
});
