import type { GlotipCellValue } from '../../shared/glotip-vocabulary.js';

// Interval arithmetic on cell values. A censored value (dataUNODC's `<5`) is the set of counts it
// may hide, never a point guess, so every check on censored figures asks "can this hold for some
// choice of the hidden counts?" and fails only when the answer is no.

/** A closed interval of whole counts; a count `n` is `[n, n]`. */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/** The interval a cell value stands for, or `null` when the cell holds no figure. */
export function intervalOf(value: GlotipCellValue): Interval | null {
  switch (value.kind) {
    case 'count':
      return { lower: value.value, upper: value.value };
    case 'censored':
      return { lower: value.lower, upper: value.upper };
    case 'not_available':
    case 'not_applicable':
      return null;
  }
}

/** The interval of every sum of one point from each part (the empty sum is `[0, 0]`). */
export function sumIntervals(parts: readonly Interval[]): Interval {
  let lower = 0;
  let upper = 0;
  for (const part of parts) {
    lower += part.lower;
    upper += part.upper;
  }
  return { lower, upper };
}

/** True when some point of `a` equals some point of `b` (the intervals overlap). */
export function intervalsMayBeEqual(a: Interval, b: Interval): boolean {
  return a.lower <= b.upper && b.lower <= a.upper;
}

/** True when some point of `a` is at least some point of `b`. */
export function intervalMayBeAtLeast(a: Interval, b: Interval): boolean {
  return a.upper >= b.lower;
}

/** An interval as figures print it: `7` for a point, `3–7` otherwise. */
export function formatInterval(interval: Interval): string {
  return interval.lower === interval.upper
    ? String(interval.lower)
    : `${interval.lower}–${interval.upper}`;
}
