import type { z } from 'zod';
import type {
  glotipImportBodySchema,
  glotipImportReportSchema,
} from '../../../shared/glotip-import-schemas.js';
import { apiRequest } from '../../api/api-client.js';

// Types of the dataUNODC import API, from the shared zod contracts (type-only: no zod at run time).
export type GlotipImportReport = z.output<typeof glotipImportReportSchema>;
export type GlotipImportBody = z.input<typeof glotipImportBodySchema>;
export type GlotipImportFormat = GlotipImportBody['format'];

/** `POST /api/glotip-imports`: a dry run unless `dryRun` is false. System administrators only. */
export const glotipImportApi = {
  run: (body: GlotipImportBody) =>
    apiRequest<GlotipImportReport>('/api/glotip-imports', { method: 'POST', body }),
};

/**
 * The format of a chosen file, by its extension: the endpoint is told, not left to guess, and
 * dataUNODC publishes exactly these two. Anything else is refused before it is sent.
 */
export function glotipFormatOf(fileName: string): GlotipImportFormat | null {
  const lower = fileName.trim().toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/** A file's bytes as base64 (the API takes uploads inside JSON, through the same checks). */
export async function base64Of(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: spreading a whole multi-megabyte file into one call overflows the stack.
  const chunk = 0x8000;
  for (let at = 0; at < bytes.length; at += chunk) {
    binary += String.fromCharCode(...bytes.subarray(at, at + chunk));
  }
  return btoa(binary);
}
