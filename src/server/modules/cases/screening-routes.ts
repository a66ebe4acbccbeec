import { z } from 'zod';
import { idSchema, idempotencyHeadersSchema } from '../../../shared/common-schemas.js';
import {
  screeningRequestBodySchema,
  screeningResultSchema,
} from '../../../shared/screening-vocabulary.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { contextOf } from '../access/index.js';
import type { ScreeningService } from './screening-service.js';

const idParams = z.strictObject({ id: idSchema });
const screeningSchema = z.object({
  id: idSchema,
  indicators: z.array(z.string()),
  result: screeningResultSchema,
  createdAt: z.string(),
});
const tags = ['cases'];

/** `/api/cases/:id/screenings`: ILO indicator screenings of a case. */
export function registerScreeningRoutes(app: HttpApp, screenings: ScreeningService): void {
  app.get(
    '/api/cases/:id/screenings',
    {
      schema: {
        tags,
        params: idParams,
        response: { 200: z.object({ items: z.array(screeningSchema) }) },
      },
    },
    async (request) => ({
      items: (await screenings.list(contextOf(request), request.params.id)).map((s) => ({
        id: s.id,
        indicators: s.indicators,
        result: s.result,
        createdAt: s.createdAt,
      })),
    }),
  );
  app.post(
    '/api/cases/:id/screenings',
    {
      schema: {
        tags,
        params: idParams,
        headers: idempotencyHeadersSchema,
        body: screeningRequestBodySchema,
        response: { 201: screeningSchema },
      },
    },
    async (request, reply) => {
      const s = await screenings.screen(
        contextOf(request),
        request.params.id,
        request.body,
        request.headers['idempotency-key'],
      );
      return reply
        .status(201)
        .send({ id: s.id, indicators: s.indicators, result: s.result, createdAt: s.createdAt });
    },
  );
}
