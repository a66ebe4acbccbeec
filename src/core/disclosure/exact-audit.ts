import { reducedRowEchelon, relationRows } from './exact-row-reduction.js';
import { cellIndex, type StatTable } from './table-model.js';

/**
 * The suppressed cells (by index) whose value a reader can recompute exactly from the published
 * cells through the table's relations, in ascending order.
 *
 * Why this is exact: write the relations as A·x = 0 and split x into the published part x_P
 * and the unknown part x_S. A reader knows A_S·x_S = −A_P·x_P, whose solutions are one
 * solution plus the null space of A_S. Cell j is the same in every solution iff e_j is
 * orthogonal to that null space, i.e. iff e_j lies in the row space of A_S. In the reduced row
 * echelon form of A_S that happens iff j is a pivot whose row has no other entry.
 */
export function exposedIndices(table: StatTable, unknown: ReadonlySet<number>): number[] {
  const pivots = reducedRowEchelon(relationRows(table.relations, (column) => unknown.has(column)));
  const exposed: number[] = [];
  for (const [column, row] of pivots) if (row.size === 1) exposed.push(column);
  return exposed.sort((a, b) => a - b);
}

/**
 * The keys of the cells in `suppressed` whose exact value can be derived by a linear
 * combination of the other cells of `table` through its relations (solving, not sampling).
 * Every cell not named in `suppressed` counts as known to the reader, so pass every cell that
 * is not shown as a number (suppressed, censored and not-available cells); leaving one out only
 * makes the answer more cautious. Throws a RangeError on an unknown key.
 */
export function exposedSuppressedCells(table: StatTable, suppressed: Iterable<string>): string[] {
  const index = cellIndex(table.cells);
  const unknown = new Set<number>();
  for (const key of suppressed) {
    const at = index.get(key);
    if (at === undefined) throw new RangeError(`Unknown cell key: ${key}`);
    unknown.add(at);
  }
  return exposedIndices(table, unknown).map((at) => table.cells[at]?.key ?? '');
}
