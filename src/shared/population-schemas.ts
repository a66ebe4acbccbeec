import { z } from 'zod';
import { countryCodeSchema } from './common-schemas.js';

/** Largest population CSV accepted over the API (every country for a century is ~1 MB). */
export const populationImportMaxBytes = 4 * 1024 * 1024;

/** Columns of a population file: `country,year,population[,source]` (a header row first). */
export const populationColumns = ['country', 'year', 'population', 'source'] as const;
export const requiredPopulationColumns = ['country', 'year', 'population'] as const;

/** Why a row of a population file was rejected. */
export const populationRejectionReasons = [
  'unknown_country',
  'invalid_year',
  'invalid_population',
  'source_too_long',
  'duplicate_row',
] as const;
export type PopulationRejectionReason = (typeof populationRejectionReasons)[number];

/**
 * `POST /api/populations/import`: CSV text with a header row naming the columns (any order;
 * `source` optional). A dry run (the default) reports what the import would do, writing nothing.
 */
export const populationImportBodySchema = z.strictObject({
  csv: z.string().min(1).max(populationImportMaxBytes),
  dryRun: z.boolean().default(true),
});
export type PopulationImportBody = z.infer<typeof populationImportBodySchema>;

/** What an import did (or would do): counts by outcome and every rejected row. */
export const populationImportReportSchema = z.strictObject({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  rejections: z.array(
    z.strictObject({
      /** Line of the file the row starts on (the header is line 1). */
      line: z.number().int(),
      column: z.string(),
      value: z.string(),
      reason: z.enum(populationRejectionReasons),
    }),
  ),
});
export type PopulationImportReportView = z.infer<typeof populationImportReportSchema>;

/** One loaded population figure. */
export const populationSchema = z.strictObject({
  country: z.string(),
  year: z.number().int(),
  population: z.number().int(),
  source: z.string().nullable(),
  updatedAt: z.string(),
});

/** `GET /api/populations?country=&year=`. */
export const populationListQuerySchema = z.strictObject({
  country: countryCodeSchema.optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
});
export const populationListResponseSchema = z.strictObject({
  items: z.array(populationSchema),
});
