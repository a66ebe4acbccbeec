import type { PopulationFigureRow, PopulationRejection } from '../../../core/populations/index.js';

/** A population figure as stored. */
export interface StoredPopulation {
  country: string;
  year: number;
  population: number;
  source: string | null;
  updatedAt: string;
}

/** What one import did to a row of the file. */
export type PopulationOutcome = 'created' | 'updated' | 'unchanged';

/** What an import did (or, in a dry run, would do). */
export interface PopulationImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: PopulationRejection[];
}

/**
 * Compares a checked row with what is stored: new, different (figure or source) or the same.
 * An import writes only created and updated rows, so importing the same file twice changes
 * nothing the second time.
 */
export function outcomeOf(
  row: PopulationFigureRow,
  stored: StoredPopulation | undefined,
): PopulationOutcome {
  if (stored === undefined) return 'created';
  return stored.population === row.population && stored.source === row.source
    ? 'unchanged'
    : 'updated';
}
