import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GlotipCellKey, GlotipCellValue } from '../../../shared/glotip-vocabulary.js';
import { publicGlotipResponseSchema } from '../../../shared/public-schemas.js';
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

async function memberState(t: TestApp, slug: string, country: string): Promise<string> {
  const org = await t.services.organisations.create(system, {
    name: `State ${country}`,
    slug,
    type: 'member_state',
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
