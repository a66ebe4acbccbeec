import type { PopulationFigure } from '../../../core/publication/index.js';

/** A loaded population figure, as the publication path reads it. */
export interface PopulationRow {
  readonly country: string;
  readonly year: number;
  readonly population: number;
  readonly source: string | null;
}

/**
 * Where populations come from. The composition root hands in the populations module's reader
 * (population tables are public data); the publication module imports no other module for it.
 */
export interface PopulationReader {
  listForPublication: () => Promise<readonly PopulationRow[]>;
}

/** Populations by country-year, re-read after `ttlMs` like the published returns. */
export function createPublishedPopulations(
  reader: PopulationReader,
  clock: () => Date,
  ttlMs = 15_000,
): {
  lookup: () => Promise<(country: string, year: number) => PopulationFigure | null>;
  forget: () => void;
} {
  let cached: { at: number; byKey: ReadonlyMap<string, PopulationFigure> } | null = null;
  const keyOf = (country: string, year: number) => `${country}|${String(year)}`;
  return {
    lookup: async () => {
      const now = clock().getTime();
      if (cached === null || now - cached.at >= ttlMs) {
        const rows = await reader.listForPublication();
        const byKey = new Map<string, PopulationFigure>();
        for (const row of rows) {
          if (row.population > 0) {
            byKey.set(keyOf(row.country, row.year), { value: row.population, source: row.source });
          }
        }
        cached = { at: now, byKey };
      }
      const byKey = cached.byKey;
      return (country, year) => byKey.get(keyOf(country, year)) ?? null;
    },
    forget: () => {
      cached = null;
    },
  };
}
