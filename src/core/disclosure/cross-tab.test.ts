import { describe, expect, it } from 'vitest';
import {
  crossTab,
  crossTabFromLeaves,
  flatDimension,
  shapeOf,
  tableFromGrid,
} from './cross-tab.js';
import { count, tableFromRelations, type Dimension } from './table-model.js';

const region: Dimension = {
  name: 'country',
  root: {
    code: 'world',
    children: [
      { code: 'europe', children: [{ code: 'UKR' }, { code: 'POL' }] },
      { code: 'africa', children: [{ code: 'SDN' }] },
    ],
  },
};

/** Relations written out by key, e.g. `world = europe + africa`. */
function describeRelations(table: ReturnType<typeof crossTab>): string[] {
  const key = (i: number) => table.cells[i]?.key ?? '?';
  return table.relations.map((r) => `${key(r.total)} = ${r.parts.map(key).join(' + ')}`);
}

describe('cross-tab builders', () => {
  it('a hierarchy gives one relation per subtotal, in depth-first order', () => {
    expect(shapeOf(region)).toEqual({
      name: 'country',
      codes: ['world', 'europe', 'UKR', 'POL', 'africa', 'SDN'],
      parent: [-1, 0, 1, 1, 0, 4],
      children: [[1, 4], [2, 3], [], [], [5], []],
    });
    expect(describeRelations(crossTab([region], () => count(1)))).toEqual([
      'world = europe + africa',
      'europe = UKR + POL',
      'africa = SDN',
    ]);
  });

  it('two dimensions relate along every line, margins included', () => {
    const table = crossTab(
      [flatDimension('sex', ['f', 'm']), flatDimension('age', ['minor', 'adult'])],
      () => count(0),
    );
    expect(table.cells.map((c) => c.key)).toEqual([
      'total|total',
      'total|minor',
      'total|adult',
      'f|total',
      'f|minor',
      'f|adult',
      'm|total',
      'm|minor',
      'm|adult',
    ]);
    expect(describeRelations(table)).toEqual([
      'total|total = f|total + m|total',
      'total|minor = f|minor + m|minor',
      'total|adult = f|adult + m|adult',
      'total|total = total|minor + total|adult',
      'f|total = f|minor + f|adult',
      'm|total = m|minor + m|adult',
    ]);
  });

  it('crossTabFromLeaves sums every subtotal from the categories', () => {
    const leaves: Record<string, number> = {
      'UKR|f': 1,
      'UKR|m': 2,
      'POL|f': 3,
      'POL|m': 4,
      'SDN|f': 5,
      'SDN|m': 6,
    };
    const table = crossTabFromLeaves([region, flatDimension('sex', ['f', 'm'])], (codes) => {
      return leaves[codes.join('|')] ?? -1;
    });
    const value = (key: string) => table.cells.find((c) => c.key === key)?.value;
    expect(value('world|total')).toEqual(count(21));
    expect(value('europe|m')).toEqual(count(6));
    expect(value('africa|total')).toEqual(count(11));
    expect(value('POL|total')).toEqual(count(7));
  });

  it('tableFromGrid reads totals from the last row and column', () => {
    const table = tableFromGrid(
      [
        [1, 2, 3],
        [4, 5, 9],
        [5, 7, 12],
      ],
      {
        rows: ['f', 'm'],
        columns: ['minor', 'adult'],
      },
    );
    expect(table.cells.find((c) => c.key === 'total|total')?.value).toEqual(count(12));
    expect(table.cells.find((c) => c.key === 'm|adult')?.value).toEqual(count(5));
    expect(table.cells.find((c) => c.key === 'f|total')?.value).toEqual(count(3));
  });

  it.each([
    ['a grid without totals', () => tableFromGrid([[1]])],
    ['a ragged grid', () => tableFromGrid([[1, 2], [3]])],
    ['a repeated code', () => crossTab([flatDimension('x', ['a', 'a'])], () => count(1))],
    ['a code with the separator', () => crossTab([flatDimension('x', ['a|b'])], () => count(1))],
    [
      'a duplicate key',
      () =>
        tableFromRelations(
          [
            { key: 'a', value: count(1) },
            { key: 'a', value: count(1) },
          ],
          [],
        ),
    ],
    [
      'an unknown key',
      () => tableFromRelations([{ key: 'a', value: count(1) }], [{ total: 'a', parts: ['b'] }]),
    ],
    [
      'a relation naming a cell twice',
      () => tableFromRelations([{ key: 'a', value: count(1) }], [{ total: 'a', parts: ['a'] }]),
    ],
    [
      'a relation without parts',
      () => tableFromRelations([{ key: 'a', value: count(1) }], [{ total: 'a', parts: [] }]),
    ],
  ])('refuses %s', (_label, build) => {
    expect(build).toThrow(RangeError);
  });
});
