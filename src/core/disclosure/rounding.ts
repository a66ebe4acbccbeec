import { protectionMethods, type ProtectionRecord, type PublishedCell } from './protection.js';
import type { StatTable } from './table-model.js';

/** The default rounding base. */
export const defaultRoundingBase = 5;

/**
 * Conventional rounding of a count to the nearest multiple of `base`; a remainder of exactly
 * half an even base rounds up. So with base 5, 1–2 become 0 and 3–4 become 5; with base 3, 1
 * becomes 0 and 2 becomes 3. A shown 0 therefore means "fewer than half the base", which is the
 * protection: small counts are not told apart from none.
 */
export function roundToBase(value: number, base: number): number {
  checkBase(base);
  const remainder = value % base;
  return remainder * 2 >= base ? value - remainder + base : value - remainder;
}

function checkBase(base: number): void {
  if (!Number.isInteger(base) || base < 2) {
    throw new RangeError(`A rounding base is a whole number ≥ 2, not ${base}`);
  }
}

/** A rounded table and its protection record. */
export interface RoundingResult {
  readonly cells: readonly PublishedCell[];
  readonly protection: ProtectionRecord;
}

/**
 * The rounding policy: every count, margins included, is rounded on its own (so a rounded table
 * need not add up, and says so by marking each figure as rounded). Censored and empty cells are
 * shown as they are. Deterministic: the same table always gives the same output, so repeated
 * releases cannot be averaged, unlike random rounding.
 */
export function roundTable(table: StatTable, base: number = defaultRoundingBase): RoundingResult {
  checkBase(base);
  return {
    cells: table.cells.map((cell) => ({
      key: cell.key,
      value:
        cell.value.kind === 'count'
          ? { kind: 'rounded', value: roundToBase(cell.value.value, base), base }
          : cell.value,
    })),
    protection: {
      policy: 'rounding',
      method: protectionMethods.rounding,
      threshold: null,
      base,
      k: null,
      primarySuppressed: 0,
      secondarySuppressed: 0,
    },
  };
}
