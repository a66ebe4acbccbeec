import { cellKeyString } from '../../../shared/glotip-vocabulary.js';
import type { ReturnCellResponse } from '../../../shared/return-schemas.js';

/**
 * The record count of each derived cell, by cell key string. Cells that were not derived
 * (entered by hand, imported) carry no count and are left out, so they show no drill-down.
 */
export function recordCountsOf(cells: readonly ReturnCellResponse[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const cell of cells) {
    if (cell.recordCount !== null) counts.set(cellKeyString(cell.key), cell.recordCount);
  }
  return counts;
}

/** The policy a drill-down starts with: the one asked for if it exists, else the first. */
export function defaultPolicyId(
  policies: readonly { id: string }[],
  wanted: string | null = null,
): string {
  const found = wanted === null ? undefined : policies.find((policy) => policy.id === wanted);
  return found?.id ?? policies[0]?.id ?? '';
}
