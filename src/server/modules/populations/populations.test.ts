import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GlotipCellKey, GlotipCellValue } from '../../../shared/glotip-vocabulary.js';
import {
  populationImportReportSchema,
  populationListResponseSchema,
} from '../../../shared/population-schemas.js';
import {
  publicDashboardResponseSchema,
  publicGlotipResponseSchema,
} from '../../../shared/public-schemas.js';
import { databaseKinds } from '../../../test-support/test-db.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';

const system = { actor: { kind: 'system' } as const, requestId: null };
const url = '/api/populations/import';

const goodFile = [
  'country,year,population,source',
  'NGA,2021,213401323,UN WPP 2022',
  'Ghana,2021,32833031,UN WPP 2022',
  'Allemagne,2021,83196078,',
].join('\n');

async function stored(t: TestApp) {
  const response = await t.call(t.admin, 'GET', '/api/populations');
  return populationListResponseSchema.parse(response.json()).items;
}

describe.each(databaseKinds)('population table (%s)', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  it('walks the ladder for POST /api/populations/import', async () => {
    // 401: no session
    expect((await t.call(null, 'POST', url, { csv: goodFile })).statusCode).toBe(401);
    // 403: holding publication.manage in an organisation is not enough: installation-wide data
    const reviewer = await t.userWithRole('reviewer');
    const denied = await t.call(reviewer, 'POST', url, { csv: goodFile, dryRun: false });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'access.denied' });
    // 400: exact code and field path, from the body schema and from the file's header
    const invalid = await t.call(t.admin, 'POST', url, { csv: goodFile, dryRun: 'no' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({
      code: 'validation.failed',
      details: [{ path: ['body', 'dryRun'] }],
    });
    const badHeader = await t.call(t.admin, 'POST', url, {
      csv: 'country,year,people\nNGA,2021,5',
    });
    expect(badHeader.statusCode).toBe(400);
    expect(badHeader.json()).toMatchObject({
      code: 'validation.failed',
      details: [
        { path: ['body', 'csv', 'header', 'people'], issue: 'unknown_column' },
        { path: ['body', 'csv', 'header', 'population'], issue: 'missing_column' },
      ],
    });
    // 2xx: a dry run (the default) writes nothing and is not audited
    const dry = await t.call(t.admin, 'POST', url, { csv: goodFile });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({
      dryRun: true,
      created: 3,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      rejections: [],
    });
    expect(await stored(t)).toEqual([]);
    expect(await t.auditActions('population.import')).toEqual([]);
    // 2xx: the import itself
    const real = await t.call(t.admin, 'POST', url, { csv: goodFile, dryRun: false });
    expect(real.statusCode).toBe(200);
    const report = populationImportReportSchema.parse(real.json());
    expect(report).toMatchObject({ dryRun: false, created: 3, rejected: 0 });
    // audit entry, in the same transaction as the write
    expect(await t.auditActions('population.import')).toEqual([
      { actorId: t.admin.userId, targetId: null, outcome: 'success' },
    ]);
    // presenter: only allow-listed fields
    const rows = await stored(t);
    expect(rows.map((row) => [row.country, row.year, row.population, row.source])).toEqual([
      ['DEU', 2021, 83_196_078, null],
      ['GHA', 2021, 32_833_031, 'UN WPP 2022'],
      ['NGA', 2021, 213_401_323, 'UN WPP 2022'],
    ]);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(
      ['country', 'population', 'source', 'updatedAt', 'year'].sort(),
    );
  });

  it('is idempotent: the same file again changes nothing, a changed row is updated', async () => {
    await t.services.populations.importCsv(system, { content: goodFile, dryRun: false });
    const before = await stored(t);
    t.clock.advance(60_000);
    const again = await t.services.populations.importCsv(system, {
      content: goodFile,
      dryRun: false,
    });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await stored(t)).toEqual(before);
    const changed = goodFile.replace('32833031,UN WPP 2022', '32833031,UN WPP 2024');
    const dry = await t.services.populations.importCsv(system, { content: changed, dryRun: true });
    expect(dry).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    expect(await stored(t)).toEqual(before);
    const update = await t.services.populations.importCsv(system, {
      content: `${changed}\nUKR,2021,43531422,UN WPP 2022`,
      dryRun: false,
    });
    expect(update).toMatchObject({ created: 1, updated: 1, unchanged: 2 });
    const after = await stored(t);
    expect(after.find((row) => row.country === 'GHA')?.source).toBe('UN WPP 2024');
    expect(after.find((row) => row.country === 'NGA')).toEqual(
      before.find((row) => row.country === 'NGA'),
    );
  });

  it('reports bad rows by line, column, value and reason, and imports the good ones', async () => {
    const file = [
      'year,country,population',
      '2021,NGA,213401323',
      '2021,Atlantis,5000',
      '21,GHA,100',
      '2021,DEU,-4',
      '2021,Nigeria,1',
    ].join('\r\n');
    const response = await t.call(t.admin, 'POST', url, { csv: file, dryRun: false });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      dryRun: false,
      created: 1,
      updated: 0,
      unchanged: 0,
      rejected: 4,
      rejections: [
        { line: 3, column: 'country', value: 'Atlantis', reason: 'unknown_country' },
        { line: 4, column: 'year', value: '21', reason: 'invalid_year' },
        { line: 5, column: 'population', value: '-4', reason: 'invalid_population' },
        { line: 6, column: 'year', value: '2021', reason: 'duplicate_row' },
      ],
    });
    expect((await stored(t)).map((row) => row.country)).toEqual(['NGA']);
    const unreadable = await t.call(t.admin, 'POST', url, {
      csv: 'country,year,population\nGHA,2021,7\n"NGA,2021,5\n',
    });
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json()).toMatchObject({ code: 'import.unreadable_file' });
  });

  it('lets any signed-in user list populations, and nobody without a session', async () => {
    await t.services.populations.importCsv(system, { content: goodFile, dryRun: false });
    expect((await t.call(null, 'GET', '/api/populations')).statusCode).toBe(401);
    const caseworker = await t.userWithRole('caseworker');
    const list = await t.call(caseworker, 'GET', '/api/populations?country=GHA');
    expect(list.statusCode).toBe(200);
    expect(populationListResponseSchema.parse(list.json()).items).toHaveLength(1);
    const bad = await t.call(caseworker, 'GET', '/api/populations?country=XXX');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ details: [{ path: ['querystring', 'country'] }] });
  });

  it('gives public rates per 100,000 from shown figures only, hidden where the figure is', async () => {
    const state = async (slug: string, country: string) =>
      (
        await t.services.organisations.create(system, {
          name: `State ${country}`,
          slug,
          type: 'member_state',
          country,
          parentId: null,
          requireTwoFactor: false,
        })
      ).id;
    const key = (sex: GlotipCellKey['sex']): GlotipCellKey => ({
      indicator: 'detected_victims',
      dimension: 'total',
      category: 'total',
      sex,
      age: 'total',
    });
    const count = (value: number): GlotipCellValue => ({ kind: 'count', value });
    // Nigeria: 120 victims, all shown. Ghana: 4 victims, below the threshold, hidden.
    for (const [slug, country, female, male] of [
      ['nga', 'NGA', 70, 50],
      ['gha', 'GHA', 3, 1],
    ] as const) {
      await t.services.returns.saveSystemCells(system, {
        organisationId: await state(slug, country),
        year: 2021,
        source: 'entered',
        mode: 'published',
        cells: [
          { key: key('total'), value: count(female + male) },
          { key: key('female'), value: count(female) },
          { key: key('male'), value: count(male) },
        ],
      });
    }
    await t.services.populations.importCsv(system, { content: goodFile, dryRun: false });
    t.services.publication.forget();

    const nga = publicGlotipResponseSchema.parse(
      (await t.call(null, 'GET', '/api/public/stats/glotip?country=NGA&year=2021')).json(),
    );
    expect(nga.population).toEqual({ value: 213_401_323, source: 'UN WPP 2022' });
    expect(nga.victimsPer100k).toEqual({ value: 0.0562, suppressed: false });
    const gha = publicGlotipResponseSchema.parse(
      (await t.call(null, 'GET', '/api/public/stats/glotip?country=GHA&year=2021')).json(),
    );
    expect(gha.cells.find((cell) => cell.sex === 'Total')).toMatchObject({
      value: null,
      suppressed: true,
    });
    expect(gha.victimsPer100k).toEqual({ value: null, suppressed: true });

    const dashboard = publicDashboardResponseSchema.parse(
      (await t.call(null, 'GET', '/api/public/dashboard')).json(),
    );
    const map = dashboard.charts.find((chart) => chart.id === 'map');
    expect(map?.rows.map((row) => [row.dimensions.country, row.ratePer100k])).toEqual([
      ['GHA', { value: null, suppressed: true }],
      ['NGA', { value: 0.0562, suppressed: false }],
    ]);
    const csv = await t.call(null, 'GET', '/api/public/download?chart=map&format=csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe(
      'country,m49,countryName,value,suppressed,ratePer100k,rateSuppressed,protection',
    );
    expect(lines.find((line) => line.startsWith('GHA,'))).toMatch(/^GHA,288,Ghana,,true,,true,/);
    expect(lines.find((line) => line.startsWith('NGA,'))).toMatch(
      /^NGA,566,Nigeria,120,false,0\.0562,false,/,
    );
  });
});
