import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseKinds } from '../test-support/test-db.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { publicDashboardResponseSchema } from '../shared/public-schemas.js';
import { addDemoPopulations, demoPopulations } from './demo-populations.js';
import {
  addDemoPublishedReturns,
  demoPublishedCountries,
  demoPublishedYearsAgo,
  demoSecondReport,
} from './demo-published-returns.js';

interface Chart {
  id: string;
  rows: { dimensions: Record<string, string>; value: number | null; suppressed: boolean }[];
}

describe.each(databaseKinds)('published demo returns on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  it('gives the public dashboard a map with a suppressed small country, trends and flows', async () => {
    expect(await addDemoPublishedReturns(t.services, t.rootOrgId)).toBe(
      demoPublishedCountries.length * demoPublishedYearsAgo.length + 1,
    );
    const response = await t.call(null, 'GET', '/api/public/dashboard');
    const body = response.json<{ synthetic: boolean; charts: Chart[] }>();
    expect(body.synthetic).toBe(true);
    const chart = (id: string) => body.charts.find((c) => c.id === id)?.rows ?? [];
    const caf = chart('map').find((row) => row.dimensions.country === 'CAF');
    expect(caf).toMatchObject({ value: null, suppressed: true });
    expect(chart('map').filter((row) => !row.suppressed)).toHaveLength(
      demoPublishedCountries.length - 1,
    );
    expect(chart('trend')).toHaveLength(demoPublishedYearsAgo.length);
    expect(chart('flows').length).toBeGreaterThanOrEqual(demoPublishedCountries.length);
    const country = await t.call(
      null,
      'GET',
      `/api/public/stats/glotip?country=CAF&year=${String(t.services.now().getUTCFullYear() - 2)}`,
    );
    const cells = country.json<{ cells: { value: number | null; suppressed: boolean }[] }>().cells;
    expect(cells.every((cell) => cell.value === null || cell.value === 0)).toBe(true);
    expect(cells.some((cell) => cell.suppressed)).toBe(true);
  });

  it('keeps the NGO report aside and shows rates per 100,000, hidden for the small country', async () => {
    await addDemoPublishedReturns(t.services, t.rootOrgId);
    expect(demoPublishedCountries.every(({ iso3 }) => demoPopulations[iso3] !== undefined)).toBe(
      true,
    );
    expect(await addDemoPopulations(t.services)).toBeGreaterThan(demoPublishedCountries.length);
    const body = publicDashboardResponseSchema.parse(
      (await t.call(null, 'GET', '/api/public/dashboard')).json(),
    );
    const year = t.services.now().getUTCFullYear() - demoSecondReport.yearsAgo;
    expect(body.consolidation.keptAside).toBe(1);
    const entry = body.consolidation.sources.find(
      (source) => source.country === demoSecondReport.iso3 && source.year === year,
    );
    expect(entry?.counted.organisationType).toBe('member_state');
    expect(entry?.keptAside.map((report) => report.organisationName)).toEqual([
      demoSecondReport.name,
    ]);
    const map = body.charts.find((chart) => chart.id === 'map')?.rows ?? [];
    expect(map.find((row) => row.dimensions.country === 'CAF')?.ratePer100k).toEqual({
      value: null,
      suppressed: true,
    });
    const shown = map.filter((row) => !row.suppressed);
    expect(shown.every((row) => (row.ratePer100k?.value ?? 0) > 0)).toBe(true);
  });
});
