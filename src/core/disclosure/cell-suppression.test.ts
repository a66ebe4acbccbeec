import { describe, expect, it } from 'vitest';
import { belowFiveInterval } from '../../shared/glotip-vocabulary.js';
import { protectionSchema } from '../../shared/public-schemas.js';
import { publicProtection } from './protection.js';
import { protectAsPublished, suppressTable } from './cell-suppression.js';
import { crossTab, crossTabFromLeaves, flatDimension, tableFromGrid } from './cross-tab.js';
import { exposedSuppressedCells } from './exact-audit.js';
import { count, tableFromRelations, type CellValue } from './table-model.js';

// Golden tables: each expected pattern was worked out by hand (the cheapest hypercube through
// each exposed cell, costs in the comments) before the code ran.

const censored: CellValue = { kind: 'censored', ...belowFiveInterval };
const notApplicable: CellValue = { kind: 'not_applicable' };

function hiddenKeys(result: ReturnType<typeof suppressTable>): string[] {
  return result.cells.filter((cell) => cell.value.kind !== 'count').map((cell) => cell.key);
}

// One small cell (r1|c2 = 3) in a 3 × 3 table with its margins.
const oneSmallCell = () =>
  tableFromGrid([
    [20, 3, 15, 38],
    [12, 18, 10, 40],
    [9, 11, 25, 45],
    [41, 32, 50, 123],
  ]);

describe('suppressTable (golden tables)', () => {
  it('one small cell: the cheapest rectangle through it', () => {
    // Rectangles through r1|c2 and their cost (the three other corners): r3×c1 20+11+9 = 40,
    // r2×c3 15+18+10 = 43, r2×c1 50, r3×c3 51, any with a margin ≥ 93.
    const result = suppressTable(oneSmallCell());
    expect(result.primary).toEqual(['r1|c2']);
    expect(result.secondary).toEqual(['r1|c1', 'r3|c1', 'r3|c2']);
    expect(result.protection).toEqual({
      policy: 'suppression',
      method: 'vigil-cell-suppression/2 (exact linear audit, hypercube complement); zeros shown',
      threshold: 5,
      base: null,
      k: null,
      primarySuppressed: 1,
      secondarySuppressed: 3,
    });
    expect(result.cells.find((cell) => cell.key === 'r1|c2')?.value).toEqual({
      kind: 'suppressed',
    });
    expect(result.cells.find((cell) => cell.key === 'total|total')?.value).toEqual(count(123));
  });

  it('never rests a complement on a cell an earlier publication showed', () => {
    // The cheapest rectangle through r1|c2 uses r3|c1; a reader knows r3|c1 from before, so the
    // next cheapest (r2×c3, 15 + 18 + 10 = 43) is taken.
    const result = suppressTable(oneSmallCell(), { shownBefore: ['r3|c1'] });
    expect(result.secondary).toEqual(['r1|c3', 'r2|c2', 'r2|c3']);
  });

  it('keeps hidden, and protects, the cells an earlier publication hid', () => {
    const grid = tableFromGrid([
      [20, 13, 15, 48],
      [12, 18, 10, 40],
      [9, 11, 25, 45],
      [41, 42, 50, 133],
    ]);
    expect(suppressTable(grid).secondary).toEqual([]);
    const result = suppressTable(grid, { carriedHidden: ['r2|c2'] });
    expect(result.cells.find((cell) => cell.key === 'r2|c2')?.value).toEqual({
      kind: 'suppressed',
    });
    // Hidden alone it could be recomputed from its row: complements protect it, as any.
    expect(result.secondary).toContain('r2|c2');
    expect(result.secondary.length).toBeGreaterThanOrEqual(4);
    expect(result.protection.secondarySuppressed).toBe(result.secondary.length);
    expect(exposedSuppressedCells(grid, result.secondary)).toEqual([]);
  });

  it('a not-applicable cell is never used as a complement (the next cheapest rectangle is)', () => {
    const result = suppressTable(
      tableFromGrid([
        [20, 3, 15, 38],
        [12, 18, 10, 40],
        [notApplicable, 11, 25, 36],
        [32, 32, 50, 114],
      ]),
    );
    expect(result.secondary).toEqual(['r1|c3', 'r2|c2', 'r2|c3']);
  });

  it('prefers a rectangle with slack over a cheaper one that non-negativity would pin', () => {
    // r2×c2 costs 10 but its corners r1|c2 and r2|c2 are both 0 on opposite signs: column c2
    // would give r1|c2 + r2|c2 = 0, so both are 0 and r1|c1 = 3. r3×c2 (21) leaves slack.
    const result = suppressTable(
      tableFromGrid([
        [3, 0, 20, 23],
        [10, 0, 30, 40],
        [12, 9, 25, 46],
        [25, 9, 75, 109],
      ]),
    );
    expect(result.secondary).toEqual(['r1|c2', 'r3|c1', 'r3|c2']);
  });

  it('two small cells in one row share one rectangle', () => {
    // r1|c1 is handled first: r3×c2 costs 9+11 = 20 (r1|c2 is already hidden), r2×c2 30.
    const result = suppressTable(
      tableFromGrid([
        [2, 3, 15, 20],
        [12, 18, 10, 40],
        [9, 11, 25, 45],
        [23, 32, 50, 105],
      ]),
    );
    expect(result.primary).toEqual(['r1|c1', 'r1|c2']);
    expect(result.secondary).toEqual(['r3|c1', 'r3|c2']);
  });

  it('one dimension: the smallest sibling, not the total', () => {
    const result = suppressTable(
      crossTab([flatDimension('form', ['sexual', 'labour', 'other'])], ([form]) =>
        count({ total: 19, sexual: 2, labour: 10, other: 7 }[form ?? 'total'] ?? 0),
      ),
    );
    expect(result.secondary).toEqual(['other']);
  });

  it('three dimensions: the interior cube (202) beats every cube through a margin (≥ 272)', () => {
    const leaves: Record<string, number> = {
      'f|minor|s': 3,
      'f|minor|l': 20,
      'f|adult|s': 30,
      'f|adult|l': 25,
      'm|minor|s': 15,
      'm|minor|l': 40,
      'm|adult|s': 22,
      'm|adult|l': 50,
    };
    const table = crossTabFromLeaves(
      [
        flatDimension('sex', ['f', 'm']),
        flatDimension('age', ['minor', 'adult']),
        flatDimension('form', ['s', 'l']),
      ],
      (codes) => leaves[codes.join('|')] ?? 0,
    );
    const result = suppressTable(table);
    expect(result.primary).toEqual(['f|minor|s']);
    expect(result.secondary).toEqual(Object.keys(leaves).slice(1));
  });

  it('the threshold and the treatment of zeros are per output', () => {
    const table = tableFromGrid([
      [0, 3, 15, 18],
      [12, 18, 10, 40],
      [12, 21, 25, 58],
    ]);
    expect(suppressTable(table).primary).toEqual(['r1|c2']);
    expect(suppressTable(table, { threshold: 3 }).primary).toEqual([]);
    expect(suppressTable(table, { threshold: 4, protectZeros: true }).primary).toEqual([
      'r1|c1',
      'r1|c2',
    ]);
    expect(() => suppressTable(table, { threshold: 0 })).toThrow(RangeError);
  });

  it('"cells" cost hides fewer cells where "value" hides less in total', () => {
    // Through r1|c1 first: r3×c3 costs 5+5+5 = 15 in 3 cells, r2×c2 50+50 = 100 in 2 cells
    // (r2|c2 is already hidden) and protects r2|c2 too. By value, r2|c2 then needs r3×c3
    // (30+40 = 70, r3|c3 now hidden): five cells worth 85 against two worth 100.
    const table = tableFromGrid([
      [2, 50, 5, 57],
      [50, 1, 30, 81],
      [5, 40, 5, 50],
      [57, 91, 40, 188],
    ]);
    expect(suppressTable(table).secondary).toEqual(['r1|c3', 'r2|c3', 'r3|c1', 'r3|c2', 'r3|c3']);
    expect(suppressTable(table, { cost: 'cells' }).secondary).toEqual(['r1|c2', 'r2|c1']);
  });

  it('a general table without a cross-tab shape falls back to its null space', () => {
    const cells = Object.entries({ world: 40, a: 25, b: 15, a1: 3, a2: 22, b1: 7, b2: 8 });
    const table = tableFromRelations(
      cells.map(([key, value]) => ({ key, value: count(value) })),
      [
        { total: 'world', parts: ['a', 'b'] },
        { total: 'a', parts: ['a1', 'a2'] },
        { total: 'b', parts: ['b1', 'b2'] },
      ],
    );
    const result = suppressTable(table);
    // Ranked cheapest first, a2 (22) balances a1 inside its own subtotal; a and world (65
    // together) would also do.
    expect(result.primary).toEqual(['a1']);
    expect(result.secondary).toEqual(['a2']);
    expect(exposedSuppressedCells(table, hiddenKeys(result))).toEqual([]);
  });

  it('refuses to pretend when the relations alone fix a cell', () => {
    // t = a + b and t = a make b zero by construction: no suppression can hide it.
    const table = tableFromRelations(
      [
        { key: 't', value: count(9) },
        { key: 'a', value: count(9) },
        { key: 'b', value: count(2) },
      ],
      [
        { total: 't', parts: ['a', 'b'] },
        { total: 't', parts: ['a'] },
      ],
    );
    expect(() => suppressTable(table)).toThrow(/fixed by the table's relations/);
  });

  it('records satisfy the shared protection contract', () => {
    const result = suppressTable(
      tableFromGrid([
        [1, 9, 10],
        [9, 1, 10],
        [10, 10, 20],
      ]),
    );
    // Published, the two kinds of suppression are counted together.
    const published = publicProtection(result.protection);
    expect(protectionSchema.parse(published)).toEqual(published);
    expect(published.suppressed).toBe(
      result.protection.primarySuppressed + result.protection.secondarySuppressed,
    );
  });
});

describe('protectAsPublished (dataUNODC figures)', () => {
  it('shows every figure as it came and adds complements only where a <5 is recomputable', () => {
    // female|minor is <5 beside a published row total and sibling. Rectangles through it:
    // male×adult 9+6+20 = 35, male×total 44, total×adult 47, total×total 59.
    const table = tableFromGrid(
      [
        [censored, 9, 12],
        [6, 20, 26],
        [9, 29, 38],
      ],
      { rows: ['female', 'male'], columns: ['minor', 'adult'] },
    );
    const result = protectAsPublished(table);
    expect(result.censored).toEqual(['female|minor']);
    expect(result.primary).toEqual([]);
    expect(result.secondary).toEqual(['female|adult', 'male|minor', 'male|adult']);
    expect(result.cells.find((c) => c.key === 'female|minor')?.value).toEqual(censored);
    expect(result.cells.find((c) => c.key === 'male|total')?.value).toEqual(count(26));
    expect(result.protection).toMatchObject({
      policy: 'as_published',
      threshold: null,
      primarySuppressed: 1,
      secondarySuppressed: 3,
    });
  });

  it('adds nothing when UNODC already hid a rectangle, and keeps counts below five', () => {
    const table = tableFromGrid([
      [censored, censored, 7],
      [censored, censored, 8],
      [6, 9, 15],
    ]);
    const result = protectAsPublished(table);
    expect(result.secondary).toEqual([]);
    expect(result.protection.primarySuppressed).toBe(4);
    const small = protectAsPublished(
      tableFromGrid([
        [3, 9, 12],
        [6, 20, 26],
        [9, 29, 38],
      ]),
    );
    expect(small.secondary).toEqual([]);
    expect(small.cells.find((c) => c.key === 'r1|c1')?.value).toEqual(count(3));
  });

  it('treats not-available cells as unknown to readers, without protecting them', () => {
    const rows = (first: CellValue) => [
      [first, { kind: 'not_available' } as const, 12],
      [6, 20, 26],
      [9, 29, 38],
    ];
    // The not-available neighbour already hides one corner: r2×c2 completes the rectangle (26).
    expect(suppressTable(tableFromGrid(rows(count(3)))).secondary).toEqual(['r2|c1', 'r2|c2']);
    // A censored cell may be 0, and so may the not-available one: that rectangle has no slack
    // (x − z would need the censored cell ≥ 1, x + z the not-available one), so r2×total (44).
    const result = protectAsPublished(tableFromGrid(rows(censored)));
    expect(result.secondary).toEqual(['r1|total', 'r2|total', 'r2|c1']);
  });
});
