import type { Services } from './app.js';

const system = { actor: { kind: 'system' } as const, requestId: null };

/**
 * Populations of the demo countries (orders of magnitude of the early 2020s, rounded), so that
 * the public dashboard shows rates per 100,000 on a fresh installation. Uganda is where the demo
 * GLOTIP returns come from.
 */
export const demoPopulations: Readonly<Record<string, number>> = {
  UKR: 38_000_000,
  NGA: 223_800_000,
  SDN: 48_100_000,
  COD: 102_300_000,
  COL: 52_100_000,
  MMR: 54_600_000,
  IRQ: 45_500_000,
  DEU: 84_400_000,
  CAF: 5_700_000,
  UGA: 48_600_000,
};

/** Years before the current one that get a population (every demo return's year). */
export const demoPopulationYearsAgo: readonly number[] = [6, 5, 4, 3, 2, 1];

/**
 * Imports the demo populations (source `demo`) through the ordinary CSV import, as the system
 * (audited). Earlier years are about 1% smaller a year. Returns how many rows were imported.
 */
export async function addDemoPopulations(services: Services): Promise<number> {
  const currentYear = services.now().getUTCFullYear();
  const lines = ['country,year,population,source'];
  for (const [iso3, base] of Object.entries(demoPopulations)) {
    for (const yearsAgo of demoPopulationYearsAgo) {
      const population = Math.round(base * 0.99 ** (yearsAgo - 1));
      lines.push(`${iso3},${String(currentYear - yearsAgo)},${String(population)},demo`);
    }
  }
  const report = await services.populations.importCsv(system, {
    content: `${lines.join('\n')}\n`,
    dryRun: false,
  });
  return report.created + report.updated + report.unchanged;
}
