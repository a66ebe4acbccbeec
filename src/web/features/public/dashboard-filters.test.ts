import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  publicChartIds,
  publicDashboardQuerySchema,
  publicDownloadFormats,
  publicDownloadQuerySchema,
  publicRegionSchemes,
} from '../../../shared/public-schemas.js';
import {
  chartIds,
  conflictFilters,
  dashboardUrl,
  defaultFilters,
  downloadFormats,
  downloadUrl,
  filtersOfSearch,
  hasFilters,
  regionSchemes,
  searchOfFilters,
  type DashboardFilters,
} from './dashboard-filters.js';

const filtersArbitrary: fc.Arbitrary<DashboardFilters> = fc
  .record({
    scheme: fc.constantFrom(...regionSchemes),
    region: fc.option(fc.stringMatching(/^[0-9a-z_]{1,12}$/), { nil: null }),
    years: fc.tuple(
      fc.option(fc.integer({ min: 2000, max: 2100 }), { nil: null }),
      fc.option(fc.integer({ min: 2000, max: 2100 }), { nil: null }),
    ),
    conflict: fc.option(fc.constantFrom(...conflictFilters), { nil: null }),
    crisis: fc.option(fc.uuid(), { nil: null }),
  })
  .map(({ years: [a, b], ...rest }) => ({
    ...rest,
    yearFrom: a !== null && b !== null ? Math.min(a, b) : a,
    yearTo: a !== null && b !== null ? Math.max(a, b) : b,
  }));

describe('dashboard filters', () => {
  it('use the contract’s own lists (repeated here to keep zod out of the chunk)', () => {
    expect(regionSchemes).toEqual(publicRegionSchemes);
    expect(chartIds).toEqual(publicChartIds);
    expect(downloadFormats).toEqual(publicDownloadFormats);
    expect(conflictFilters).toEqual(publicDashboardQuerySchema.shape.conflict.unwrap().options);
  });

  it('round-trip through the address bar', () => {
    fc.assert(
      fc.property(filtersArbitrary, (filters) => {
        expect(filtersOfSearch(searchOfFilters(filters))).toEqual(filters);
      }),
    );
  });

  it('give URLs the API accepts, with exactly the filters and the language', () => {
    fc.assert(
      fc.property(
        filtersArbitrary,
        fc.constantFrom(...chartIds),
        fc.constantFrom(...downloadFormats),
        (filters, chart, format) => {
          const download = new URL(downloadUrl(chart, format, filters, 'ar'), 'http://x');
          expect(download.pathname).toBe('/api/public/download');
          const query = publicDownloadQuerySchema.parse(Object.fromEntries(download.searchParams));
          expect(query.chart).toBe(chart);
          expect(query.format).toBe(format);
          expect(query.lang).toBe('ar');
          expect(query.scheme).toBe(filters.scheme);
          expect(query.region ?? null).toBe(filters.region);
          expect(query.yearFrom ?? null).toBe(filters.yearFrom);
          expect(query.yearTo ?? null).toBe(filters.yearTo);
          expect(query.conflict ?? null).toBe(filters.conflict);
          expect(query.crisis ?? null).toBe(filters.crisis);
          // The dashboard and its download carry the same filters.
          const view = new URL(dashboardUrl(filters, 'ar'), 'http://x').searchParams;
          download.searchParams.delete('chart');
          download.searchParams.delete('format');
          expect(download.searchParams.toString()).toBe(view.toString());
        },
      ),
    );
  });

  it.each([
    ['scheme=nope&yearFrom=1999&yearTo=20x1&conflict=maybe', defaultFilters],
    ['yearFrom=2022&yearTo=2019', { ...defaultFilters, yearFrom: 2019, yearTo: 2022 }],
    [`region=${'x'.repeat(65)}&crisis=%20%20`, defaultFilters],
    [
      'scheme=glotip_2018&region=africa&conflict=yes',
      { ...defaultFilters, scheme: 'glotip_2018', region: 'africa', conflict: 'yes' },
    ],
  ] as const)('read a hand-edited address %s leniently', (search, expected) => {
    expect(filtersOfSearch(new URLSearchParams(search))).toEqual(expected);
  });

  it('omit the defaults, so the plain dashboard has a plain address', () => {
    expect(searchOfFilters(defaultFilters).toString()).toBe('');
    expect(hasFilters(defaultFilters)).toBe(false);
    expect(hasFilters({ ...defaultFilters, conflict: 'no' })).toBe(true);
    expect(dashboardUrl(defaultFilters, 'en')).toBe('/api/public/dashboard?lang=en');
  });
});
