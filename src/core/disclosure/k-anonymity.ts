import type { GeneralisationHierarchy } from './generalisation-hierarchies.js';
import { protectionMethods, type ProtectionRecord } from './protection.js';

/** CTDC's k for its k-anonymised global dataset. */
export const defaultK = 11;

/** The default most records that may be suppressed (as a share of the input). */
export const defaultMaxSuppressedShare = 0.05;

/** One record of a record-level release: field → text, as the export files carry it. */
export type ReleaseRecord = Readonly<Record<string, string>>;

/** Options of a k-anonymised release. */
export interface KAnonymityOptions {
  readonly quasiIdentifiers: readonly GeneralisationHierarchy[];
  /** Every combination of quasi-identifier values must occur at least k times. Default 11. */
  readonly k?: number;
  /** Records that may be dropped instead of generalising further. Default 5 %. */
  readonly maxSuppressedShare?: number;
}

/** A k-anonymised release with the loss it cost. */
export interface KAnonymityResult {
  readonly records: readonly ReleaseRecord[];
  /** The generalisation level chosen per quasi-identifier field (0 = as recorded). */
  readonly levels: Readonly<Record<string, number>>;
  readonly recordsSuppressed: number;
  /** Suppressed records over input records. */
  readonly suppressedRecordShare: number;
  /** Released quasi-identifier cells whose value changed, over all input QI cells. */
  readonly generalisedCellShare: number;
  /** QI cells lost with suppressed records, over all input QI cells. */
  readonly suppressedCellShare: number;
  /** False when no generalisation met the suppression budget (the release is still safe). */
  readonly withinBudget: boolean;
  readonly protection: ProtectionRecord;
}

interface NodeOutcome {
  readonly levels: readonly number[];
  readonly kept: readonly boolean[];
  readonly suppressed: number;
  readonly loss: number;
}

/** Groups records by their generalised QI tuple and marks those in groups smaller than k. */
function evaluate(
  tuples: (levels: readonly number[], record: number) => string,
  size: number,
  levels: readonly number[],
  k: number,
  heights: readonly number[],
): NodeOutcome {
  const keys = Array.from({ length: size }, (_, r) => tuples(levels, r));
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const kept = keys.map((key) => (counts.get(key) ?? 0) >= k);
  const loss = levels.reduce((sum, level, d) => sum + level / (heights[d] ?? 1), 0);
  return { levels, kept, suppressed: kept.filter((keep) => !keep).length, loss };
}

/** Every level vector, ordered by the sum of levels (coarser nodes after finer ones). */
function latticeNodes(heights: readonly number[]): number[][] {
  let nodes: number[][] = [[]];
  for (const height of heights) {
    nodes = nodes.flatMap((node) => Array.from({ length: height + 1 }, (_, l) => [...node, l]));
  }
  const sum = (node: readonly number[]) => node.reduce((a, b) => a + b, 0);
  return nodes.sort((a, b) => sum(a) - sum(b));
}

function outranks(a: NodeOutcome, b: NodeOutcome): boolean {
  if (a.loss !== b.loss) return a.loss < b.loss;
  if (a.suppressed !== b.suppressed) return a.suppressed < b.suppressed;
  return a.levels.join(',') < b.levels.join(',');
}

/**
 * k-anonymises records by full-domain generalisation (every value of a quasi-identifier is
 * taken to the same level of its hierarchy) plus record suppression, as in Samarati's and
 * Sweeney's formulation. The search walks the generalisation lattice bottom-up and, like
 * Incognito, skips every node above one that already meets the budget (suppression only falls
 * as values merge, so those nodes can only lose more information). Among the nodes within the
 * budget it keeps the one with the least normalised generalisation (Σ level/height), then the
 * fewest suppressed records. Records in groups smaller than k are dropped, so the release
 * always satisfies k-anonymity; when no node meets the budget the node with the fewest
 * suppressions is used and `withinBudget` is false.
 */
export function kAnonymise(
  records: readonly ReleaseRecord[],
  options: KAnonymityOptions,
): KAnonymityResult {
  const k = options.k ?? defaultK;
  const budgetShare = options.maxSuppressedShare ?? defaultMaxSuppressedShare;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k is a whole number ≥ 1, not ${k}`);
  if (!(budgetShare >= 0 && budgetShare <= 1)) {
    throw new RangeError('The suppression budget is a share between 0 and 1');
  }
  const hierarchies = options.quasiIdentifiers;
  const heights = hierarchies.map((h) => h.height);
  const budget = Math.floor(budgetShare * records.length);

  // Generalising the same value to the same level is memoised: nodes share most of the work.
  const memo = hierarchies.map(() => new Map<string, string>());
  const valueAt = (d: number, record: number, level: number): string => {
    const hierarchy = hierarchies[d];
    const raw = records[record]?.[hierarchy?.field ?? ''] ?? '';
    const memoKey = `${level}\u0000${raw}`;
    let value = memo[d]?.get(memoKey);
    if (value === undefined) {
      value = hierarchy?.generalise(raw, level) ?? raw;
      memo[d]?.set(memoKey, value);
    }
    return value;
  };
  const tuples = (levels: readonly number[], record: number) =>
    JSON.stringify(levels.map((level, d) => valueAt(d, record, level)));

  const satisfying: NodeOutcome[] = [];
  let fewestSuppressed: NodeOutcome | null = null;
  for (const levels of latticeNodes(heights)) {
    const abovePassing = satisfying.some((s) => s.levels.every((l, d) => (levels[d] ?? 0) >= l));
    if (abovePassing) continue;
    const outcome = evaluate(tuples, records.length, levels, k, heights);
    if (outcome.suppressed <= budget) satisfying.push(outcome);
    if (
      fewestSuppressed === null ||
      outcome.suppressed < fewestSuppressed.suppressed ||
      (outcome.suppressed === fewestSuppressed.suppressed && outranks(outcome, fewestSuppressed))
    ) {
      fewestSuppressed = outcome;
    }
  }
  const best =
    satisfying.reduce<NodeOutcome | null>((a, b) => (a === null || outranks(b, a) ? b : a), null) ??
    fewestSuppressed;
  if (best === null) throw new RangeError('The generalisation lattice is empty');
  return release(records, hierarchies, best, valueAt, satisfying.includes(best), k);
}

function release(
  records: readonly ReleaseRecord[],
  hierarchies: readonly GeneralisationHierarchy[],
  chosen: NodeOutcome,
  valueAt: (d: number, record: number, level: number) => string,
  withinBudget: boolean,
  k: number,
): KAnonymityResult {
  const released: ReleaseRecord[] = [];
  let generalisedCells = 0;
  records.forEach((record, r) => {
    if (chosen.kept[r] !== true) return;
    const out: Record<string, string> = { ...record };
    hierarchies.forEach((hierarchy, d) => {
      const value = valueAt(d, r, chosen.levels[d] ?? 0);
      if (value !== record[hierarchy.field]) generalisedCells++;
      out[hierarchy.field] = value;
    });
    released.push(out);
  });
  const qiCells = records.length * hierarchies.length;
  const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  return {
    records: released,
    levels: Object.fromEntries(hierarchies.map((h, d) => [h.field, chosen.levels[d] ?? 0])),
    recordsSuppressed: chosen.suppressed,
    suppressedRecordShare: share(chosen.suppressed, records.length),
    generalisedCellShare: share(generalisedCells, qiCells),
    suppressedCellShare: share(chosen.suppressed * hierarchies.length, qiCells),
    withinBudget,
    protection: {
      policy: 'k_anonymity',
      method: protectionMethods.kAnonymity,
      threshold: null,
      base: null,
      k,
      primarySuppressed: chosen.suppressed,
      secondarySuppressed: 0,
    },
  };
}
