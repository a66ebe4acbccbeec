import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { belowFiveInterval } from '../../shared/glotip-vocabulary.js';
import { protectAsPublished, suppressTable, type SuppressionResult } from './cell-suppression.js';
import { crossTabFromLeaves, flatDimension } from './cross-tab.js';
import { exposedSuppressedCells } from './exact-audit.js';
import type { Dimension, DimensionNode, StatTable } from './table-model.js';

// Invariants of the suppression policy on random tables, checked by solving: the audit is
// exact linear algebra, and is itself cross-checked against an independent dense rank test.

/** Mostly small counts, so that tables have many cells below any threshold. */
const countArb = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 80 }));

const flatArb = (name: string, max: number) =>
  fc.integer({ min: 1, max }).map((n) =>
    flatDimension(
      name,
      Array.from({ length: n }, (_, i) => `${name}${i + 1}`),
    ),
  );

/** A two-level hierarchy: total → groups → categories (e.g. region → subregion → country). */
const hierarchyArb = (name: string) =>
  fc
    .array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 })
    .map((groups): Dimension => ({
      name,
      root: {
        code: 'total',
        children: groups.map((size, g): DimensionNode => ({
          code: `${name}g${g + 1}`,
          children: Array.from({ length: size }, (_, i) => ({ code: `${name}g${g + 1}c${i + 1}` })),
        })),
      },
    }));

/** A table with all margins from random leaf counts over the given dimensions. */
const tableArb = (dimensions: fc.Arbitrary<Dimension[]>) =>
  fc
    .tuple(dimensions, fc.array(countArb, { minLength: 64, maxLength: 64 }))
    .map(([dims, counts]) => {
      let next = 0;
      return crossTabFromLeaves(dims, () => counts[next++ % counts.length] ?? 0);
    });

const twoWay = tableArb(fc.tuple(flatArb('r', 5), flatArb('c', 5)));
const threeWay = tableArb(fc.tuple(flatArb('s', 3), flatArb('a', 3), flatArb('f', 3)));
const hierarchical = tableArb(fc.tuple(hierarchyArb('g'), flatArb('s', 3)));

const optionsArb = fc.record({
  threshold: fc.integer({ min: 1, max: 10 }),
  protectZeros: fc.boolean(),
  cost: fc.constantFrom('value' as const, 'cells' as const),
});

/** Keys a reader does not see as a number. */
function unseen(result: SuppressionResult): string[] {
  return result.cells.filter((cell) => cell.value.kind !== 'count').map((cell) => cell.key);
}

function checkSuppression(
  table: StatTable,
  options: { threshold: number; protectZeros: boolean; cost: 'value' | 'cells' },
): void {
  const result = suppressTable(table, options);
  result.cells.forEach((cell, i) => {
    if (cell.value.kind !== 'count') return;
    // A published figure is the true figure, and never a small count.
    expect(cell.value).toEqual(table.cells[i]?.value);
    const value = cell.value.value;
    expect(value >= options.threshold || (value === 0 && !options.protectZeros)).toBe(true);
  });
  expect(exposedSuppressedCells(table, unseen(result))).toEqual([]);
  expect(result.protection.primarySuppressed).toBe(result.primary.length);
  expect(result.protection.secondarySuppressed).toBe(result.secondary.length);
  expect(unseen(result).length).toBe(result.primary.length + result.secondary.length);
}

describe('suppressTable properties', () => {
  it.each([
    ['two-way tables with margins', twoWay, 80],
    ['three-way tables with all margins', threeWay, 50],
    ['hierarchical × flat tables', hierarchical, 50],
  ] as const)(
    '%s: no published cell below the threshold, no hidden cell recomputable',
    (_label, tables, runs) => {
      fc.assert(fc.property(tables, optionsArb, checkSuppression), { numRuns: runs });
    },
  );
});

describe('protectAsPublished properties', () => {
  it('censored cells stay censored, other figures as they came, and none is recomputable', () => {
    const censoredTable = fc
      .tuple(twoWay, fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }))
      .map(([table, flags]): StatTable => ({
        ...table,
        // UNODC publishes small counts as `<5`; censor some of them, as its tables do.
        cells: table.cells.map((cell, i) =>
          cell.value.kind === 'count' && cell.value.value < 5 && flags[i % flags.length] === true
            ? { key: cell.key, value: { kind: 'censored' as const, ...belowFiveInterval } }
            : cell,
        ),
      }));
    fc.assert(
      fc.property(censoredTable, (table) => {
        const result = protectAsPublished(table);
        result.cells.forEach((cell, i) => {
          if (cell.value.kind !== 'suppressed') expect(cell.value).toEqual(table.cells[i]?.value);
        });
        expect(exposedSuppressedCells(table, unseen(result))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

/** Rank of integer rows by dense fraction-free elimination (independent of the sparse code). */
function denseRank(rows: bigint[][]): number {
  const matrix = rows.map((row) => [...row]);
  let rank = 0;
  const width = matrix[0]?.length ?? 0;
  for (let column = 0; column < width && rank < matrix.length; column++) {
    const pivot = matrix.findIndex((row, r) => r >= rank && row[column] !== 0n);
    if (pivot < 0) continue;
    [matrix[rank], matrix[pivot]] = [matrix[pivot] ?? [], matrix[rank] ?? []];
    const top = matrix[rank] ?? [];
    for (let r = rank + 1; r < matrix.length; r++) {
      const row = matrix[r] ?? [];
      const factor = row[column] ?? 0n;
      const lead = top[column] ?? 1n;
      matrix[r] = row.map((value, c) => value * lead - (top[c] ?? 0n) * factor);
    }
    rank++;
  }
  return rank;
}

/** Exposed hidden cells by the rank test: e_j is in the row space iff it adds no rank. */
function exposedByRank(table: StatTable, hidden: readonly number[]): number[] {
  const rows = table.relations.map((relation) =>
    hidden.map((cell) => (cell === relation.total ? 1n : relation.parts.includes(cell) ? -1n : 0n)),
  );
  const base = denseRank(rows);
  return hidden.filter((_cell, j) => {
    const unit = hidden.map((_, i) => (i === j ? 1n : 0n));
    return denseRank([...rows, unit]) === base;
  });
}

describe('the exact audit agrees with an independent rank test', () => {
  it('on random hidden sets of random two- and three-way tables', () => {
    const caseArb = fc.oneof(twoWay, threeWay, hierarchical).chain((table) =>
      fc
        .subarray(
          table.cells.map((_, i) => i),
          { maxLength: Math.min(14, table.cells.length) },
        )
        .map((hidden) => ({ table, hidden: hidden.sort((a, b) => a - b) })),
    );
    fc.assert(
      fc.property(caseArb, ({ table, hidden }) => {
        const keys = hidden.map((i) => table.cells[i]?.key ?? '');
        const expected = exposedByRank(table, hidden).map((i) => table.cells[i]?.key ?? '');
        expect(exposedSuppressedCells(table, keys)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
