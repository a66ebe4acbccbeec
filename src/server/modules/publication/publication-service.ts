import {
  chartCsvRows,
  chartHxlRows,
  chartSdmxRows,
  consolidate,
  dashboardCharts,
  publicConsolidation,
  publicGlotipResponse,
  type ProtectedReturn,
} from '../../../core/publication/index.js';
import { countryDisplayName } from '../../../core/publication/country-display-names.js';
import {
  countriesInRegion,
  m49CodeOf,
  regionDisplayName,
  regionsOfScheme,
} from '../../../core/regions/index.js';
import { AppError } from '../../../shared/app-error.js';
import type {
  PublicDashboardQuery,
  PublicDashboardResponse,
  PublicGlotipResponse,
} from '../../../shared/public-schemas.js';
import type { Language } from '../../../shared/vocabulary.js';
import { writeCsv, writeXlsx } from '../../platform/tabular/index.js';
import { createPublishedPopulations, type PopulationReader } from './published-populations.js';
import { createPublishedReturns, type PublishedReader } from './published-returns.js';

/** A file of the public download endpoint. */
export interface PublicFile {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

/**
 * The only path from stored figures to public output. Every answer is built from returns that
 * are published and have been through disclosure control (`core/publication`); the public
 * routes call nothing else (lint and a test hold that).
 */
export interface PublicationService {
  glotip: (query: { country: string; year: number }) => Promise<PublicGlotipResponse>;
  dashboard: (query: PublicDashboardQuery) => Promise<PublicDashboardResponse>;
  download: (
    query: PublicDashboardQuery & { chart: string; format: string },
  ) => Promise<PublicFile>;
  regions: (query: {
    scheme: 'm49' | 'glotip_2018';
    lang: Language;
  }) => { code: string; name: string; parent: string | null }[];
  /** Drops cached protected figures (after a publication, or in tests). */
  forget: () => void;
}

function inScope(ret: ProtectedReturn, query: PublicDashboardQuery, area: Set<string> | null) {
  if (area !== null && !area.has(ret.country)) return false;
  if (query.yearFrom !== undefined && ret.year < query.yearFrom) return false;
  if (query.yearTo !== undefined && ret.year > query.yearTo) return false;
  return true;
}

function filtersOf(query: PublicDashboardQuery): Record<string, string> {
  const filters: Record<string, string> = { scheme: query.scheme, lang: query.lang };
  for (const name of ['region', 'yearFrom', 'yearTo', 'conflict', 'crisis'] as const) {
    const value = query[name];
    if (value !== undefined) filters[name] = String(value);
  }
  return filters;
}

export function createPublicationService(deps: {
  returns: PublishedReader;
  /** Population tables (public data), for rates per 100,000. */
  populations: PopulationReader;
  clock: () => Date;
}): PublicationService {
  const published = createPublishedReturns(deps.returns, deps.clock);
  const populations = createPublishedPopulations(deps.populations, deps.clock);

  async function dashboard(query: PublicDashboardQuery): Promise<PublicDashboardResponse> {
    const area =
      query.region === undefined ? null : new Set(countriesInRegion(query.scheme, query.region));
    if (area !== null && area.size === 0) {
      throw new AppError('validation.failed', { region: query.region, scheme: query.scheme });
    }
    // One return counted per country-year (consolidation rule); the others are listed only.
    const consolidation = consolidate(
      (await published.list()).filter((ret) => inScope(ret, query, area)),
    );
    const returns = consolidation.counted;
    const sources = publicConsolidation(consolidation.countryYears);
    const population = await populations.lookup();
    const charts = dashboardCharts({
      returns,
      keptAside: sources.keptAside,
      population: (iso3, year) => population(iso3, year)?.value ?? null,
      conflict: query.conflict ?? null,
      crisis: query.crisis ?? null,
      countryName: (iso3) => countryDisplayName(iso3, query.lang),
      m49Code: (iso3) => m49CodeOf(iso3) ?? '',
    });
    return {
      filters: filtersOf(query),
      synthetic: returns.some((ret) => ret.synthetic),
      sources: [...new Set(returns.map((ret) => ret.source))].sort(),
      years: [...new Set(returns.map((ret) => ret.year))].sort((a, b) => a - b),
      consolidation: sources,
      charts,
    };
  }

  return {
    glotip: async ({ country, year }) => {
      const candidates = (await published.list()).filter(
        (ret) => ret.country === country && ret.year === year,
      );
      const [entry] = consolidate(candidates).countryYears;
      if (entry === undefined) throw new AppError('publication.not_found', { country, year });
      const population = await populations.lookup();
      return publicGlotipResponse(entry.counted, {
        population: population(country, year),
        consolidation: publicConsolidation([entry]),
      });
    },
    dashboard,
    download: async (query) => {
      const view = await dashboard(query);
      const chart = view.charts.find((candidate) => candidate.id === query.chart);
      if (chart === undefined) throw new AppError('publication.not_found', { chart: query.chart });
      const years = view.years;
      const period =
        years.length === 0 ? '' : `${years[0]}${years.length > 1 ? `/${years.at(-1)}` : ''}`;
      const area =
        query.region === undefined
          ? '001'
          : query.scheme === 'm49'
            ? query.region
            : `${query.scheme}:${query.region}`;
      const base = `vigil-${chart.id}`;
      switch (query.format) {
        case 'xlsx': {
          const [header, ...rows] = chartCsvRows(chart);
          const body = await writeXlsx({ sheetName: chart.id, headerRows: [header ?? []], rows });
          return {
            filename: `${base}.xlsx`,
            contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            body,
          };
        }
        case 'sdmx-csv':
          return csvFile(`${base}.sdmx.csv`, chartSdmxRows(chart, { area, period }));
        case 'hxl':
          return csvFile(`${base}.hxl.csv`, chartHxlRows(chart));
        default:
          return csvFile(`${base}.csv`, chartCsvRows(chart));
      }
    },
    regions: ({ scheme, lang }) =>
      regionsOfScheme(scheme).map((region) => ({
        code: region.code,
        name: regionDisplayName(scheme, region, lang),
        parent: region.parent,
      })),
    forget: () => {
      published.forget();
      populations.forget();
    },
  };
}

function csvFile(filename: string, rows: string[][]): PublicFile {
  return { filename, contentType: 'text/csv; charset=utf-8', body: writeCsv(rows) };
}
