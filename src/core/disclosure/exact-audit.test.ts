import { describe, expect, it } from 'vitest';
import { crossTab, flatDimension, tableFromGrid } from './cross-tab.js';
import { exposedSuppressedCells } from './exact-audit.js';
import { count, tableFromRelations, type StatTable } from './table-model.js';

// A 3×3 table with margins; keys are `<row>|<column>` with `total` for the margins.
const grid = tableFromGrid([
  [20, 3, 15, 38],
  [12, 18, 10, 40],
  [9, 11, 25, 45],
  [41, 32, 50, 123],
]);

/** A general table from `name = value` cells and relations by key. */
function general(values: Record<string, number>, relations: [string, string[]][]): StatTable {
  return tableFromRelations(
    Object.entries(values).map(([key, value]) => ({ key, value: count(value) })),
    relations.map(([total, parts]) => ({ total, parts })),
  );
}

describe('exposedSuppressedCells (exact audit)', () => {
  it.each<[string, string[], string[]]>([
    ['nothing hidden', [], []],
    ['a single hidden cell in a row', ['r1|c2'], ['r1|c2']],
    ['a hidden margin cell alone', ['r1|total'], ['r1|total']],
    [
      'two hidden cells of one row: each column gives it away',
      ['r1|c1', 'r1|c2'],
      ['r1|c1', 'r1|c2'],
    ],
    ['a rectangle of four interior cells', ['r1|c1', 'r1|c2', 'r3|c1', 'r3|c2'], []],
    ['a rectangle through the margins', ['r1|c2', 'r1|total', 'total|c2', 'total|total'], []],
    [
      'a six-cell cycle (no rectangle inside)',
      ['r1|c1', 'r1|c2', 'r2|c2', 'r2|c3', 'r3|c3', 'r3|c1'],
      [],
    ],
    [
      'a rectangle plus a lone cell: only the lone cell is exposed',
      ['r1|c1', 'r1|c2', 'r3|c1', 'r3|c2', 'r2|c3'],
      ['r2|c3'],
    ],
    [
      'three corners of a rectangle: all recomputable',
      ['r1|c1', 'r1|c2', 'r3|c1'],
      ['r1|c1', 'r1|c2', 'r3|c1'],
    ],
  ])('%s', (_label, hidden, exposed) => {
    expect(exposedSuppressedCells(grid, hidden)).toEqual(exposed);
  });

  it('finds a value that only a combination of relations gives (with a fraction ½)', () => {
    // a + b, a + c and b + c are published; a = (T1 + T2 − T3) / 2 although no relation holds
    // fewer than two hidden cells.
    const table = general({ a: 1, b: 2, c: 3, t1: 3, t2: 4, t3: 5 }, [
      ['t1', ['a', 'b']],
      ['t2', ['a', 'c']],
      ['t3', ['b', 'c']],
    ]);
    expect(exposedSuppressedCells(table, ['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
    expect(exposedSuppressedCells(table, ['a', 'b', 'c', 't3'])).toEqual([]);
  });

  it('follows a hierarchy: a subtotal and one of its parts give each other away', () => {
    const table = general({ world: 40, a: 25, b: 15, a1: 3, a2: 22, b1: 7, b2: 8 }, [
      ['world', ['a', 'b']],
      ['a', ['a1', 'a2']],
      ['b', ['b1', 'b2']],
    ]);
    expect(exposedSuppressedCells(table, ['a1', 'a'])).toEqual(['a', 'a1']);
    expect(exposedSuppressedCells(table, ['a1', 'a2'])).toEqual([]);
    expect(exposedSuppressedCells(table, ['a1', 'a', 'b', 'b1'])).toEqual([]);
  });

  it('in three dimensions a cell hidden on every line through it but inside no hypercube is exposed', () => {
    const dims = [flatDimension('sex', ['f', 'm']), flatDimension('age', ['minor', 'adult'])];
    const table = crossTab([...dims, flatDimension('form', ['s', 'l'])], () => count(10));
    // The four cells of one face are a rectangle in two dimensions, but the third dimension's
    // lines through them each hold a single hidden cell.
    const face = ['f|minor|s', 'f|minor|l', 'm|minor|s', 'm|minor|l'];
    expect(exposedSuppressedCells(table, face)).toEqual(face);
    const cube = [...face, 'f|adult|s', 'f|adult|l', 'm|adult|s', 'm|adult|l'];
    expect(exposedSuppressedCells(table, cube)).toEqual([]);
  });

  it('refuses an unknown key', () => {
    expect(() => exposedSuppressedCells(grid, ['nowhere'])).toThrow(RangeError);
  });
});
