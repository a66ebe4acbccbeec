import { z } from 'zod';
import { countryCodeSchema, languageSchema } from './common-schemas.js';
import { organisationTypes } from './vocabulary.js';

/**
 * Contracts of the public (no sign-in) open-data API. Every figure here has passed the
 * publication service's disclosure control; a suppressed figure is `value: null` with
 * `suppressed: true`, never a number. Labels use dataUNODC's vocabulary so that open-data users
 * meet the words they know.
 */

/** The disclosure-control policies a public output can carry. */
export const protectionPolicies = [
  'suppression',
  'rounding',
  'k_anonymity',
  'as_published',
] as const;

/** Which policy protected an output, with its parameters (recorded with every output). */
export const protectionSchema = z.strictObject({
  policy: z.enum(protectionPolicies),
  /** Human-readable method name and version, e.g. `threshold 5 + exact-audit complement v1`. */
  method: z.string(),
  threshold: z.number().int().nullable(),
  base: z.number().int().nullable(),
  k: z.number().int().nullable(),
  /**
   * Figures hidden, small ones and their complements together. Which is which is not published:
   * with no complement among them, every hidden figure would be known to lie between 1 and the
   * threshold less 1, and a total could then pin them down.
   */
  suppressed: z.number().int(),
});
export type Protection = z.infer<typeof protectionSchema>;

/** One protected figure. */
export const publicFigureSchema = z.strictObject({
  value: z.number().int().nullable(),
  suppressed: z.boolean(),
});

/**
 * A rate per 100,000 population of a protected figure. Computed only from shown figures: when
 * any part of the figure is hidden, the rate is hidden too (`value: null, suppressed: true`).
 */
export const publicRateSchema = z.strictObject({
  value: z.number().nonnegative().nullable(),
  suppressed: z.boolean(),
});
export type PublicRate = z.infer<typeof publicRateSchema>;

/**
 * The consolidation rule (docs/consolidation.md): one published return counted per country and
 * year, the others listed beside it. The identifier changes whenever the same returns could be
 * consolidated differently.
 */
export const consolidationRuleId = 'vigil-one-per-country-year/1';
/** Message key (under `publicConsolidation.rules`) of the rule's short description. */
export const consolidationRuleKey = 'one_per_country_year';

/**
 * A published return as public outputs name it: its reporting entity (public once it publishes:
 * it is the publisher, never a victim), source, version and publication time. No identifier.
 */
export const publicReportSchema = z.strictObject({
  organisationName: z.string(),
  organisationType: z.enum(organisationTypes),
  source: z.string(),
  synthetic: z.boolean(),
  version: z.number().int(),
  publishedAt: z.string(),
});
export type PublicReport = z.infer<typeof publicReportSchema>;

/** For one country-year: the return whose figures are counted and those kept aside. */
export const publicCountryYearSourcesSchema = z.strictObject({
  country: z.string(),
  year: z.number().int(),
  counted: publicReportSchema,
  keptAside: z.array(publicReportSchema),
});
export type PublicCountryYearSources = z.infer<typeof publicCountryYearSourcesSchema>;

/** Which returns an output counts, under which rule. */
export const publicConsolidationSchema = z.strictObject({
  rule: z.literal(consolidationRuleId),
  /** Key of the rule's short description: `publicConsolidation.rules.<descriptionKey>`. */
  descriptionKey: z.literal(consolidationRuleKey),
  /** The rule in English, for API users. */
  description: z.string(),
  /** How many published returns were kept aside (listed, never summed). */
  keptAside: z.number().int().nonnegative(),
  sources: z.array(publicCountryYearSourcesSchema),
});
export type PublicConsolidation = z.infer<typeof publicConsolidationSchema>;

/** `GET /api/public/stats/glotip?country=&year=`. */
export const publicGlotipQuerySchema = z.strictObject({
  country: countryCodeSchema,
  year: z.coerce.number().int().min(2000).max(2100),
});
export const publicGlotipCellSchema = z.strictObject({
  indicator: z.string(),
  dimension: z.string(),
  category: z.string(),
  sex: z.string(),
  age: z.string(),
  value: z.number().int().nullable(),
  suppressed: z.boolean(),
  protection: z.enum(protectionPolicies),
});
export const publicGlotipResponseSchema = z.strictObject({
  country: z.string(),
  year: z.number().int(),
  source: z.string(),
  synthetic: z.boolean(),
  protection: protectionSchema,
  cells: z.array(publicGlotipCellSchema),
  /** The country-year's population where one is loaded (public data), else null. */
  population: z.strictObject({ value: z.number().int(), source: z.string().nullable() }).nullable(),
  /** Detected victims (total) per 100,000 population; null without a population or a total. */
  victimsPer100k: publicRateSchema.nullable(),
  consolidation: publicConsolidationSchema,
});
export type PublicGlotipResponse = z.infer<typeof publicGlotipResponseSchema>;

/** Region schemes a dashboard filter can use. */
export const publicRegionSchemes = ['m49', 'glotip_2018'] as const;

/** Filters of the public dashboard; every chart of one view uses the same filters. */
export const publicDashboardQuerySchema = z.strictObject({
  scheme: z.enum(publicRegionSchemes).default('m49'),
  /** A region or subregion code of the scheme; absent = world. */
  region: z.string().max(64).optional(),
  yearFrom: z.coerce.number().int().min(2000).max(2100).optional(),
  yearTo: z.coerce.number().int().min(2000).max(2100).optional(),
  /** Only figures reported as linked to a conflict (the return's conflict dimension). */
  conflict: z.enum(['yes', 'no', 'unknown']).optional(),
  /** A crisis id; only figures published per crisis answer, others are not broken down. */
  crisis: z.string().max(64).optional(),
  /** Language of country and region names in the answer (codes are always included too). */
  lang: languageSchema.default('en'),
});
export type PublicDashboardQuery = z.infer<typeof publicDashboardQuerySchema>;

/** The charts of the public dashboard; each is also a downloadable table. */
export const publicChartIds = ['kpis', 'profile', 'trend', 'forms', 'map', 'flows'] as const;
export type PublicChartId = (typeof publicChartIds)[number];

/** One row of a chart's table: labelled dimensions plus one protected figure. */
export const publicRowSchema = z.strictObject({
  /** Dimension values in dataUNODC words or codes, e.g. `{ sex: 'Female', age: '0 to 17 years' }`. */
  dimensions: z.record(z.string(), z.string()),
  value: z.number().int().nullable(),
  suppressed: z.boolean(),
  /**
   * Map rows only: the figure per 100,000 population a year, where a population is loaded for
   * every country-year the row sums (absent otherwise).
   */
  ratePer100k: publicRateSchema.optional(),
});
export type PublicRow = z.infer<typeof publicRowSchema>;

export const publicChartSchema = z.strictObject({
  id: z.enum(publicChartIds),
  /** Column order of the chart's table (dimension names), then `value`. */
  columns: z.array(z.string()),
  rows: z.array(publicRowSchema),
  protection: protectionSchema,
  /** Set when the current filters cannot be answered by this chart (e.g. forms by conflict). */
  unavailable: z.string().nullable(),
});
export type PublicChart = z.infer<typeof publicChartSchema>;

/** `GET /api/public/dashboard`. */
export const publicDashboardResponseSchema = z.strictObject({
  filters: z.record(z.string(), z.string()),
  /** True when any figure shown comes from synthetic (demonstration) data. */
  synthetic: z.boolean(),
  /** Sources (`entered`, `dataunodc`, …) of the returns counted. */
  sources: z.array(z.string()),
  years: z.array(z.number().int()),
  /** Per country-year in the filters: the return counted and those kept aside. */
  consolidation: publicConsolidationSchema,
  charts: z.array(publicChartSchema),
});
export type PublicDashboardResponse = z.infer<typeof publicDashboardResponseSchema>;

/** Download formats of a chart's table. */
export const publicDownloadFormats = ['csv', 'xlsx', 'sdmx-csv', 'hxl'] as const;

/** `GET /api/public/download?chart=&format=&…filters`: exactly the chart's table as shown. */
export const publicDownloadQuerySchema = publicDashboardQuerySchema.extend({
  chart: z.enum(publicChartIds),
  format: z.enum(publicDownloadFormats),
});

/** `GET /api/public/regions?scheme=`: the regions and subregions a filter can choose. */
export const publicRegionsQuerySchema = z.strictObject({
  scheme: z.enum(publicRegionSchemes).default('m49'),
  lang: languageSchema.default('en'),
});
export const publicRegionsResponseSchema = z.strictObject({
  scheme: z.enum(publicRegionSchemes),
  regions: z.array(
    z.strictObject({ code: z.string(), name: z.string(), parent: z.string().nullable() }),
  ),
});
