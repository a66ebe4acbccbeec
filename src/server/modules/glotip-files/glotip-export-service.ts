import {
  writeDataUnodcRows,
  writeHxlCsv,
  writeSdmxCsv,
  type GlotipReturnCells,
} from '../../../core/glotip-formats/index.js';
import type { ReturnStatus } from '../../../shared/glotip-vocabulary.js';
import { writeCsv, writeXlsx } from '../../platform/tabular/index.js';
import type { Database } from '../../platform/db/database.js';
import { auditActorOf, authorize, type RequestContext } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import type { ReturnService } from '../returns/index.js';
import { parseRawText } from './glotip-import-service.js';

export const glotipExportFormats = ['csv', 'xlsx', 'sdmx-csv', 'hxl'] as const;
export type GlotipExportFormat = (typeof glotipExportFormats)[number];

export interface GlotipExportInput {
  format: GlotipExportFormat;
  year?: number;
  country?: string;
  /** Which returns: by default those past the first approval level (accepted and later). */
  statuses?: readonly ReturnStatus[];
}

export interface GlotipExportService {
  run: (
    ctx: RequestContext,
    input: GlotipExportInput,
  ) => Promise<{ body: string | Buffer; returns: number; rows: number }>;
}

/** The `Source` column of a return: the imported file's own word, else Vigil's. */
function sourceOf(cells: readonly { rawText: string | null }[]): string {
  for (const cell of cells) {
    const raw = parseRawText(cell.rawText);
    if (raw !== null && raw.source !== '') return raw.source;
  }
  return 'Vigil';
}

/**
 * `vigil export glotip`: returns as dataUNODC CSV or XLSX (same column names and conventions,
 * raw category texts kept, so the file re-imports losslessly), SDMX-CSV for SDG 16.2.2, or
 * HXL-tagged CSV (with rates per 100,000 where populations are loaded). These are internal, unprotected figures for exchange between data managers
 * and UNODC; public output goes through the publication service instead. Reading them is
 * audited (`return.export`) in the transaction of the read: no export without its trace.
 */
export function createGlotipExportService(deps: {
  database: Database;
  audit: AuditService;
  returns: ReturnService;
  /** Loaded populations (public data): SDMX-CSV adds rates per 100,000 where one is known. */
  populations: {
    listForPublication: () => Promise<
      readonly { country: string; year: number; population: number }[]
    >;
  };
}): GlotipExportService {
  const populationLookup = async () => {
    const byKey = new Map(
      (await deps.populations.listForPublication()).map((row) => [
        `${row.country}|${String(row.year)}`,
        row.population,
      ]),
    );
    return (iso3: string, year: number) => byKey.get(`${iso3}|${String(year)}`) ?? null;
  };
  return {
    async run(ctx, input) {
      authorize(ctx.actor, 'publication.manage', 'installation');
      const stored = await deps.database.db.transaction().execute(async (trx) => {
        await deps.audit.record(trx, {
          actor: auditActorOf(ctx.actor),
          action: 'return.export',
          requestId: ctx.requestId,
        });
        return deps.returns.listReturnsForExport(
          {
            ...(input.year === undefined ? {} : { year: input.year }),
            statuses: input.statuses ?? ['accepted', 'approved', 'published'],
          },
          trx,
        );
      });
      const returns: GlotipReturnCells[] = stored
        .filter(({ ret }) => ret.country !== null)
        .filter(({ ret }) => input.country === undefined || ret.country === input.country)
        .map(({ ret, cells }) => ({
          iso3: ret.country ?? '',
          year: ret.year,
          source: sourceOf(cells),
          cells: cells.map((cell) => ({
            key: cell.key,
            value: cell.value,
            rawCategory: parseRawText(cell.rawText)?.category ?? null,
          })),
        }));
      const rows =
        input.format === 'sdmx-csv'
          ? writeSdmxCsv(returns, { population: await populationLookup() })
          : input.format === 'hxl'
            ? writeHxlCsv(returns)
            : writeDataUnodcRows(returns);
      const body =
        input.format === 'xlsx'
          ? await writeXlsx({
              sheetName: 'data_glotip_1',
              headerRows: rows.slice(0, 1),
              rows: rows.slice(1),
            })
          : writeCsv(rows);
      return { body, returns: returns.length, rows: rows.length - 1 };
    },
  };
}
