import { coordinatesOf, stridesOf } from './cross-tab.js';
import { reducedRowEchelon, relationRows } from './exact-row-reduction.js';
import type { DimensionShape, StatTable } from './table-model.js';

/**
 * Candidate complementary suppressions for one exposed cell j. Each candidate is the support of
 * a vector z with A·z = 0 (it keeps every relation) and z_j ≠ 0. Hiding all of a candidate's
 * cells protects j and every other cell in it: adding t·z to the true values changes them all
 * and no published cell, so no published information pins them. That is the whole proof of the
 * method, and why the choice among candidates only affects information loss, never safety.
 */

/** Most hypercubes looked at for one cell; beyond it each dimension keeps its cheapest moves. */
const maxHypercubes = 50_000;

/**
 * What a candidate costs: the summed value of the cells it newly hides, and how many; and
 * whether it has slack, i.e. whether x + z or x − z is still a table of non-negative counts.
 * With slack, even a reader who uses non-negativity cannot pin the cells (a second valid table
 * differs in all of them); without it (zeros on both sides) the move exists only on paper.
 */
export interface CandidateCost {
  readonly value: number;
  readonly cells: number;
  readonly slack: boolean;
}

/** Context of one search: what is already hidden, what may never be hidden, what cells cost. */
export interface CandidateContext {
  readonly table: StatTable;
  readonly hidden: ReadonlySet<number>;
  readonly isLocked: (cell: number) => boolean;
  readonly costOf: (cell: number) => number;
  /** The least the true value can be: the count, a censored cell's lower bound, else 0. */
  readonly lowerBoundOf: (cell: number) => number;
  readonly better: (a: CandidateCost, b: CandidateCost) => boolean;
}

interface Candidate {
  readonly cells: readonly number[];
  readonly cost: CandidateCost;
}

/** One move along a dimension: levels with the sign (+1 or −1) of the vector at each. */
export interface Move {
  readonly levels: readonly number[];
  readonly signs: readonly number[];
}

/** True when every cell where the vector has sign `sign` holds at least 1. */
function canStep(
  context: CandidateContext,
  cells: readonly number[],
  signs: readonly number[],
  sign: number,
) {
  return cells.every((c, i) => signs[i] !== sign || context.lowerBoundOf(c) >= 1);
}

/**
 * Keeps `cells` as the best candidate when it is better than the best so far. `signs` are the
 * vector's signs on the cells, or null when unknown (then no slack is claimed).
 */
function consider(
  context: CandidateContext,
  found: { best: Candidate | null },
  cells: readonly number[],
  signs: readonly number[] | null,
): void {
  const fresh = cells.filter((c) => !context.hidden.has(c));
  const slack =
    signs !== null && (canStep(context, cells, signs, -1) || canStep(context, cells, signs, 1));
  const cost = {
    value: fresh.reduce((s, c) => s + context.costOf(c), 0),
    cells: fresh.length,
    slack,
  };
  if (found.best === null || context.better(cost, found.best.cost)) found.best = { cells, cost };
}

function leavesUnder(shape: DimensionShape, level: number): number[] {
  const children = shape.children[level] ?? [];
  return children.length === 0 ? [level] : children.flatMap((c) => leavesUnder(shape, c));
}

/** Levels from `from` up to `stop` (excluded); `stop` = -1 walks through the root. */
function pathUp(shape: DimensionShape, from: number, stop: number): number[] {
  const path: number[] = [];
  for (let level = from; level !== stop && level >= 0; level = shape.parent[level] ?? -1) {
    path.push(level);
  }
  return path;
}

function ancestors(shape: DimensionShape, level: number): Set<number> {
  return new Set(pathUp(shape, level, -1));
}

/**
 * The one-dimensional moves through `level`: supports of vectors over the dimension that keep
 * every subtotal equal to the sum of its children and are non-zero at `level`. Either one leaf
 * below `level` with its whole path to the root (+1 all the way up), or a leaf below `level`
 * and a leaf elsewhere, +1 and −1 on their paths up to (not including) their lowest common
 * ancestor. For a flat dimension these are "this category and another" or "this and the total".
 */
export function movesThrough(shape: DimensionShape, level: number): Move[] {
  const below = leavesUnder(shape, level);
  const belowSet = new Set(below);
  const others = leavesUnder(shape, 0).filter((leaf) => !belowSet.has(leaf));
  const moves: Move[] = [];
  for (const first of below) {
    const toRoot = pathUp(shape, first, -1);
    moves.push({ levels: toRoot, signs: toRoot.map(() => 1) });
    const firstAncestors = ancestors(shape, first);
    for (const second of others) {
      let lca = second;
      while (!firstAncestors.has(lca)) lca = shape.parent[lca] ?? 0;
      const up = pathUp(shape, first, lca);
      const down = pathUp(shape, second, lca);
      moves.push({ levels: [...up, ...down], signs: [...up.map(() => 1), ...down.map(() => -1)] });
    }
  }
  return moves;
}

/**
 * The cheapest hypercube through `cell` of a cross-tab: the tensor product of one move per
 * dimension (a 2×2 rectangle in a flat two-way table, 2×2×2 in three flat dimensions, longer
 * edges along hierarchies). Null when every hypercube touches a locked cell.
 */
export function cheapestHypercube(
  context: CandidateContext,
  cell: number,
): readonly number[] | null {
  const shapes = context.table.shape?.dimensions ?? [];
  const strides = stridesOf(shapes);
  const levels = coordinatesOf(cell, shapes);
  const lineCost = (d: number, move: Move): number =>
    move.levels.reduce((sum, level) => {
      const at = cell + (level - (levels[d] ?? 0)) * (strides[d] ?? 1);
      return sum + (context.hidden.has(at) ? 0 : context.costOf(at));
    }, 0);
  const perDimension = shapes.map((shape, d) =>
    movesThrough(shape, levels[d] ?? 0)
      .map((move) => ({ move, cost: lineCost(d, move) }))
      .sort((a, b) => a.cost - b.cost || a.move.levels.length - b.move.levels.length)
      .map((entry) => entry.move),
  );
  // Keep the search bounded on very wide tables: trim the longest list to its cheapest moves.
  const product = () => perDimension.reduce((p, moves) => p * moves.length, 1);
  while (product() > maxHypercubes) {
    const longest = perDimension.reduce((a, b) => (b.length > a.length ? b : a));
    longest.length = Math.ceil(longest.length / 2);
  }

  const found: { best: Candidate | null } = { best: null };
  // The vector is the tensor product of the moves: a cell's sign is the product of its signs.
  const visit = (d: number, offsets: readonly number[], signs: readonly number[]): void => {
    if (d === shapes.length) {
      if (!offsets.some((c) => context.isLocked(c))) consider(context, found, offsets, signs);
      return;
    }
    const stride = strides[d] ?? 1;
    for (const move of perDimension[d] ?? []) {
      const nextOffsets: number[] = [];
      const nextSigns: number[] = [];
      offsets.forEach((offset, i) => {
        move.levels.forEach((level, m) => {
          nextOffsets.push(offset + level * stride);
          nextSigns.push((signs[i] ?? 1) * (move.signs[m] ?? 1));
        });
      });
      visit(d + 1, nextOffsets, nextSigns);
    }
  };
  // Start from the cell with every coordinate zeroed, then add each dimension's levels.
  visit(0, [cell - levels.reduce((sum, level, d) => sum + level * (strides[d] ?? 1), 0)], [1]);
  return found.best?.cells ?? null;
}

/**
 * A fallback for tables without a cross-tab shape (or whose hypercubes all touch locked cells):
 * a null-space basis vector through `cell` among the unlocked cells. It exists whenever the
 * relations alone do not fix the cell, so the method never stalls on a valid table.
 *
 * The basis vector of a free column f is f plus the pivots whose rows hold f. Ranking columns
 * cheapest first (hidden cells cost nothing) with `cell` last keeps `cell` free and makes the
 * pivots, hence the support, the cheapest cells that can balance it: not always the cheapest
 * vector, but a valid one chosen with its cost in mind.
 */
export function cheapestBasisVector(
  context: CandidateContext,
  cell: number,
): readonly number[] | null {
  if (context.isLocked(cell)) return null;
  const costs = context.table.cells.map((_, i) => (context.hidden.has(i) ? 0 : context.costOf(i)));
  const order = costs
    .map((cost, i) => ({ cost, i }))
    .sort((a, b) => (a.i === cell ? 1 : b.i === cell ? -1 : a.cost - b.cost || a.i - b.i));
  const rank = new Map(order.map((entry, position) => [entry.i, position]));
  const pivots = reducedRowEchelon(
    relationRows(context.table.relations, (column) => !context.isLocked(column)),
    (column) => rank.get(column) ?? column,
  );
  if (pivots.has(cell)) return null;
  const support = [cell];
  for (const [pivot, row] of pivots) if (row.has(cell)) support.push(pivot);
  return support;
}
