import { z } from 'zod';
import { caseImportFormats } from './case-schemas.js';
import { idSchema } from './common-schemas.js';

/** Largest file an import accepts over the API (the CLI reads files of any size). */
export const importMaxBytes = 20 * 1024 * 1024;

/**
 * `POST /api/imports` body. The file travels base64-encoded inside JSON so that the strict JSON
 * parser, CSRF check and schema validation apply to uploads like to every other write.
 */
export const importBodySchema = z.strictObject({
  organisationId: idSchema,
  format: z.enum(caseImportFormats).optional(),
  fileName: z.string().trim().min(1).max(255),
  content: z.base64().max(Math.ceil((importMaxBytes * 4) / 3) + 4),
  dryRun: z.boolean(),
});
export type ImportBody = z.output<typeof importBodySchema>;

/** One rejected cell or row of an import, precise enough to fix the file. */
export const importRejectionSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  /** The cell as written; null when empty, or when withheld from this reader. */
  value: z.string().nullable(),
  /** True when the cell may identify the person and this reader may not see identities. */
  withheld: z.boolean(),
  reason: z.string(),
  message: z.string(),
});
export type ImportRejection = z.output<typeof importRejectionSchema>;

/** Statuses of an import job. */
export const importStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;

/** An import job as the API returns it; `rejections` lists at most the first 1,000. */
export const importJobSchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  format: z.string(),
  dryRun: z.boolean(),
  status: z.enum(importStatuses),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  duplicateRows: z.number().int(),
  rejectedRows: z.number().int(),
  /** True when this exact file was already imported into the organisation: nothing changed. */
  alreadyImported: z.boolean(),
  errorCode: z.string().nullable(),
  rejections: z.array(importRejectionSchema),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.output<typeof importJobSchema>;
