import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GlotipCellKey, GlotipCellValue } from '../../../shared/glotip-vocabulary.js';
import {
  publicDashboardResponseSchema,
  publicGlotipResponseSchema,
} from '../../../shared/public-schemas.js';
import { databaseKinds } from '../../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { publicRoutePaths } from './public-routes.js';

const system = { actor: { kind: 'system' } as const, requestId: null };
const count = (value: number): GlotipCellValue => ({ kind: 'count', value });
const belowFive: GlotipCellValue = { kind: 'censored', lower: 0, upper: 4 };

function victims(
  sex: GlotipCellKey['sex'],
  age: GlotipCellKey['age'],
  value: GlotipCellValue,
  dimension: GlotipCellKey['dimension'] = 'total',
  category = 'total',
): { key: GlotipCellKey; value: GlotipCellValue } {
  return { key: { indicator: 'detected_victims', dimension, category, sex, age }, value };
}

async function memberState(
  t: TestApp,
  slug: string,
  country: string,
  type: 'member_state' | 'ngo' = 'member_state',
  name = `State ${country}`,
): Promise<string> {
  const org = await t.services.organisations.create(system, {
    name,
    slug,
    type,
    country,
    parentId: null,
    requireTwoFactor: false,
  });
  return org.id;
}

describe.each(databaseKinds)('public open-data routes (%s)', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
    const nga = await memberState(t, 'nga', 'NGA');
    const gha = await memberState(t, 'gha', 'GHA');
    // Nigeria: a figure UNODC published as <5 beside a total that would give it away.
    await t.services.returns.saveSystemCells(system, {
      organisationId: nga,
      year: 2021,
      source: 'dataunodc',
      mode: 'published',
      cells: [
        victims('total', 'total', count(40)),
        victims('female', 'total', count(37)),
        victims('male', 'total', belowFive),
        victims('other', 'total', count(0)),
        victims('unknown', 'total', count(0)),
        victims('total', 'total', count(9), 'citizenship', 'GHA'),
        victims('total', 'total', count(31), 'citizenship', 'nationals'),
      ],
    });
    // Ghana: Vigil's own figures with small counts, protected by the threshold rule.
    await t.services.returns.saveSystemCells(system, {
      organisationId: gha,
      year: 2021,
      source: 'synthetic',
      mode: 'published',
      cells: [
        victims('total', 'total', count(14)),
        victims('female', 'total', count(11)),
        victims('male', 'total', count(3)),
        victims('other', 'total', count(0)),
        victims('unknown', 'total', count(0)),
      ],
    });
    // A draft never reaches the public: Nigeria 2022 stays unpublished.
    await t.services.returns.saveSystemCells(system, {
      organisationId: nga,
      year: 2022,
      source: 'derived',
      mode: 'draft',
      cells: [victims('total', 'total', count(2))],
    });
  });
  afterEach(async () => {
    await t.close();
  });

  it('serves a country-year without sign-in, suppressed cells as null', async () => {
    const response = await t.call(null, 'GET', '/api/public/stats/glotip?country=GHA&year=2021');
    expect(response.statusCode).toBe(200);
    const body = publicGlotipResponseSchema.parse(response.json());
    expect(body.protection.policy).toBe('suppression');
    // Small figures and their complements are counted together, never apart.
    expect(Object.keys(response.json<{ protection: object }>().protection).sort()).toEqual([
      'base',
      'k',
      'method',
      'policy',
      'suppressed',
      'threshold',
    ]);
    const male = body.cells.find((cell) => cell.sex === 'Male');
    expect(male).toMatchObject({
      value: null,
      suppressed: true,
      indicator: 'Detected trafficking victims',
    });
    for (const cell of body.cells) {
      if (cell.value !== null && cell.value > 0) expect(cell.value).toBeGreaterThanOrEqual(5);
    }
    // Female = 14 − 3 − 0 − 0 would give Male away: it is hidden too (or the total is).
    expect(body.cells.filter((cell) => cell.suppressed).length).toBeGreaterThanOrEqual(2);
  });

  it('publishes dataUNODC figures as they came, <5 hidden with its complement', async () => {
    const response = await t.call(null, 'GET', '/api/public/stats/glotip?country=NGA&year=2021');
    const body = publicGlotipResponseSchema.parse(response.json());
    expect(body.protection.policy).toBe('as_published');
    expect(body.cells.find((cell) => cell.sex === 'Male')).toMatchObject({
      value: null,
      suppressed: true,
    });
    expect(body.cells.find((cell) => cell.category === 'Ghana')?.value).toBe(9);
  });

  it('answers 404 for a year that is not published, never the draft', async () => {
    const response = await t.call(null, 'GET', '/api/public/stats/glotip?country=NGA&year=2022');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'publication.not_found' });
  });

  it('lets caches keep open data briefly and answers 304 when it has not changed', async () => {
    const first = await t.call(null, 'GET', '/api/public/dashboard?lang=fr');
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=15');
    const etag = first.headers.etag;
    expect(typeof etag).toBe('string');
    const again = await t.app.inject({
      method: 'GET',
      url: '/api/public/dashboard?lang=fr',
      headers: { 'if-none-match': String(etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers['cache-control']).toBe('public, max-age=15');
    // Another answer has another tag.
    const english = await t.call(null, 'GET', '/api/public/dashboard?lang=en');
    expect(english.headers.etag).not.toBe(etag);
    // Errors, and everything outside /api/public, are never kept.
    const missing = await t.call(null, 'GET', '/api/public/stats/glotip?country=NGA&year=2022');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    const login = await t.call(null, 'POST', '/api/auth/login', {
      email: 'x@example.org',
      password: 'y',
    });
    expect(login.headers['cache-control']).toBe('no-store');
    expect(login.headers.etag).toBeUndefined();
  });

  it('names the regions of each scheme in the language asked, English by default', async () => {
    const names = async (query: string) => {
      const response = await t.call(null, 'GET', `/api/public/regions?${query}`);
      expect(response.statusCode).toBe(200);
      return response.json<{ regions: { code: string; name: string; parent: string | null }[] }>()
        .regions;
    };
    expect(await names('scheme=m49')).toContainEqual({
      code: '202',
      name: 'Sub-Saharan Africa',
      parent: '002',
    });
    expect(await names('scheme=m49&lang=ar')).toContainEqual({
      code: '002',
      name: 'أفريقيا',
      parent: null,
    });
    expect(await names('scheme=glotip_2018&lang=fr')).toContainEqual({
      code: 'sub_saharan_africa',
      name: 'Afrique subsaharienne',
      parent: 'africa_middle_east',
    });
  });

  it('builds the dashboard and a download equal to its table', async () => {
    const dashboard = await t.call(null, 'GET', '/api/public/dashboard?lang=fr');
    expect(dashboard.statusCode).toBe(200);
    const body = dashboard.json<{
      synthetic: boolean;
      charts: { id: string; rows: unknown[] }[];
    }>();
    expect(body.synthetic).toBe(true);
    const map = body.charts.find((chart) => chart.id === 'map');
    expect(map?.rows).toContainEqual({
      dimensions: { country: 'NGA', m49: '566', countryName: 'Nigéria' },
      value: 40,
      suppressed: false,
    });
    const csv = await t.call(null, 'GET', '/api/public/download?chart=map&format=csv&lang=fr');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe('country,m49,countryName,value,suppressed,protection');
    expect(lines).toHaveLength((map?.rows.length ?? 0) + 1);
    expect(lines.some((line) => line.startsWith('NGA,566,Nigéria,40,false,'))).toBe(true);
    const filtered = await t.call(
      null,
      'GET',
      '/api/public/dashboard?scheme=m49&region=002&yearFrom=2021',
    );
    expect(filtered.statusCode).toBe(200);
  });

  it('counts one return per country-year and lists the others beside it', async () => {
    // Two more reporters for Nigeria 2021: an NGO, and the national rapporteur (a member-state
    // entity of its own beside `ms-nga`, which holds the dataUNODC import).
    const ngo = await memberState(t, 'ngo-nga', 'NGA', 'ngo', 'Shelter network Nigeria');
    const rapporteur = await memberState(t, 'nr-nga', 'NGA', 'member_state', 'Rapporteur NGA');
    for (const [organisationId, total] of [
      [ngo, 100],
      [rapporteur, 55],
    ] as const) {
      await t.services.returns.saveSystemCells(system, {
        organisationId,
        year: 2021,
        source: 'entered',
        mode: 'published',
        cells: [
          victims('total', 'total', count(total)),
          victims('female', 'total', count(total - 20)),
          victims('male', 'total', count(20)),
        ],
      });
    }
    const response = await t.call(null, 'GET', '/api/public/dashboard');
    expect(response.statusCode).toBe(200);
    const body = publicDashboardResponseSchema.parse(response.json());
    const map = body.charts.find((chart) => chart.id === 'map');
    // The national figure alone: not 55 + 40 + 100.
    expect(map?.rows.find((row) => row.dimensions.country === 'NGA')).toMatchObject({
      value: 55,
      suppressed: false,
    });
    const kpis = body.charts.find((chart) => chart.id === 'kpis')?.rows ?? [];
    const shownGha = map?.rows.find((row) => row.dimensions.country === 'GHA')?.value ?? 0;
    expect(kpis[0]?.value).toBe(55 + shownGha);
    expect(kpis[0]?.value).toBeLessThan(100);
    expect(map?.protection.method).toMatch(/2 kept aside/);
    expect(body.consolidation).toMatchObject({
      rule: 'vigil-one-per-country-year/1',
      descriptionKey: 'one_per_country_year',
      keptAside: 2,
    });
    const nga = body.consolidation.sources.find((entry) => entry.country === 'NGA');
    expect(nga?.counted).toMatchObject({
      organisationName: 'Rapporteur NGA',
      organisationType: 'member_state',
      source: 'entered',
    });
    expect(nga?.keptAside.map((report) => [report.organisationName, report.source])).toEqual([
      ['State NGA', 'dataunodc'],
      ['Shelter network Nigeria', 'entered'],
    ]);
    expect(body.consolidation.sources.map((entry) => entry.country)).toEqual(['GHA', 'NGA']);

    const glotip = publicGlotipResponseSchema.parse(
      (await t.call(null, 'GET', '/api/public/stats/glotip?country=NGA&year=2021')).json(),
    );
    expect(glotip.source).toBe('entered');
    expect(glotip.cells.find((cell) => cell.sex === 'Total')?.value).toBe(55);
    expect(glotip.consolidation.sources).toHaveLength(1);
    expect(glotip.consolidation.sources[0]?.keptAside).toHaveLength(2);
    // Nothing but the allow-listed fields describes a reporter: no ids.
    expect(JSON.stringify(glotip.consolidation)).not.toMatch(
      new RegExp(`${ngo}|${rapporteur}|returnId|organisationId`),
    );
  });

  it('registers /api/public routes only from the publication module, which reads no repository', () => {
    const registered = t.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .map((line) => /(\/api\/public\/[^\s(]*)/.exec(line)?.[1])
      .filter((path): path is string => path !== undefined);
    expect(new Set(registered)).toEqual(new Set(publicRoutePaths));
    const source = readFileSync(new URL('./public-routes.ts', import.meta.url), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
    expect(imports.sort()).toEqual([
      '../../../shared/public-schemas.js',
      '../../platform/http/app-factory.js',
      './publication-service.js',
    ]);
  });
});
