import {
  readPopulationRows,
  type PopulationFigureRow,
  type PopulationHeaderProblem,
} from '../../../core/populations/index.js';
import { AppError } from '../../../shared/app-error.js';
import type { ErrorDetail } from '../../../shared/error-codes.js';
import { populationImportMaxBytes } from '../../../shared/population-schemas.js';
import { isUniqueViolation, type Database, type Executor } from '../../platform/db/database.js';
import { readCsv, readingUpload, type CsvTable } from '../../platform/tabular/index.js';
import { auditActorOf, authorize, type RequestContext } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import {
  outcomeOf,
  type PopulationImportReport,
  type StoredPopulation,
} from './population-model.js';
import {
  findPopulationsOf,
  insertPopulations,
  listPopulations,
  updatePopulation,
} from './population-repo.js';

/** Population tables: reference data for rates per 100,000 in public outputs. */
export interface PopulationService {
  /**
   * `vigil import population` / `POST /api/populations/import`: a CSV file of
   * `country,year,population[,source]` upserted in one transaction with its audit entry.
   */
  importCsv: (
    ctx: RequestContext,
    input: { content: string | Buffer; dryRun: boolean },
  ) => Promise<PopulationImportReport>;
  /** Loaded populations, by country then year. */
  list: (
    ctx: RequestContext,
    filter: { country?: string; year?: number },
  ) => Promise<StoredPopulation[]>;
  /** Every loaded population, for the publication path (public data, read without an actor). */
  listForPublication: () => Promise<StoredPopulation[]>;
}

function readTable(content: string | Buffer): Promise<CsvTable> {
  return readingUpload(() => readCsv(content, { maxBytes: populationImportMaxBytes }));
}

function headerError(problems: readonly PopulationHeaderProblem[]): AppError {
  const messages: Record<PopulationHeaderProblem['issue'], string> = {
    missing_column: 'The header lacks this column (country, year and population are required)',
    unknown_column: 'Not a column of a population file (country, year, population, source)',
    repeated_column: 'The header names this column twice',
  };
  const details: ErrorDetail[] = problems.map((problem) => ({
    path: ['body', 'csv', 'header', problem.column],
    issue: problem.issue,
    message: messages[problem.issue],
  }));
  return new AppError('validation.failed', details);
}

export function createPopulationService(deps: {
  database: Database;
  audit: AuditService;
  now: () => Date;
}): PopulationService {
  const { database, audit, now } = deps;

  /** Compares the rows with what is stored and, unless a dry run, writes the differences. */
  const apply = async (
    trx: Executor,
    ctx: RequestContext,
    rows: readonly PopulationFigureRow[],
    dryRun: boolean,
  ) => {
    const countries = [...new Set(rows.map((row) => row.country))];
    const stored = new Map(
      (await findPopulationsOf(trx, countries)).map((row) => [
        `${row.country}|${String(row.year)}`,
        row,
      ]),
    );
    const created: PopulationFigureRow[] = [];
    const updated: PopulationFigureRow[] = [];
    let unchanged = 0;
    for (const row of rows) {
      switch (outcomeOf(row, stored.get(`${row.country}|${String(row.year)}`))) {
        case 'created':
          created.push(row);
          break;
        case 'updated':
          updated.push(row);
          break;
        case 'unchanged':
          unchanged += 1;
          break;
      }
    }
    if (!dryRun) {
      const at = now().toISOString();
      const figure = ({ country, year, population, source }: PopulationFigureRow) => ({
        country,
        year,
        population,
        source,
      });
      await insertPopulations(trx, database.insertRows, created.map(figure), at);
      for (const row of updated) await updatePopulation(trx, figure(row), at);
      // Population tables are installation-wide reference data: no organisation, no target id.
      await audit.record(trx, {
        actor: auditActorOf(ctx.actor),
        action: 'population.import',
        targetType: 'populations',
        targetId: null,
        requestId: ctx.requestId,
      });
    }
    return { created: created.length, updated: updated.length, unchanged };
  };

  return {
    async importCsv(ctx, input) {
      // The table feeds every public rate: an installation-wide object, system administrators only.
      authorize(ctx.actor, 'publication.manage', 'installation');
      const table = await readTable(input.content);
      const read = readPopulationRows(table.header, table.rows);
      if (!read.ok) throw headerError(read.problems);
      const run = () =>
        database.db.transaction().execute((trx) => apply(trx, ctx, read.rows, input.dryRun));
      let counts: Awaited<ReturnType<typeof run>>;
      try {
        counts = await run();
      } catch (error) {
        // Another import added one of these country-years meanwhile: compare again, once.
        if (!isUniqueViolation(error)) throw error;
        counts = await run();
      }
      return {
        dryRun: input.dryRun,
        ...counts,
        rejected: read.rejections.length,
        rejections: [...read.rejections],
      };
    },
    // Population figures are public data, not about anyone: any signed-in user may read them.
    list: (_ctx, filter) => listPopulations(database.db, filter),
    listForPublication: () => listPopulations(database.db),
  };
}
