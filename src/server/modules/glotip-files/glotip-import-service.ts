import {
  countryLabel,
  groupDataUnodcReturns,
  readDataUnodcRows,
  type BreakdownInconsistency,
  type DataUnodcRejection,
  type GlotipReturnCells,
  type TextRow,
} from '../../../core/glotip-formats/index.js';
import type { Database } from '../../platform/db/database.js';
import { cellKeyString } from '../../../shared/glotip-vocabulary.js';
import { readCsv, readingUpload, readXlsxInWorker } from '../../platform/tabular/index.js';
import { authorize, type RequestContext } from '../access/index.js';
import type { OrganisationService } from '../organisations/index.js';
import type { ReturnService } from '../returns/index.js';

/** What one dataUNODC import did (or, in a dry run, would do). */
export interface GlotipImportReport {
  dryRun: boolean;
  /** Rows by outcome: `imported`, `normalised`, `rejected`, and `rejected.<reason>`. */
  outcomes: Record<string, number>;
  rejections: DataUnodcRejection[];
  /** Breakdowns that do not add up in the file: flagged, never corrected. */
  inconsistencies: BreakdownInconsistency[];
  returns: {
    country: string;
    year: number;
    cells: number;
    outcome: 'created' | 'updated' | 'unchanged' | 'would_write';
  }[];
  organisationsCreated: string[];
}

export interface GlotipImportService {
  run: (
    ctx: RequestContext,
    input: { content: Buffer; format: 'csv' | 'xlsx'; dryRun: boolean },
  ) => Promise<GlotipImportReport>;
}

/** The slug of the member-state reporting entity of a country, e.g. `ms-nga`. */
export function memberStateSlug(iso3: string): string {
  return `ms-${iso3.toLowerCase()}`;
}

function textRows(content: Buffer, format: 'csv' | 'xlsx'): Promise<TextRow[]> {
  return readingUpload(async () => {
    if (format === 'xlsx') return [...(await readXlsxInWorker(content)).rows];
    // readCsv takes the first row for the header; dataUNODC's first rows are a preamble, so the
    // header goes back in front and the format reader finds the real one.
    const table = await readCsv(content, { delimiter: ',' });
    return [{ line: table.headerLine, cells: table.header }, ...table.rows];
  });
}

/**
 * One return per country and year, as stored: a file may give one country-year's figures under
 * several sources (a GLOTIP edition and its update), and no cell twice (the reader refuses a
 * repeated one), so their cells join and the sources are all named.
 */
function returnsByCountryYear(
  rows: Parameters<typeof groupDataUnodcReturns>[0],
): { iso3: string; year: number; sources: string[]; cells: GlotipReturnCells['cells'] }[] {
  const merged = new Map<
    string,
    { iso3: string; year: number; sources: string[]; cells: GlotipReturnCells['cells'][number][] }
  >();
  for (const group of groupDataUnodcReturns(rows)) {
    const id = `${group.iso3}|${String(group.year)}`;
    const entry = merged.get(id) ?? { iso3: group.iso3, year: group.year, sources: [], cells: [] };
    merged.set(id, entry);
    if (!entry.sources.includes(group.source)) entry.sources.push(group.source);
    entry.cells.push(...group.cells);
  }
  return [...merged.values()];
}

/** The raw texts a normalised cell keeps, in the cell's one raw-text column. */
export function rawTextOf(rawCategory: string, rawValue: string, source: string): string {
  return JSON.stringify({ category: rawCategory, value: rawValue, source });
}

/** The raw texts back from a stored cell (null when the cell was not imported). */
export function parseRawText(
  rawText: string | null,
): { category: string; value: string; source: string } | null {
  if (rawText === null) return null;
  try {
    const parsed = JSON.parse(rawText) as Partial<Record<'category' | 'value' | 'source', unknown>>;
    const text = (field: unknown) => (typeof field === 'string' ? field : '');
    return {
      category: text(parsed.category),
      value: text(parsed.value),
      source: text(parsed.source),
    };
  } catch {
    return null;
  }
}

/**
 * `vigil import glotip` / `POST /api/glotip-imports`: a dataUNODC export into published returns
 * of member-state reporting entities, one per country and year, marked with their sources.
 * Entities are created when missing (type `member_state`, the country's ISO code). The whole file
 * is one transaction, so a failure leaves nothing of it; a return whose figures are already
 * stored is left alone, so running the same file again changes nothing. UNODC's figures are
 * public already: they are stored as published (the publication service still hides their `<5`
 * cells and complements).
 */
export function createGlotipImportService(deps: {
  database: Database;
  organisations: OrganisationService;
  returns: ReturnService;
}): GlotipImportService {
  return {
    async run(ctx, input) {
      // Creating top-level reporting entities is installation-wide: system administrators only.
      authorize(ctx.actor, 'publication.manage', 'installation');
      const read = readDataUnodcRows(await textRows(input.content, input.format));
      const grouped = returnsByCountryYear(read.rows);
      const report: GlotipImportReport = {
        dryRun: input.dryRun,
        outcomes: { ...read.outcomes },
        rejections: [...read.rejections],
        inconsistencies: [...read.inconsistencies],
        returns: [],
        organisationsCreated: [],
      };
      const rawOf = new Map(
        read.rows.map((row) => [
          `${row.iso3}|${String(row.year)}|${cellKeyString(row.key)}`,
          rawTextOf(row.rawCategory, row.rawValue, row.source),
        ]),
      );
      if (input.dryRun) {
        for (const ret of grouped) {
          report.returns.push({
            country: ret.iso3,
            year: ret.year,
            cells: ret.cells.length,
            outcome: 'would_write',
          });
        }
        return report;
      }
      await deps.database.db.transaction().execute(async (trx) => {
        // Every existing return the file writes, locked first and in one order. A person's
        // edit locks its return, then the audit chain's head; taking returns one by one, after
        // writing the audit entries of earlier ones, could wait on such an edit while holding
        // the head it waits for (a deadlock on PostgreSQL).
        const existing: { organisationId: string; year: number }[] = [];
        for (const ret of grouped) {
          const org = await deps.organisations.findBySlug(trx, memberStateSlug(ret.iso3));
          if (org !== undefined) existing.push({ organisationId: org.id, year: ret.year });
        }
        await deps.returns.lockReturnsOf(trx, existing);
        for (const ret of grouped) {
          const slug = memberStateSlug(ret.iso3);
          let org = await deps.organisations.findBySlug(trx, slug);
          if (org === undefined) {
            org = await deps.organisations.createIn(trx, ctx, {
              name: countryLabel(ret.iso3),
              slug,
              type: 'member_state',
              country: ret.iso3,
              parentId: null,
              requireTwoFactor: false,
            });
            report.organisationsCreated.push(slug);
          }
          const result = await deps.returns.saveSystemCellsIn(trx, ctx, {
            organisationId: org.id,
            year: ret.year,
            source: 'dataunodc',
            sourceNote: `dataUNODC (${ret.sources.join(', ')})`,
            mode: 'published',
            cells: ret.cells.map((cell) => ({
              key: cell.key,
              value: cell.value,
              rawText:
                rawOf.get(`${ret.iso3}|${String(ret.year)}|${cellKeyString(cell.key)}`) ?? null,
            })),
          });
          report.returns.push({
            country: ret.iso3,
            year: ret.year,
            cells: ret.cells.length,
            outcome: result.created ? 'created' : result.changed ? 'updated' : 'unchanged',
          });
        }
      });
      return report;
    },
  };
}
