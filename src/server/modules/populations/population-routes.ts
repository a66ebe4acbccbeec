import {
  populationImportBodySchema,
  populationImportMaxBytes,
  populationImportReportSchema,
  populationListQuerySchema,
  populationListResponseSchema,
} from '../../../shared/population-schemas.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { contextOf } from '../access/index.js';
import { presentImportReport, presentPopulation } from './population-presenter.js';
import type { PopulationService } from './population-service.js';

const tags = ['populations'];

/** `/api/populations`: the population table behind public rates per 100,000. */
export function registerPopulationRoutes(app: HttpApp, populations: PopulationService): void {
  app.get(
    '/api/populations',
    {
      schema: {
        tags,
        summary: 'Loaded population figures by country and year',
        querystring: populationListQuerySchema,
        response: { 200: populationListResponseSchema },
      },
    },
    async (request) => {
      const query = request.query;
      const rows = await populations.list(contextOf(request), {
        ...(query.country === undefined ? {} : { country: query.country }),
        ...(query.year === undefined ? {} : { year: query.year }),
      });
      return { items: rows.map(presentPopulation) };
    },
  );
  app.post(
    '/api/populations/import',
    {
      // CSV text in a JSON string: quotes and line breaks are escaped, so allow for growth.
      bodyLimit: populationImportMaxBytes * 2 + 4096,
      schema: {
        tags,
        summary:
          'Import populations from CSV (country,year,population[,source]); dry run by default',
        body: populationImportBodySchema,
        response: { 200: populationImportReportSchema },
      },
    },
    async (request) => {
      const report = await populations.importCsv(contextOf(request), {
        content: request.body.csv,
        dryRun: request.body.dryRun,
      });
      return presentImportReport(report);
    },
  );
}
