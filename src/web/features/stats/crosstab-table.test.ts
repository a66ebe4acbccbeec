import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { axisKeys, buildCrosstabTable, tableGrid, type Key } from './crosstab-table.js';

const cell = (keys: Key[], count: number) => ({ keys, count });

// Sex × age band × year, as GET /api/stats/crosstab answers it (sorted, not recorded last).
const answer = [
  cell(['Feminine', '18-20', '2024'], 3),
  cell(['Feminine', '9-17', '2024'], 2),
  cell(['Feminine', null, '2025'], 1),
  cell(['Masculine', '18-20', '2025'], 4),
  cell([null, '9-17', '2024'], 5),
];

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('cross-tab table', () => {
  it('lays two axes out with zeros where no case falls, totals on both margins', () => {
    const table = buildCrosstabTable(answer, { row: 0, column: 1, slice: null });
    expect(table.rows).toEqual(['Feminine', 'Masculine', null]);
    expect(table.columns).toEqual(['18-20', '9-17', null]);
    expect(table.counts).toEqual([
      [3, 2, 1],
      [4, 0, 0],
      [0, 5, 0],
    ]);
    expect(table.rowTotals).toEqual([6, 4, 5]);
    expect(table.columnTotals).toEqual([7, 7, 1]);
    expect(table.total).toBe(15);
  });

  it('sums an axis that is not shown, or cuts it to one value', () => {
    const summed = buildCrosstabTable(answer, { row: 2, column: null, slice: null });
    expect(summed.rows).toEqual(['2024', '2025']);
    expect(summed.columns).toEqual([]);
    expect(summed.rowTotals).toEqual([10, 5]);
    const cut = buildCrosstabTable(answer, { row: 0, column: 1, slice: { axis: 2, key: '2025' } });
    expect(cut.rows).toEqual(['Feminine', 'Masculine']);
    expect(cut.counts).toEqual([
      [0, 1],
      [4, 0],
    ]);
    expect(cut.total).toBe(5);
  });

  it('merges keys that map together and orders them as asked, not recorded last', () => {
    const adult = (key: Key) => (key === null ? null : key === '9-17' ? 'Minor' : 'Adult');
    const table = buildCrosstabTable(answer, {
      row: 1,
      column: null,
      slice: null,
      mapKey: (axis, key) => (axis === 1 ? adult(key) : key),
      compare: (_axis, left, right) => right.localeCompare(left),
    });
    expect(table.rows).toEqual(['Minor', 'Adult', null]);
    expect(table.rowTotals).toEqual([7, 7, 1]);
    expect(axisKeys(answer, 2, { compare: (_axis, l, r) => r.localeCompare(l) })).toEqual([
      '2025',
      '2024',
    ]);
  });

  it('writes the table as shown: header, rows with totals, the totals line', () => {
    const table = buildCrosstabTable(answer, { row: 0, column: 2, slice: null });
    const words = {
      corner: 'Sex',
      count: 'Cases',
      total: 'Total',
      rowLabel: (key: Key) => key ?? 'Not recorded',
      columnLabel: (key: Key) => key ?? 'Not recorded',
    };
    expect(tableGrid(table, words)).toEqual([
      ['Sex', '2024', '2025', 'Total'],
      ['Feminine', '5', '1', '6'],
      ['Masculine', '0', '4', '4'],
      ['Not recorded', '5', '0', '5'],
      ['Total', '10', '5', '15'],
    ]);
    const single = buildCrosstabTable(answer, { row: 0, column: null, slice: null });
    expect(tableGrid(single, words)).toEqual([
      ['Sex', 'Cases'],
      ['Feminine', '6'],
      ['Masculine', '4'],
      ['Not recorded', '5'],
      ['Total', '15'],
    ]);
  });

  it('has a grand total equal to the sum of its cells, its rows and its columns', () => {
    const key = fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: null });
    const cells = fc.array(
      fc.record({ keys: fc.tuple(key, key, key), count: fc.integer({ min: 0, max: 1000 }) }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(
        cells,
        fc.constantFrom(0, 1, 2),
        fc.boolean(),
        fc.option(key),
        (input, row, withColumns, sliceKey) => {
          const column = withColumns ? (row + 1) % 3 : null;
          const slice = sliceKey === null ? null : { axis: (row + 2) % 3, key: sliceKey };
          const table = buildCrosstabTable(input, { row, column, slice });
          const kept = input.filter((one) => slice === null || one.keys[slice.axis] === slice.key);
          expect(table.total).toBe(sum(kept.map((one) => one.count)));
          expect(sum(table.rowTotals)).toBe(table.total);
          if (column !== null) {
            expect(sum(table.columnTotals)).toBe(table.total);
            expect(sum(table.counts.flat())).toBe(table.total);
            table.counts.forEach((line, r) => {
              expect(sum(line)).toBe(table.rowTotals[r]);
            });
          }
          // No empty row or column is drawn.
          expect(table.rowTotals.every((value) => value > 0)).toBe(true);
          expect(table.columnTotals.every((value) => value > 0)).toBe(true);
        },
      ),
    );
  });
});
