import { describe, expect, it } from 'vitest';
import type { GlotipCellKey } from '../../shared/glotip-vocabulary.js';
import type { PublicChart } from '../../shared/public-schemas.js';
import { protectionSchema } from '../../shared/public-schemas.js';
import type { ProtectionRecord, PublishedValue } from '../disclosure/index.js';
import { chartCsvRows, chartHxlRows, chartSdmxRows } from './chart-files.js';
import { dashboardCharts, type DashboardScope } from './dashboard-charts.js';
import type { ProtectedReturn } from './protect-return.js';

const protection: ProtectionRecord = {
  policy: 'suppression',
  method: 'test',
  threshold: 5,
  base: null,
  k: null,
  primarySuppressed: 1,
  secondarySuppressed: 2,
};

const shown = (value: number): PublishedValue => ({ kind: 'count', value });
const hidden: PublishedValue = { kind: 'suppressed' };

function cell(
  partial: Partial<GlotipCellKey>,
  value: PublishedValue,
): { key: GlotipCellKey; value: PublishedValue } {
  return {
    key: {
      indicator: 'detected_victims',
      dimension: 'total',
      category: 'total',
      sex: 'total',
      age: 'total',
      ...partial,
    },
    value,
  };
}

function ret(country: string, year: number, cells: ProtectedReturn['cells']): ProtectedReturn {
  return {
    returnId: `${country}${year}`,
    version: 1,
    country,
    year,
    source: 'entered',
    synthetic: true,
    reporter: {
      organisationName: `State ${country}`,
      organisationType: 'member_state',
      publishedAt: '2026-01-01T00:00:00.000Z',
    },
    protection,
    cells,
  };
}

const returns: ProtectedReturn[] = [
  ret('NGA', 2021, [
    cell({}, shown(40)),
    cell({ sex: 'female', age: 'minor' }, shown(12)),
    cell({ sex: 'male', age: 'minor' }, hidden),
    cell({ dimension: 'exploitation', category: 'sexual' }, shown(25)),
    cell({ dimension: 'exploitation', category: 'forced_criminality' }, shown(6)),
    cell({ dimension: 'citizenship', category: 'GHA' }, shown(9)),
    cell({ dimension: 'citizenship', category: 'nationals' }, shown(31)),
    cell({ dimension: 'conflict', category: 'yes' }, shown(7)),
  ]),
  ret('NGA', 2022, [cell({}, shown(30)), cell({ sex: 'female', age: 'minor' }, shown(8))]),
  ret('GHA', 2022, [cell({}, hidden), cell({ sex: 'male', age: 'minor' }, hidden)]),
];

const scope = (over: Partial<DashboardScope> = {}): DashboardScope => ({
  returns,
  conflict: null,
  crisis: null,
  countryName: (iso3) => `name-${iso3}`,
  m49Code: (iso3) => (iso3 === 'NGA' ? '566' : '288'),
  ...over,
});

const byId = (charts: PublicChart[], id: string): PublicChart => {
  const found = charts.find((chart) => chart.id === id);
  if (found === undefined) throw new Error(id);
  return found;
};

describe('dashboardCharts', () => {
  it('sums only published figures and hides a figure nobody published', () => {
    const charts = dashboardCharts(scope());
    expect(byId(charts, 'trend').rows).toEqual([
      { dimensions: { year: '2021' }, value: 40, suppressed: false },
      { dimensions: { year: '2022' }, value: 30, suppressed: false },
    ]);
    expect(byId(charts, 'map').rows).toEqual([
      {
        dimensions: { country: 'GHA', m49: '288', countryName: 'name-GHA' },
        value: null,
        suppressed: true,
      },
      {
        dimensions: { country: 'NGA', m49: '566', countryName: 'name-NGA' },
        value: 70,
        suppressed: false,
      },
    ]);
    expect(byId(charts, 'profile').rows).toEqual([
      {
        dimensions: { profile: 'Girls', sex: 'Female', age: '0 to 17 years' },
        value: 20,
        suppressed: false,
      },
      {
        dimensions: { profile: 'Boys', sex: 'Male', age: '0 to 17 years' },
        value: null,
        suppressed: true,
      },
    ]);
    expect(byId(charts, 'forms').rows).toEqual([
      { dimensions: { form: 'Sexual exploitation' }, value: 25, suppressed: false },
      { dimensions: { form: 'Other forms of exploitation' }, value: 6, suppressed: false },
    ]);
    expect(byId(charts, 'flows').rows).toEqual([
      {
        dimensions: {
          origin: 'GHA',
          originM49: '288',
          originName: 'name-GHA',
          destination: 'NGA',
          destinationM49: '566',
          destinationName: 'name-NGA',
        },
        value: 9,
        suppressed: false,
      },
    ]);
    const kpis = byId(charts, 'kpis').rows;
    expect(kpis[0]).toEqual({
      dimensions: { kpi: 'Detected trafficking victims' },
      value: 70,
      suppressed: false,
    });
    expect(kpis.find((row) => row.dimensions.kpi === 'Countries reporting')?.value).toBe(2);
    expect(() => protectionSchema.parse(byId(charts, 'map').protection)).not.toThrow();
  });

  it('uses the conflict breakdown under the conflict filter and says what it cannot cross', () => {
    const charts = dashboardCharts(scope({ conflict: 'yes' }));
    expect(byId(charts, 'trend').rows).toEqual([
      { dimensions: { year: '2021' }, value: 7, suppressed: false },
    ]);
    expect(byId(charts, 'forms').unavailable).toMatch(/conflict/);
    expect(byId(charts, 'forms').rows).toEqual([]);
    expect(byId(dashboardCharts(scope({ crisis: 'c1' })), 'map').unavailable).toMatch(/crisis/);
  });

  it('writes downloads of exactly the rows shown, with the protection notice', () => {
    const trend = byId(dashboardCharts(scope()), 'trend');
    const csv = chartCsvRows(trend);
    expect(csv.map((row) => row.slice(0, 3))).toEqual([
      ['year', 'value', 'suppressed'],
      ['2021', '40', 'false'],
      ['2022', '30', 'false'],
    ]);
    expect(csv[1]?.[3]).toMatch(/threshold 5/);
    expect(chartHxlRows(trend)[1]).toEqual([
      '#date+year',
      '#affected+ind',
      '#meta+suppressed',
      '#meta+protection',
    ]);
    const map = byId(dashboardCharts(scope()), 'map');
    const sdmx = chartSdmxRows(map, { area: '001', period: '2021/2022' });
    expect(sdmx[0]?.slice(9, 12)).toEqual(['OBS_VALUE', 'UNIT_MEASURE', 'CONF_STATUS']);
    expect(sdmx[1]?.slice(0, 12)).toEqual([
      'IAEG-SDGs:DF_SDG_GLH(1.0)',
      'A',
      'VC_HTF_DETV',
      '',
      '288',
      '',
      '_T',
      '_T',
      '2021/2022',
      '',
      'NUMBER',
      'C',
    ]);
    expect(sdmx[1]?.[12]).toMatch(/threshold 5/);
    expect(sdmx[2]?.[9]).toBe('70');
    // Without populations there is no rate to write.
    expect(sdmx).toHaveLength(1 + map.rows.length);
  });

  it('gives map rows a rate per 100,000 where every summed year has a population, hidden when a part is', () => {
    const population = (iso3: string, year: number) =>
      iso3 === 'NGA' ? (year === 2021 ? 200_000_000 : 150_000_000) : 30_000_000;
    const map = byId(dashboardCharts(scope({ population })), 'map');
    // NGA: (40 + 30) over 350 million person-years; GHA: its only figure is hidden.
    expect(map.rows.map((row) => [row.dimensions.country, row.ratePer100k])).toEqual([
      ['GHA', { value: null, suppressed: true }],
      ['NGA', { value: 0.02, suppressed: false }],
    ]);
    const partial = byId(
      dashboardCharts(scope({ population: (_iso3, year) => (year === 2021 ? 1_000_000 : null) })),
      'map',
    );
    expect(partial.rows.every((row) => row.ratePer100k === undefined)).toBe(true);
    const csv = chartCsvRows(map);
    expect(csv[0]).toEqual([
      'country',
      'm49',
      'countryName',
      'value',
      'suppressed',
      'ratePer100k',
      'rateSuppressed',
      'protection',
    ]);
    expect(csv.slice(1).map((row) => row.slice(3, 7))).toEqual([
      ['', 'true', '', 'true'],
      ['70', 'false', '0.02', 'false'],
    ]);
    expect(chartHxlRows(map)[1]?.slice(3, 7)).toEqual([
      '#affected+ind',
      '#meta+suppressed',
      '#affected+ind+per100k',
      '#meta+suppressed+per100k',
    ]);
    // SDMX: each country's count, then its rate in the rate series (hidden where it is).
    const sdmx = chartSdmxRows(map, { area: '001', period: '2021/2022' });
    expect(sdmx.slice(1).map((row) => [row[2], row[4], row[9], row[10], row[11]])).toEqual([
      ['VC_HTF_DETV', '288', '', 'NUMBER', 'C'],
      ['VC_HTF_DETVR', '288', '', 'PER_100000_POP', 'C'],
      ['VC_HTF_DETV', '566', '70', 'NUMBER', 'F'],
      ['VC_HTF_DETVR', '566', '0.02', 'PER_100000_POP', 'F'],
    ]);
    // Without populations the files keep their columns.
    expect(chartCsvRows(byId(dashboardCharts(scope()), 'map'))[0]).toEqual([
      'country',
      'm49',
      'countryName',
      'value',
      'suppressed',
      'protection',
    ]);
  });

  it('refuses two returns of one country-year and names the kept-aside count in the method', () => {
    const [first] = returns;
    if (first === undefined) throw new Error('no return');
    expect(() =>
      dashboardCharts(scope({ returns: [...returns, { ...first, returnId: 'other' }] })),
    ).toThrow(RangeError);
    const charts = dashboardCharts(scope({ keptAside: 2 }));
    expect(byId(charts, 'kpis').protection.method).toMatch(
      /one per country and year \(vigil-one-per-country-year\/1, 2 kept aside\)/,
    );
  });
});
