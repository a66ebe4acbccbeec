import {
  dataSetListSchema,
  glotipStatsQuerySchema,
  glotipStatsResponseSchema,
  ruleListQuerySchema,
  ruleListSchema,
} from '../../../shared/return-schemas.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { contextOf } from '../access/index.js';
import { presentDataSet, presentStatsCell } from './return-presenter.js';
import type { ReturnService } from './return-service.js';

const tags = ['glotip'];

/** `/api/glotip/*` (data sets, rules) and `GET /api/stats/glotip` (the statistics query). */
export function registerGlotipRoutes(app: HttpApp, returns: ReturnService): void {
  app.get(
    '/api/glotip/data-sets',
    { schema: { tags, response: { 200: dataSetListSchema } } },
    (request) => {
      // The definition is public knowledge, but only signed-in users reach the API.
      contextOf(request);
      return Promise.resolve({ items: returns.dataSets().map(presentDataSet) });
    },
  );
  app.get(
    '/api/glotip/rules',
    { schema: { tags, querystring: ruleListQuerySchema, response: { 200: ruleListSchema } } },
    async (request) => ({
      items: await returns.rules(contextOf(request), request.query.lang),
    }),
  );
  app.get(
    '/api/stats/glotip',
    {
      schema: {
        tags,
        querystring: glotipStatsQuerySchema,
        response: { 200: glotipStatsResponseSchema },
      },
    },
    async (request) => {
      const { items, total } = await returns.stats(contextOf(request), request.query);
      return { items: items.map(presentStatsCell), total };
    },
  );
}
