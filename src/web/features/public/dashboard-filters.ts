import type { PublicChartId, PublicDashboardQuery } from '../../../shared/public-schemas.js';

/*
 * The dashboard's filters live in the address bar, so that a view can be bookmarked and shared
 * and the back button undoes a filter. The lists below mirror `shared/public-schemas.ts`; they are
 * repeated (and a test checks they match) because importing the schemas would pull zod into the
 * public chunk.
 */

export type RegionScheme = PublicDashboardQuery['scheme'];
export type ConflictFilter = NonNullable<PublicDashboardQuery['conflict']>;
export type DownloadFormat = 'csv' | 'xlsx' | 'sdmx-csv' | 'hxl';

export const regionSchemes: readonly RegionScheme[] = ['m49', 'glotip_2018'];
export const conflictFilters: readonly ConflictFilter[] = ['yes', 'no', 'unknown'];
export const downloadFormats: readonly DownloadFormat[] = ['csv', 'xlsx', 'sdmx-csv', 'hxl'];
export const chartIds: readonly PublicChartId[] = [
  'kpis',
  'profile',
  'trend',
  'forms',
  'map',
  'flows',
];

/** The years the API accepts (and so the only ones a filter may hold). */
const firstYear = 2000;
const lastYear = 2100;
const maxCodeLength = 64;

/** What the user chose; `null` means "no filter" (the whole world, every year…). */
export interface DashboardFilters {
  scheme: RegionScheme;
  region: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  conflict: ConflictFilter | null;
  crisis: string | null;
}

export const defaultFilters: DashboardFilters = {
  scheme: 'm49',
  region: null,
  yearFrom: null,
  yearTo: null,
  conflict: null,
  crisis: null,
};

function yearOf(text: string | null): number | null {
  if (text === null || !/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= firstYear && year <= lastYear ? year : null;
}

function codeOf(text: string | null): string | null {
  const code = text?.trim() ?? '';
  return code === '' || code.length > maxCodeLength ? null : code;
}

function oneOf<T extends string>(allowed: readonly T[], text: string | null): T | null {
  return allowed.find((item) => item === text) ?? null;
}

/**
 * Filters from the address bar. A hand-edited address never breaks the page: anything the API
 * would refuse is dropped, and years given the wrong way round are put in order.
 */
export function filtersOfSearch(search: URLSearchParams): DashboardFilters {
  let yearFrom = yearOf(search.get('yearFrom'));
  let yearTo = yearOf(search.get('yearTo'));
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) {
    [yearFrom, yearTo] = [yearTo, yearFrom];
  }
  return {
    scheme: oneOf(regionSchemes, search.get('scheme')) ?? defaultFilters.scheme,
    region: codeOf(search.get('region')),
    yearFrom,
    yearTo,
    conflict: oneOf(conflictFilters, search.get('conflict')),
    crisis: codeOf(search.get('crisis')),
  };
}

/** The filter parameters, in the API's names; unset filters (and the default scheme) omitted. */
function filterEntries(filters: DashboardFilters): [string, string][] {
  const entries: [string, string][] = [];
  if (filters.scheme !== defaultFilters.scheme) entries.push(['scheme', filters.scheme]);
  if (filters.region !== null) entries.push(['region', filters.region]);
  if (filters.yearFrom !== null) entries.push(['yearFrom', String(filters.yearFrom)]);
  if (filters.yearTo !== null) entries.push(['yearTo', String(filters.yearTo)]);
  if (filters.conflict !== null) entries.push(['conflict', filters.conflict]);
  if (filters.crisis !== null) entries.push(['crisis', filters.crisis]);
  return entries;
}

/** The address-bar form of the filters (round-trips through {@link filtersOfSearch}). */
export function searchOfFilters(filters: DashboardFilters): URLSearchParams {
  return new URLSearchParams(filterEntries(filters));
}

/** `GET /api/public/dashboard?…`: the filters plus the language of country and region names. */
export function dashboardUrl(filters: DashboardFilters, language: string): string {
  const params = new URLSearchParams([...filterEntries(filters), ['lang', language]]);
  return `/api/public/dashboard?${params.toString()}`;
}

/** `GET /api/public/regions?…`: the regions the chosen scheme offers, named in the language. */
export function regionsUrl(scheme: RegionScheme, language: string): string {
  return `/api/public/regions?${new URLSearchParams({ scheme, lang: language }).toString()}`;
}

/**
 * `GET /api/public/download?…`: the file of one chart with exactly the filters (and language)
 * of the view on screen, so that the download holds what the user sees.
 */
export function downloadUrl(
  chart: PublicChartId,
  format: DownloadFormat,
  filters: DashboardFilters,
  language: string,
): string {
  const params = new URLSearchParams([
    ['chart', chart],
    ['format', format],
    ...filterEntries(filters),
    ['lang', language],
  ]);
  return `/api/public/download?${params.toString()}`;
}

/** True when any filter narrows the view (the "clear filters" button shows then). */
export function hasFilters(filters: DashboardFilters): boolean {
  return filterEntries(filters).length > 0;
}
