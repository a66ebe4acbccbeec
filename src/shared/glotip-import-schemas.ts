import { z } from 'zod';

/** Largest dataUNODC file accepted over the API (the full export is about 4 MB as XLSX). */
export const glotipImportMaxBytes = 32 * 1024 * 1024;

/** `POST /api/glotip-imports`: a dataUNODC export, base64 in JSON. */
export const glotipImportBodySchema = z.strictObject({
  format: z.enum(['csv', 'xlsx']),
  dryRun: z.boolean().default(true),
  content: z.base64().max(Math.ceil((glotipImportMaxBytes * 4) / 3)),
});

/** What the import did, or would do in a dry run. */
export const glotipImportReportSchema = z.strictObject({
  dryRun: z.boolean(),
  outcomes: z.record(z.string(), z.number().int()),
  rejections: z.array(
    z.strictObject({
      line: z.number().int(),
      column: z.string(),
      value: z.string(),
      reason: z.string(),
    }),
  ),
  inconsistencies: z.array(
    z.strictObject({
      iso3: z.string(),
      year: z.number().int(),
      indicator: z.string(),
      breakdown: z.string(),
      problem: z.string(),
      lines: z.array(z.number().int()),
    }),
  ),
  returns: z.array(
    z.strictObject({
      country: z.string(),
      year: z.number().int(),
      cells: z.number().int(),
      outcome: z.enum(['created', 'updated', 'unchanged', 'would_write']),
    }),
  ),
  organisationsCreated: z.array(z.string()),
});
export type GlotipImportReportView = z.infer<typeof glotipImportReportSchema>;
