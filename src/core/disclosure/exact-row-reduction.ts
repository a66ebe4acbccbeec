import type { Relation } from './table-model.js';

/**
 * Exact Gauss–Jordan elimination over the integers for the sparse 0/±1 systems that table
 * relations give. Rows are kept as BigInt coefficients divided by their gcd after every step
 * (fraction-free), so no decision ever depends on floating-point rounding, and the result is
 * the reduced row echelon form up to a positive or negative scale of each row.
 */

/** A sparse row: column index → non-zero coefficient. */
export type SparseRow = ReadonlyMap<number, bigint>;

function abs(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Divides a row by the gcd of its coefficients (zero coefficients are never stored). */
function normalise(row: Map<number, bigint>): Map<number, bigint> {
  let divisor = 0n;
  for (const value of row.values()) divisor = gcd(divisor, value);
  if (divisor > 1n) for (const [column, value] of row) row.set(column, value / divisor);
  return row;
}

/** `b·target − a·pivot`, where a and b are their coefficients in `column`; clears `column`. */
function eliminate(target: SparseRow, pivot: SparseRow, column: number): Map<number, bigint> {
  const a = target.get(column) ?? 0n;
  const b = pivot.get(column) ?? 0n;
  const result = new Map<number, bigint>();
  for (const [c, value] of target) result.set(c, value * b);
  for (const [c, value] of pivot) {
    const next = (result.get(c) ?? 0n) - a * value;
    if (next === 0n) result.delete(c);
    else result.set(c, next);
  }
  return normalise(result);
}

/**
 * The reduced row echelon form of `rows` as a map from pivot column to its row. Every pivot row
 * has a zero in every other pivot column, which is what makes membership tests exact: a unit
 * vector e_j lies in the row space iff j is a pivot column whose row has no other entry.
 */
export function reducedRowEchelon(
  rows: Iterable<SparseRow>,
  pivotRank: (column: number) => number = (column) => column,
): Map<number, SparseRow> {
  const pivots = new Map<number, SparseRow>();
  for (const input of rows) {
    let row: SparseRow = input;
    for (const column of [...row.keys()]) {
      const pivotRow = pivots.get(column);
      if (pivotRow !== undefined && row.has(column)) row = eliminate(row, pivotRow, column);
    }
    if (row.size === 0) continue;
    // The lowest-ranked column becomes the pivot: any choice is correct; the rank only decides
    // which basis of the null space falls out (see cheapestBasisVector).
    let pivotColumn = -1;
    for (const column of row.keys()) {
      if (pivotColumn < 0 || pivotRank(column) < pivotRank(pivotColumn)) pivotColumn = column;
    }
    for (const [column, other] of pivots) {
      if (other.has(pivotColumn)) pivots.set(column, eliminate(other, row, pivotColumn));
    }
    pivots.set(pivotColumn, row);
  }
  return pivots;
}

/**
 * Rows of the relations restricted to the columns `keep` accepts (totals +1, parts −1); a
 * relation with no kept column says nothing about them and is left out.
 */
export function relationRows(
  relations: readonly Relation[],
  keep: (column: number) => boolean,
): SparseRow[] {
  const rows: SparseRow[] = [];
  for (const relation of relations) {
    const row = new Map<number, bigint>();
    if (keep(relation.total)) row.set(relation.total, 1n);
    for (const part of relation.parts) if (keep(part)) row.set(part, -1n);
    if (row.size > 0) rows.push(row);
  }
  return rows;
}
