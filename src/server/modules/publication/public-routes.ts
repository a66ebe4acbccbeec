import {
  publicDashboardQuerySchema,
  publicDashboardResponseSchema,
  publicDownloadQuerySchema,
  publicGlotipQuerySchema,
  publicGlotipResponseSchema,
  publicRegionsQuerySchema,
  publicRegionsResponseSchema,
} from '../../../shared/public-schemas.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import type { PublicationService } from './publication-service.js';

const tags = ['public'];

/** The paths this file serves: a test checks that no other code registers under /api/public. */
export const publicRoutePaths = [
  '/api/public/stats/glotip',
  '/api/public/dashboard',
  '/api/public/download',
  '/api/public/regions',
] as const;

/**
 * `/api/public/…`: open data without sign-in. Each handler calls the publication service and
 * nothing else (lint forbids this file any other import from the server), so every figure
 * served here has been published and protected.
 */
export function registerPublicRoutes(app: HttpApp, publication: PublicationService): void {
  const open = { public: true, rateLimit: { max: 300, timeWindow: '1 minute' } };
  app.get(
    publicRoutePaths[0],
    {
      config: open,
      schema: {
        tags,
        summary: 'Protected GLOTIP cells of one country and year',
        querystring: publicGlotipQuerySchema,
        response: { 200: publicGlotipResponseSchema },
      },
    },
    async (request) => publication.glotip(request.query),
  );
  app.get(
    publicRoutePaths[1],
    {
      config: open,
      schema: {
        tags,
        summary: 'The public dashboard: protected charts for a set of filters',
        querystring: publicDashboardQuerySchema,
        response: { 200: publicDashboardResponseSchema },
      },
    },
    async (request) => publication.dashboard(request.query),
  );
  app.get(
    publicRoutePaths[2],
    {
      config: open,
      schema: {
        tags,
        summary: 'One chart of the public dashboard as a file (CSV, XLSX, SDMX-CSV, HXL)',
        querystring: publicDownloadQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await publication.download(request.query);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );
  app.get(
    publicRoutePaths[3],
    {
      config: open,
      schema: {
        tags,
        summary: 'Regions of a region scheme',
        querystring: publicRegionsQuerySchema,
        response: { 200: publicRegionsResponseSchema },
      },
    },
    (request) =>
      Promise.resolve({
        scheme: request.query.scheme,
        regions: publication.regions(request.query),
      }),
  );
}
