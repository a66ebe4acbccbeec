import { seededRandom, type RandomSource } from '../core/cases/demo-cases.js';
import type { GlotipCellKey, GlotipCellValue, ReturnStatus } from '../shared/glotip-vocabulary.js';
import type { Services } from './app.js';
import type { SystemCellInput } from './modules/returns/index.js';

const system = { actor: { kind: 'system' } as const, requestId: null };

/** The seed of the demo figures: the same on every installation. */
export const demoReturnSeed = 20_240_730;

/** Statuses the demo walks each return to, by entity and years before the current one. */
export const demoReturnPlan: readonly {
  entity: 'kampala' | 'gulu';
  yearsAgo: number;
  status: ReturnStatus;
}[] = [
  { entity: 'kampala', yearsAgo: 5, status: 'published' },
  { entity: 'kampala', yearsAgo: 4, status: 'approved' },
  { entity: 'kampala', yearsAgo: 3, status: 'accepted' },
  { entity: 'kampala', yearsAgo: 2, status: 'submitted' },
  { entity: 'kampala', yearsAgo: 1, status: 'draft' },
  { entity: 'gulu', yearsAgo: 3, status: 'published' },
  { entity: 'gulu', yearsAgo: 2, status: 'returned' },
  { entity: 'gulu', yearsAgo: 1, status: 'draft' },
];

const key = (
  indicator: GlotipCellKey['indicator'],
  fields: Partial<Omit<GlotipCellKey, 'indicator'>> = {},
): GlotipCellKey => ({
  indicator,
  dimension: 'total',
  category: 'total',
  sex: 'total',
  age: 'total',
  ...fields,
});

// As dataUNODC publishes: counts below five appear as `<5`, the interval 0–4.
const published = (count: number): { value: GlotipCellValue; rawText: string } =>
  count < 5
    ? { value: { kind: 'censored', lower: 0, upper: 4 }, rawText: '<5' }
    : { value: { kind: 'count', value: count }, rawText: String(count) };

const between = (random: RandomSource, low: number, high: number) =>
  low + Math.floor(random() * (high - low + 1));

/**
 * One synthetic return's cells: detected victims by sex × age with their margins and by form of
 * exploitation, prosecutions, convictions and offences. Margins are exact sums of the true parts
 * before censoring, so every critical rule holds; convictions never exceed prosecutions.
 */
export function demoReturnCells(random: RandomSource): SystemCellInput[] {
  const cells: SystemCellInput[] = [];
  const put = (cellKey: GlotipCellKey, count: number) => {
    cells.push({ key: cellKey, ...published(count) });
  };
  const parts = {
    female: { adult: between(random, 8, 60), minor: between(random, 2, 30) },
    male: { adult: between(random, 4, 40), minor: between(random, 1, 20) },
  };
  let grand = 0;
  for (const sex of ['female', 'male'] as const) {
    const { adult, minor } = parts[sex];
    put(key('detected_victims', { sex, age: 'adult' }), adult);
    put(key('detected_victims', { sex, age: 'minor' }), minor);
    put(key('detected_victims', { sex }), adult + minor);
    grand += adult + minor;
  }
  put(key('detected_victims', { age: 'adult' }), parts.female.adult + parts.male.adult);
  put(key('detected_victims', { age: 'minor' }), parts.female.minor + parts.male.minor);
  put(key('detected_victims'), grand);
  const sexual = Math.round(grand * (0.4 + random() * 0.2));
  const labour = Math.round((grand - sexual) * (0.6 + random() * 0.3));
  put(key('detected_victims', { dimension: 'exploitation', category: 'sexual' }), sexual);
  put(key('detected_victims', { dimension: 'exploitation', category: 'labour' }), labour);
  put(
    key('detected_victims', { dimension: 'exploitation', category: 'other' }),
    grand - sexual - labour,
  );
  const prosecuted = between(random, 5, 30);
  put(key('formal_contact'), prosecuted + between(random, 0, 20));
  put(key('prosecuted'), prosecuted);
  put(key('convicted'), between(random, 0, prosecuted));
  put(key('offences'), between(random, 1, 25));
  return cells;
}

/**
 * Synthetic GLOTIP returns for the Demo organisation: a national rapporteur with two NGOs below
 * it, each with returns for recent years in every workflow status (marked synthetic, source
 * `synthetic`). Generated from a fixed seed and walked through the real workflow as the system,
 * so history, sealed versions and audit entries are as real ones would be.
 */
export async function addDemoReturns(
  services: Services,
  demoOrganisationId: string,
): Promise<number> {
  const random = seededRandom(demoReturnSeed);
  const currentYear = services.now().getUTCFullYear();
  const org = (slug: string, name: string, parentId: string, type: 'member_state' | 'ngo') =>
    services.organisations.create(system, {
      name,
      slug,
      type,
      country: 'UGA',
      parentId,
      requireTwoFactor: false,
    });
  const national = await org(
    'demo-national-rapporteur',
    'Demo national rapporteur (synthetic)',
    demoOrganisationId,
    'member_state',
  );
  const entities = {
    kampala: await org('demo-ngo-kampala', 'Demo NGO Kampala (synthetic)', national.id, 'ngo'),
    gulu: await org('demo-ngo-gulu', 'Demo NGO Gulu (synthetic)', national.id, 'ngo'),
  };
  const returns = services.returns;
  for (const planned of demoReturnPlan) {
    const { ret } = await returns.saveSystemCells(system, {
      organisationId: entities[planned.entity].id,
      year: currentYear - planned.yearsAgo,
      source: 'synthetic',
      sourceNote: 'Synthetic demo figures, not real data.',
      mode: 'draft',
      cells: demoReturnCells(random),
    });
    if (planned.status === 'draft') continue;
    const detail = await returns.get(system, ret.id);
    const comments = Object.fromEntries(
      detail.violations
        .filter((v) => v.importance === 'warning')
        .map((v) => [v.subject, 'Synthetic demo: explained by the reporting entity.']),
    );
    await returns.submit(system, ret.id, comments);
    if (planned.status === 'returned') {
      await returns.sendBack(system, ret.id, 'Please check the male minors figure (synthetic).');
      continue;
    }
    if (planned.status === 'submitted') continue;
    await returns.accept(system, ret.id);
    if (planned.status === 'accepted') continue;
    await returns.approve(system, ret.id);
    if (planned.status === 'approved') continue;
    await returns.publish(system, ret.id);
  }
  return demoReturnPlan.length;
}
