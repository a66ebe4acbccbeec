import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PublicChart } from '../../../shared/public-schemas.js';
import { figureCounts, figureShown, tableViewOf } from './chart-table.js';

const protection: PublicChart['protection'] = {
  policy: 'suppression',
  method: 'threshold 5 v1',
  threshold: 5,
  base: null,
  k: null,
  suppressed: 2,
};

function chartOf(rows: PublicChart['rows'], columns: string[]): PublicChart {
  return { id: 'profile', columns, rows, protection, unavailable: null };
}

const rowArbitrary = fc.record({
  dimensions: fc.record({
    sex: fc.constantFrom('Female', 'Male'),
    age: fc.constantFrom('0 to 17 years', '18 years or over'),
  }),
  value: fc.option(fc.nat(10_000), { nil: null }),
  suppressed: fc.boolean(),
});

describe('a chart’s table', () => {
  it('keeps the chart’s column order and puts the figure last', () => {
    const chart = chartOf(
      [{ dimensions: { age: '0 to 17 years', sex: 'Female' }, value: 12, suppressed: false }],
      ['sex', 'age', 'value'],
    );
    expect(tableViewOf(chart)).toEqual({
      columns: ['sex', 'age'],
      lines: [
        {
          key: 'Female\u241f0 to 17 years',
          cells: ['Female', '0 to 17 years'],
          value: 12,
          suppressed: false,
        },
      ],
    });
  });

  it('falls back to the first row’s dimensions when the answer names no columns', () => {
    const chart = chartOf(
      [{ dimensions: { form: 'Forced labour' }, value: 3, suppressed: false }],
      [],
    );
    expect(tableViewOf(chart).columns).toEqual(['form']);
  });

  it('has one line per row, in order, and never a number for a suppressed figure', () => {
    fc.assert(
      fc.property(fc.array(rowArbitrary, { maxLength: 30 }), (rows) => {
        const table = tableViewOf(chartOf(rows, ['sex', 'age']));
        expect(table.lines).toHaveLength(rows.length);
        expect(new Set(table.lines.map((line) => line.key)).size).toBe(rows.length);
        table.lines.forEach((line, index) => {
          const row = rows[index];
          expect(line.cells).toEqual([row?.dimensions.sex, row?.dimensions.age]);
          if (row?.suppressed === true) expect(line.value).toBeNull();
          else expect(line.value).toBe(row?.value);
        });
        const counts = figureCounts(rows);
        expect(counts.shown + counts.suppressed + counts.missing).toBe(rows.length);
        expect(counts.suppressed).toBe(rows.filter((row) => row.suppressed).length);
      }),
    );
  });

  it.each([
    [
      { value: 7, suppressed: false },
      { kind: 'number', value: 7 },
    ],
    [
      { value: 0, suppressed: false },
      { kind: 'number', value: 0 },
    ],
    [{ value: null, suppressed: true }, { kind: 'suppressed' }],
    // A faulty answer with a figure beside the flag still shows no figure.
    [{ value: 3, suppressed: true }, { kind: 'suppressed' }],
    [{ value: null, suppressed: false }, { kind: 'missing' }],
  ] as const)('shows %o as %o', (figure, shown) => {
    expect(figureShown(figure)).toEqual(shown);
  });
});
