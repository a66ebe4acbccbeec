import { AppError } from '../../shared/app-error.js';
import type { IndicatorSet } from './indicator-set.js';
import { ilo2009IndicatorSet } from './indicator-set-ilo-2009.js';

/** Every indicator set Vigil can screen with, by id. */
export const indicatorSets: ReadonlyMap<string, IndicatorSet> = new Map([
  [ilo2009IndicatorSet.id, ilo2009IndicatorSet],
]);

/** The set a screening uses when the request names none. */
export const latestIndicatorSet: IndicatorSet = ilo2009IndicatorSet;

/**
 * The set a request names: nothing (the latest set), a set id (`ilo-2009`, its current version)
 * or an id pinned to a version (`ilo-2009@1`). An unknown set or version is a validation error on
 * `indicatorSetVersion`, so a client never gets a result computed with a set it did not ask for.
 */
export function resolveIndicatorSet(reference?: string): IndicatorSet {
  if (reference === undefined) return latestIndicatorSet;
  const [id = '', version] = reference.split('@');
  const set = indicatorSets.get(id);
  if (set === undefined || (version !== undefined && version !== set.version)) {
    throw new AppError('validation.failed', [
      {
        path: ['indicatorSetVersion'],
        issue: 'unknown_indicator_set',
        message: `No indicator set ${reference}`,
      },
    ]);
  }
  return set;
}
