import { seededRandom, type RandomSource } from '../core/cases/demo-cases.js';
import type { GlotipCellKey } from '../shared/glotip-vocabulary.js';
import type { Services } from './app.js';
import type { SystemCellInput } from './modules/returns/index.js';

const system = { actor: { kind: 'system' } as const, requestId: null };

/** The seed of the published demo figures: the same on every installation. */
export const demoPublishedSeed = 20_161_020;

/**
 * Countries with published synthetic figures, with the size of their yearly caseload and the
 * countries their foreign victims come from. The Central African Republic is deliberately tiny:
 * its figures are all below the threshold, so the public map shows it suppressed.
 */
export const demoPublishedCountries: readonly {
  iso3: string;
  scale: number;
  origins: readonly string[];
}[] = [
  { iso3: 'UKR', scale: 60, origins: ['MDA', 'BLR'] },
  { iso3: 'NGA', scale: 80, origins: ['GHA', 'BEN'] },
  { iso3: 'SDN', scale: 40, origins: ['ERI', 'ETH'] },
  { iso3: 'COD', scale: 45, origins: ['RWA', 'UGA'] },
  { iso3: 'COL', scale: 50, origins: ['VEN', 'ECU'] },
  { iso3: 'MMR', scale: 35, origins: ['BGD', 'THA'] },
  { iso3: 'IRQ', scale: 30, origins: ['SYR', 'IRN'] },
  { iso3: 'DEU', scale: 70, origins: ['ROU', 'NGA'] },
  { iso3: 'CAF', scale: 0, origins: ['TCD', 'CMR'] },
];

/** Years (before the current one) each country has published figures for. */
export const demoPublishedYearsAgo: readonly number[] = [5, 4, 3, 2];

/**
 * A second reporting entity publishing for a country-year the member state also reports: the
 * consolidation rule counts the member state's figures and keeps these aside, so the public
 * dashboard shows its sources notice on a fresh installation.
 */
export const demoSecondReport = {
  iso3: 'NGA',
  yearsAgo: 2,
  scale: 55,
  origins: ['GHA', 'NER'],
  type: 'ngo',
  name: 'Demo NGO network NGA (synthetic)',
  slug: 'demo-ngo-nga',
} as const;

const key = (fields: Partial<GlotipCellKey>): GlotipCellKey => ({
  indicator: 'detected_victims',
  dimension: 'total',
  category: 'total',
  sex: 'total',
  age: 'total',
  ...fields,
});

const between = (random: RandomSource, low: number, high: number) =>
  low + Math.floor(random() * (high - low + 1));

/**
 * One country-year of published figures, exact (the publication service protects them):
 * victims by sex × age with margins, by form of exploitation, by citizenship (nationals and two
 * origins) and by conflict link, plus convictions. Breakdowns add up to the total.
 */
export function demoPublishedCells(
  random: RandomSource,
  scale: number,
  origins: readonly string[],
): SystemCellInput[] {
  const cells: SystemCellInput[] = [];
  const put = (fields: Partial<GlotipCellKey>, value: number): void => {
    cells.push({ key: key(fields), value: { kind: 'count', value } });
  };
  const draw = (share: number) => between(random, 1, Math.round(scale * share));
  // A tiny caseload (four victims) stays below the threshold in every cell.
  const grid =
    scale === 0
      ? { female: { adult: 2, minor: 1 }, male: { adult: 1, minor: 0 } }
      : {
          female: { adult: draw(0.8), minor: draw(0.4) },
          male: { adult: draw(0.6), minor: draw(0.3) },
        };
  let total = 0;
  for (const sex of ['female', 'male'] as const) {
    const { adult, minor } = grid[sex];
    put({ sex, age: 'adult' }, adult);
    put({ sex, age: 'minor' }, minor);
    put({ sex }, adult + minor);
    total += adult + minor;
  }
  put({ age: 'adult' }, grid.female.adult + grid.male.adult);
  put({ age: 'minor' }, grid.female.minor + grid.male.minor);
  put({}, total);
  const sexual = Math.round(total * (0.35 + random() * 0.2));
  const labour = Math.round((total - sexual) * (0.5 + random() * 0.3));
  put({ dimension: 'exploitation', category: 'sexual' }, sexual);
  put({ dimension: 'exploitation', category: 'labour' }, labour);
  put({ dimension: 'exploitation', category: 'other' }, total - sexual - labour);
  const [first = 'ZZZ', second = 'ZZZ'] = origins;
  const fromFirst = Math.round(total * (0.15 + random() * 0.2));
  const fromSecond = Math.round((total - fromFirst) * (0.1 + random() * 0.2));
  put({ dimension: 'citizenship', category: first }, fromFirst);
  put({ dimension: 'citizenship', category: second }, fromSecond);
  put({ dimension: 'citizenship', category: 'nationals' }, total - fromFirst - fromSecond);
  const linked = Math.round(total * (0.3 + random() * 0.5));
  put({ dimension: 'conflict', category: 'yes' }, linked);
  put({ dimension: 'conflict', category: 'no' }, total - linked);
  cells.push({
    key: key({ indicator: 'convicted' }),
    value: { kind: 'count', value: Math.round(total * 0.2) },
  });
  return cells;
}

/**
 * Published synthetic figures for a handful of member states, so that the public dashboard has
 * a map, trends and flows to show on a fresh installation. Each country gets its own reporting
 * entity under the Demo organisation; figures are marked synthetic and published as the system.
 * One country-year also has an NGO's return ({@link demoSecondReport}), kept aside. Returns how
 * many returns were published.
 */
export async function addDemoPublishedReturns(
  services: Services,
  demoOrganisationId: string,
): Promise<number> {
  const random = seededRandom(demoPublishedSeed);
  const currentYear = services.now().getUTCFullYear();
  let written = 0;
  for (const country of demoPublishedCountries) {
    const entity = await services.organisations.create(system, {
      name: `Demo reporting entity ${country.iso3} (synthetic)`,
      slug: `demo-ms-${country.iso3.toLowerCase()}`,
      type: 'member_state',
      country: country.iso3,
      parentId: demoOrganisationId,
      requireTwoFactor: false,
    });
    for (const yearsAgo of demoPublishedYearsAgo) {
      await services.returns.saveSystemCells(system, {
        organisationId: entity.id,
        year: currentYear - yearsAgo,
        source: 'synthetic',
        sourceNote: 'Synthetic demo figures, not real data.',
        mode: 'published',
        cells: demoPublishedCells(random, country.scale, country.origins),
      });
      written += 1;
    }
  }
  // After the member states, from the same sequence: their figures stay as they were.
  const ngo = await services.organisations.create(system, {
    name: demoSecondReport.name,
    slug: demoSecondReport.slug,
    type: demoSecondReport.type,
    country: demoSecondReport.iso3,
    parentId: demoOrganisationId,
    requireTwoFactor: false,
  });
  await services.returns.saveSystemCells(system, {
    organisationId: ngo.id,
    year: currentYear - demoSecondReport.yearsAgo,
    source: 'synthetic',
    sourceNote: 'Synthetic demo figures, not real data.',
    mode: 'published',
    cells: demoPublishedCells(random, demoSecondReport.scale, demoSecondReport.origins),
  });
  return written + 1;
}
