import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  belowFiveInterval,
  cellKeyString,
  type GlotipAge,
  type GlotipCellKey,
  type GlotipSex,
} from '../../shared/glotip-vocabulary.js';
import { exposedSuppressedCells, tableFromRelations } from '../disclosure/index.js';
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

const count = (value: number) => ({ kind: 'count', value }) as const;

function publishable(cells: readonly ReturnCell[], source = 'entered'): PublishableReturn {
  return {
    returnId: 'r1',
    version: 1,
    country: 'NGA',
    year: 2022,
    source,
    synthetic: false,
    reporter: {
      organisationName: 'State NGA',
      organisationType: 'member_state',
      publishedAt: '2026-01-01T00:00:00.000Z',
    },
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

  it('protects a hidden cell against a reader who takes blanks for zeros', () => {
    // Female 3 is small; male 10 and the total 13 are shown; other and unknown were left blank.
    // Taking the blanks for zeros gives female = 13 − 10, so one more figure must go.
    const input = publishable([
      { key: key('total', 'total', 'total'), value: { kind: 'count', value: 13 } },
      { key: key('total', 'female', 'total'), value: { kind: 'count', value: 3 } },
      { key: key('total', 'male', 'total'), value: { kind: 'count', value: 10 } },
    ]);
    const result = protectReturn(input);
    const shown = new Map(
      result.cells.map((cell) => [cellKeyString(cell.key), shownNumber(cell.value)]),
    );
    expect(shown.get(cellKeyString(key('total', 'female', 'total')))).toBeNull();
    const stillShown = ['total', 'male'].filter(
      (sex) => shown.get(cellKeyString(key('total', sex as GlotipSex, 'total'))) !== null,
    );
    expect(stillShown.length).toBeLessThanOrEqual(1);
    // The reader's own table, written here independently: total = female + male.
    const reader = tableFromRelations(
      ['total', 'female', 'male'].map((sex) => ({
        key: sex,
        value: { kind: 'count', value: 0 } as const,
      })),
      [{ total: 'total', parts: ['female', 'male'] }],
    );
    const unknown = ['total', 'female', 'male'].filter(
      (sex) => shown.get(cellKeyString(key('total', sex as GlotipSex, 'total'))) === null,
    );
    expect(exposedSuppressedCells(reader, unknown)).toEqual([]);
  });

  it.each([
    ['detailed forms without their group', { sexual_exploitation: 17, pornography: 3 }, 20],
    ['a group beside another group’s details', { sexual: 15, begging: 7, forced_labour: 3 }, 25],
  ])(
    'protects a small form of exploitation reported as %s',
    (_case, forms: Record<string, number>, total) => {
      const exploitation = (category: string): GlotipCellKey =>
        key(category, 'total', 'total', 'exploitation');
      const cells: ReturnCell[] = [
        { key: key('total', 'total', 'total'), value: count(total) },
        ...Object.entries(forms).map(([category, value]) => ({
          key: exploitation(category),
          value: count(value),
        })),
      ];
      const result = protectReturn(publishable(cells));
      const shown = new Map(
        result.cells.map((cell) => [cellKeyString(cell.key), shownNumber(cell.value)]),
      );
      const smallKey = Object.entries(forms).find(([, value]) => value < 5)?.[0] ?? '';
      expect(shown.get(cellKeyString(exploitation(smallKey)))).toBeNull();
      // The reader's sum, as the dashboard does it: the forms make up the total.
      const reader = tableFromRelations(
        ['total', ...Object.keys(forms)].map((k) => ({
          key: k,
          value: { kind: 'count', value: 0 } as const,
        })),
        [{ total: 'total', parts: Object.keys(forms) }],
      );
      const unknown = ['total', ...Object.keys(forms)].filter(
        (k) =>
          shown.get(
            cellKeyString(k === 'total' ? key('total', 'total', 'total') : exploitation(k)),
          ) === null,
      );
      expect(exposedSuppressedCells(reader, unknown)).toEqual([]);
    },
  );

  it('holds against blanks-as-zeros readers on returns with cells left out (property)', () => {
    const inner = fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 12, maxLength: 12 });
    const dropped = fc.array(fc.boolean(), { minLength: 20, maxLength: 20 });
    fc.assert(
      fc.property(inner, dropped, (values, drop) => {
        const full = grid('total', values);
        const cells = full.filter((_, i) => drop[i] !== true);
        const result = protectReturn(publishable(cells));
        const shown = new Set(
          result.cells
            .filter((cell) => shownNumber(cell.value) !== null)
            .map((cell) => cellKeyString(cell.key)),
        );
        // Independent reader: every line of the grid, once with blanks as unknowns and once
        // with them read as zeros (where the line's total is reported and the reading holds).
        const reported = new Set(cells.map((cell) => cellKeyString(cell.key)));
        const allKeys = full.map((cell) => cellKeyString(cell.key));
        const at = (sex: GlotipSex | 'total', age: GlotipAge | 'total') =>
          cellKeyString(key('total', sex, age));
        const lines = [
          ...(['total', ...ages] as const).map((age) => ({
            total: at('total', age),
            parts: sexes.map((sex) => at(sex, age)),
          })),
          ...(['total', ...sexes] as const).map((sex) => ({
            total: at(sex, 'total'),
            parts: ages.map((age) => at(sex, age)),
          })),
        ];
        // A reading that the figures contradict leads a reader astray, not to a hidden value.
        const valueAt = new Map(full.map((cell) => [cellKeyString(cell.key), cell.value]));
        const numberAt = (k: string): number => {
          const value = valueAt.get(k);
          return value?.kind === 'count' ? value.value : 0;
        };
        const readings = lines.flatMap((line) => {
          const kept = line.parts.filter((part) => reported.has(part));
          const holds =
            kept.reduce((sum, part) => sum + numberAt(part), 0) === numberAt(line.total);
          return reported.has(line.total) &&
            kept.length > 0 &&
            kept.length < line.parts.length &&
            holds
            ? [{ total: line.total, parts: kept }]
            : [];
        });
        const reader = tableFromRelations(
          allKeys.map((k) => ({ key: k, value: { kind: 'count', value: 0 } as const })),
          [...lines, ...readings],
        );
        const hidden = allKeys.filter((k) => reported.has(k) && !shown.has(k));
        const unknown = allKeys.filter((k) => !shown.has(k));
        const exposed = exposedSuppressedCells(reader, unknown);
        expect(exposed.filter((k) => hidden.includes(k))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
