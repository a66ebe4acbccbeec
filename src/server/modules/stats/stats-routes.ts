import { crosstabQuerySchema, crosstabResponseSchema } from '../../../shared/crosstab-schemas.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { contextOf } from '../access/index.js';
import { presentCrosstab } from './stats-presenter.js';
import type { StatsService } from './stats-service.js';

const tags = ['stats'];

/** `/api/stats/crosstab`: internal counts of case records for dashboards. */
export function registerStatsRoutes(app: HttpApp, stats: StatsService): void {
  app.get(
    '/api/stats/crosstab',
    {
      schema: {
        tags,
        querystring: crosstabQuerySchema,
        response: { 200: crosstabResponseSchema },
      },
    },
    async (request) => presentCrosstab(await stats.crosstab(contextOf(request), request.query)),
  );
}
