import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  belowFiveInterval,
  cellKeyString,
  type GlotipAge,
  type GlotipCellKey,
  type GlotipSex,
} from '../../shared/glotip-vocabulary.js';
import { exposedSuppressedCells } from '../disclosure/index.js';
import { isHidden, protectReturn, shownNumber, type PublishableReturn } from './protect-return.js';
import { returnStatTable, type ReturnCell } from './return-stat-table.js';

const sexes: readonly GlotipSex[] = ['female', 'male', 'other', 'unknown'];
const ages: readonly GlotipAge[] = ['minor', 'adult', 'unknown'];

function key(
  category: string,
  sex: GlotipSex,
  age: GlotipAge,
  dimension: GlotipCellKey['dimension'] = category === 'total' ? 'total' : 'citizenship',
): GlotipCellKey {
  return { indicator: 'detected_victims', dimension, category, sex, age };
}

/** A full sex × age grid with consistent margins from its inner values (sex-major). */
function grid(category: string, inner: readonly number[]): ReturnCell[] {
  const at = (s: number, a: number): number => inner[s * ages.length + a] ?? 0;
  const cells: ReturnCell[] = [];
  const put = (sex: GlotipSex, age: GlotipAge, value: number): void => {
    cells.push({ key: key(category, sex, age), value: { kind: 'count', value } });
  };
  let corner = 0;
  sexes.forEach((sex, s) => {
    let row = 0;
    ages.forEach((age, a) => {
      put(sex, age, at(s, a));
      row += at(s, a);
    });
    put(sex, 'total', row);
    corner += row;
  });
  ages.forEach((age, a) => {
    put(
      'total',
      age,
      sexes.reduce((sum, _, s) => sum + at(s, a), 0),
    );
  });
  put('total', 'total', corner);
  return cells;
}

function publishable(cells: readonly ReturnCell[], source = 'entered'): PublishableReturn {
  return {
    returnId: 'r1',
    version: 1,
    country: 'NGA',
    year: 2022,
    source,
    synthetic: false,
    cells,
  };
}

/** Hidden keys of a protected return plus every cell the reader does not know. */
function unknownKeys(input: PublishableReturn): { hidden: string[]; unknown: string[] } {
  const protectedReturn = protectReturn(input);
  const hidden = protectedReturn.cells
    .filter((cell) => isHidden(cell.value))
    .map((cell) => cellKeyString(cell.key));
  const table = returnStatTable(input.cells);
  const shown = new Set(
    protectedReturn.cells
      .filter((cell) => shownNumber(cell.value) !== null)
      .map((cell) => cellKeyString(cell.key)),
  );
  return { hidden, unknown: table.cells.map((c) => c.key).filter((k) => !shown.has(k)) };
}

describe('protectReturn', () => {
  it('hides the small cells of a return and every cell that would give them away', () => {
    const input = publishable(grid('total', [3, 20, 0, 2, 30, 1, 0, 0, 0, 0, 0, 6]));
    const result = protectReturn(input);
    const shownSmall = result.cells.filter((cell) => {
      const value = shownNumber(cell.value);
      return value !== null && value > 0 && value < 5;
    });
    expect(shownSmall).toEqual([]);
    const { hidden, unknown } = unknownKeys(input);
    expect(hidden).toContain(cellKeyString(key('total', 'female', 'minor')));
    const exposed = exposedSuppressedCells(returnStatTable(input.cells), unknown);
    expect(exposed.filter((k) => hidden.includes(k))).toEqual([]);
    expect(result.protection.policy).toBe('suppression');
    expect(result.protection.primarySuppressed).toBe(3); // 3, 2 and 1
    expect(result.protection.secondarySuppressed).toBeGreaterThan(0);
  });

  it('publishes dataUNODC figures as they came, hiding only <5 and its complements', () => {
    const censored = { kind: 'censored', ...belowFiveInterval } as const;
    const cells: ReturnCell[] = [
      { key: key('total', 'total', 'total'), value: { kind: 'count', value: 12 } },
      { key: key('total', 'female', 'total'), value: { kind: 'count', value: 9 } },
      { key: key('total', 'male', 'total'), value: censored },
      { key: key('total', 'other', 'total'), value: { kind: 'count', value: 0 } },
      { key: key('total', 'unknown', 'total'), value: { kind: 'count', value: 0 } },
    ];
    const result = protectReturn(publishable(cells, 'dataunodc'));
    expect(result.protection.policy).toBe('as_published');
    const shown = new Map(
      result.cells.map((cell) => [cellKeyString(cell.key), shownNumber(cell.value)]),
    );
    // Male = 12 − 9 − 0 − 0 would be recomputable: one more figure on that line is hidden.
    expect(shown.get(cellKeyString(key('total', 'male', 'total')))).toBeNull();
    const hiddenOnLine = [...shown.values()].filter((value) => value === null).length;
    expect(hiddenOnLine).toBeGreaterThanOrEqual(2);
  });

  it('never shows a small count and never lets a hidden one be recomputed (property)', () => {
    const inner = fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 12, maxLength: 12 });
    fc.assert(
      fc.property(inner, inner, (total, foreign) => {
        const nga = grid(
          'total',
          total.map((v, i) => v + (foreign[i] ?? 0)),
        );
        const byCitizenship = [
          ...grid('NGA', total).map((c) => ({
            ...c,
            key: { ...c.key, dimension: 'citizenship' as const },
          })),
          ...grid('GHA', foreign).map((c) => ({
            ...c,
            key: { ...c.key, dimension: 'citizenship' as const },
          })),
        ];
        const input = publishable([...nga, ...byCitizenship]);
        const result = protectReturn(input);
        for (const cell of result.cells) {
          const value = shownNumber(cell.value);
          if (value !== null && value > 0) expect(value).toBeGreaterThanOrEqual(5);
        }
        const { hidden, unknown } = unknownKeys(input);
        const exposed = exposedSuppressedCells(returnStatTable(input.cells), unknown);
        expect(exposed.filter((k) => hidden.includes(k))).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });
});
