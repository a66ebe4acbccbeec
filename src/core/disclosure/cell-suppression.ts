import {
  cheapestBasisVector,
  cheapestHypercube,
  type CandidateContext,
  type CandidateCost,
} from './complement-candidates.js';
import { exposedIndices } from './exact-audit.js';
import {
  protectionMethods,
  type ProtectionRecord,
  type PublishedCell,
  type PublishedValue,
} from './protection.js';
import { countOf, type StatTable } from './table-model.js';

/** The default primary-suppression threshold: counts 1–4 are never shown. */
export const defaultSuppressionThreshold = 5;

/** Options of the suppression policy (each output may set its own). */
export interface SuppressionOptions {
  /** Counts with 0 < value < threshold are primary suppressions. Default 5. */
  readonly threshold?: number;
  /**
   * Also suppress zeros. Default false: for victim data a zero says "nobody", which identifies
   * no one, and hiding zeros would hide most of a sparse table. Set it where a zero itself is
   * sensitive (e.g. "no victim in this village was a minor" when the village is known).
   */
  readonly protectZeros?: boolean;
  /**
   * What a complementary suppression costs: `value` minimises the total hidden (then the number
   * of cells), `cells` the number of hidden cells (then the total). Default `value`.
   */
  readonly cost?: 'value' | 'cells';
  /**
   * Keys hidden in an earlier publication of the same table whose values have not changed: they
   * stay hidden and protected, so a reader holding both publications cannot combine what each
   * showed. Counted with the complementary suppressions.
   */
  readonly carriedHidden?: readonly string[];
  /**
   * Keys an earlier publication showed with the values they still have: a reader knows them,
   * so they are never chosen as complements (a table that cannot be protected without them
   * throws, and its return is withheld).
   */
  readonly shownBefore?: readonly string[];
}

/** A protected table: what to show, which cells were hidden why, and the protection record. */
export interface SuppressionResult {
  readonly cells: readonly PublishedCell[];
  /** Keys hidden because they were below the threshold. Internal: never publish the reason. */
  readonly primary: readonly string[];
  /** Keys of censored input cells (e.g. dataUNODC `<5`), treated as primary suppressions. */
  readonly censored: readonly string[];
  /** Keys hidden so that no hidden cell can be recomputed. */
  readonly secondary: readonly string[];
  readonly protection: ProtectionRecord;
}

/** Indices of the cells the threshold rule hides (censored cells are hidden separately). */
export function primarySuppressions(
  table: StatTable,
  threshold: number,
  protectZeros: boolean,
): number[] {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw new RangeError(`A suppression threshold is a whole number ≥ 1, not ${threshold}`);
  }
  const primary: number[] = [];
  table.cells.forEach((cell, i) => {
    const value = countOf(cell.value);
    if (value !== null && value < threshold && (value > 0 || protectZeros)) primary.push(i);
  });
  return primary;
}

/**
 * Adds complementary suppressions to `hidden` (mutated; it is this function's own working set)
 * until no hidden cell that `mustProtect` accepts can be recomputed exactly, and returns the cells it added.
 *
 * Each round runs the exact audit and, for each exposed cell in table order, hides the cheapest
 * candidate through it (see complement-candidates.ts), skipping cells that an earlier candidate
 * of the round already covers. A candidate protects every cell in it, and hiding more never
 * exposes a protected cell; every round hides at least one more cell, so the loop ends, and it
 * ends only when the exact audit passes. One audit per round, not per cell, keeps wide tables
 * fast; the price is that a cell protected in passing by a non-hypercube pattern may still get
 * its own candidate.
 */
export function addComplementarySuppressions(
  table: StatTable,
  hidden: Set<number>,
  mustProtect: (cell: number) => boolean,
  cost: 'value' | 'cells' = 'value',
  known: ReadonlySet<number> = new Set(),
): number[] {
  // A not-applicable cell, and one a reader already knows from an earlier publication, cannot
  // hide anything by being hidden now.
  const isLocked = (cell: number): boolean =>
    table.cells[cell]?.value.kind === 'not_applicable' || known.has(cell);
  const better = (a: CandidateCost, b: CandidateCost): boolean =>
    a.slack !== b.slack
      ? a.slack
      : cost === 'value'
        ? a.value < b.value || (a.value === b.value && a.cells < b.cells)
        : a.cells < b.cells || (a.cells === b.cells && a.value < b.value);
  const context: CandidateContext = {
    table,
    hidden,
    isLocked,
    costOf: (cell) => countOf(table.cells[cell]?.value ?? { kind: 'not_available' }) ?? 0,
    lowerBoundOf: (cell) => {
      const value = table.cells[cell]?.value;
      if (value?.kind === 'count') return value.value;
      return value?.kind === 'censored' ? value.lower : 0;
    },
    better,
  };
  const added: number[] = [];
  for (;;) {
    const exposed = exposedIndices(table, hidden).filter(mustProtect);
    if (exposed.length === 0) return added;
    let progress = false;
    for (const cell of exposed) {
      const candidate =
        (table.shape === null ? null : cheapestHypercube(context, cell)) ??
        cheapestBasisVector(context, cell);
      if (candidate === null) {
        // Only a cell the relations fix by themselves (given not-applicable cells) gets here.
        const key = table.cells[cell]?.key ?? '';
        throw new RangeError(`Cell ${key} is fixed by the table's relations and cannot be hidden`);
      }
      // A candidate that hides nothing new is a null vector inside the hidden cells: this cell
      // was protected by an earlier candidate of the round.
      const fresh = candidate.filter((c) => !hidden.has(c));
      for (const c of fresh) hidden.add(c);
      added.push(...fresh);
      progress ||= fresh.length > 0;
    }
    // The first cell of a round was exposed, so its candidate hides something; if none did, a
    // candidate is broken: stop rather than loop.
    if (!progress) throw new Error('Complementary suppression made no progress');
  }
}

function publishedValue(table: StatTable, cell: number, hidden: ReadonlySet<number>) {
  const value = table.cells[cell]?.value ?? { kind: 'not_available' };
  if (value.kind === 'count' && hidden.has(cell)) return { kind: 'suppressed' } as const;
  return value satisfies PublishedValue;
}

function run(
  table: StatTable,
  primary: readonly number[],
  options: SuppressionOptions,
  describe: (counts: { primary: number; secondary: number }) => ProtectionRecord,
): SuppressionResult {
  const censored: number[] = [];
  const hidden = new Set<number>(primary);
  const carried = new Set(options.carriedHidden ?? []);
  const kept: number[] = [];
  table.cells.forEach((cell, i) => {
    const unknown = cell.value.kind === 'censored' || cell.value.kind === 'not_available';
    if (carried.has(cell.key) && !hidden.has(i) && !unknown) {
      hidden.add(i);
      kept.push(i);
    }
    if (cell.value.kind === 'censored') censored.push(i);
    // Readers do not know a not-available cell either; it is hidden without being protected.
    if (cell.value.kind === 'censored' || cell.value.kind === 'not_available') hidden.add(i);
  });
  // Every hidden figure is protected, complements included (the method makes them safe anyway).
  const mustProtect = (cell: number) => table.cells[cell]?.value.kind !== 'not_available';
  const shownBefore = new Set(options.shownBefore ?? []);
  const known = new Set<number>();
  table.cells.forEach((cell, i) => {
    if (shownBefore.has(cell.key) && !hidden.has(i)) known.add(i);
  });
  const secondary = addComplementarySuppressions(table, hidden, mustProtect, options.cost, known);
  const keys = (cells: readonly number[]) =>
    [...cells].sort((a, b) => a - b).map((cell) => table.cells[cell]?.key ?? '');
  return {
    cells: table.cells.map((cell, i) => ({
      key: cell.key,
      value: publishedValue(table, i, hidden),
    })),
    primary: keys(primary),
    censored: keys(censored),
    secondary: keys([...kept, ...secondary]),
    protection: describe({
      primary: primary.length + censored.length,
      secondary: kept.length + secondary.length,
    }),
  };
}

/**
 * The suppression policy: hide counts below the threshold (and censored input cells), then add
 * complementary suppressions until the exact audit finds no hidden cell that a reader can
 * recompute from the published cells of the table. Cells are never changed, only hidden.
 */
export function suppressTable(
  table: StatTable,
  options: SuppressionOptions = {},
): SuppressionResult {
  const threshold = options.threshold ?? defaultSuppressionThreshold;
  const protectZeros = options.protectZeros ?? false;
  const primary = primarySuppressions(table, threshold, protectZeros);
  return run(table, primary, options, (counts) => ({
    policy: 'suppression',
    method: `${protectionMethods.suppression}; zeros ${protectZeros ? 'hidden' : 'shown'}`,
    threshold,
    base: null,
    k: null,
    primarySuppressed: counts.primary,
    secondarySuppressed: counts.secondary,
  }));
}

/**
 * The policy for figures that are already public (dataUNODC): every figure is shown as it
 * came, its censored `<5` cells are the primary suppressions, and complementary suppression is
 * added only where the source's own table would let a `<5` cell be recomputed.
 */
export function protectAsPublished(
  table: StatTable,
  options: Pick<SuppressionOptions, 'cost' | 'carriedHidden' | 'shownBefore'> = {},
): SuppressionResult {
  return run(table, [], options, (counts) => ({
    policy: 'as_published',
    method: `${protectionMethods.suppression}; censored input cells as primary`,
    threshold: null,
    base: null,
    k: null,
    primarySuppressed: counts.primary,
    secondarySuppressed: counts.secondary,
  }));
}
