import {
  cellKeyString,
  type GlotipCellKey,
  type GlotipCellValue,
} from '../../shared/glotip-vocabulary.js';
import type { ReturnCellInput } from './return-cells.js';

// The exact difference between two versions of a return's cells: what a reviewer sees when a
// returned questionnaire comes back, and what the audit trail records for a revision.

/** One cell that differs: `before` null = added, `after` null = removed. */
export interface CellChange {
  readonly key: GlotipCellKey;
  readonly before: GlotipCellValue | null;
  readonly after: GlotipCellValue | null;
}

/** True when two cell values are the same figure (a count is never equal to a censored value). */
export function cellValuesEqual(a: GlotipCellValue, b: GlotipCellValue): boolean {
  switch (a.kind) {
    case 'count':
      return b.kind === 'count' && a.value === b.value;
    case 'censored':
      return b.kind === 'censored' && a.lower === b.lower && a.upper === b.upper;
    case 'not_available':
    case 'not_applicable':
      return a.kind === b.kind;
  }
}

function byKey(cells: readonly ReturnCellInput[]): Map<string, ReturnCellInput> {
  // A key given twice keeps its last value, as validation's arithmetic does.
  return new Map(cells.map((cell) => [cellKeyString(cell.key), cell]));
}

/**
 * Cells added, removed or changed between `before` and `after`, ordered by
 * {@link cellKeyString} (code-unit order, independent of locale). Unchanged cells are left out;
 * a change of kind (e.g. 3 → `<5`, or a count → not available) is a change.
 */
export function diffReturnCells(
  before: readonly ReturnCellInput[],
  after: readonly ReturnCellInput[],
): CellChange[] {
  const old = byKey(before);
  const next = byKey(after);
  const keys = [...new Set([...old.keys(), ...next.keys()])].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return keys.flatMap((text): CellChange[] => {
    const was = old.get(text);
    const now = next.get(text);
    if (was !== undefined && now !== undefined) {
      return cellValuesEqual(was.value, now.value)
        ? []
        : [{ key: now.key, before: was.value, after: now.value }];
    }
    if (was !== undefined) return [{ key: was.key, before: was.value, after: null }];
    if (now !== undefined) return [{ key: now.key, before: null, after: now.value }];
    return [];
  });
}
