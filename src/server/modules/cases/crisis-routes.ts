import { z } from 'zod';
import { crisisBodySchema, crisisResponseSchema } from '../../../shared/case-schemas.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { contextOf } from '../access/index.js';
import type { Crisis, CrisisService } from './crisis-service.js';

const tags = ['crises'];
const present = (c: Crisis): z.input<typeof crisisResponseSchema> => ({
  id: c.id,
  name: c.name,
  countries: c.countries,
  startDate: c.startDate,
  endDate: c.endDate,
});

/** `/api/crises`: the reference list of crises that conflict-related cases belong to. */
export function registerCrisisRoutes(app: HttpApp, crises: CrisisService): void {
  app.get(
    '/api/crises',
    { schema: { tags, response: { 200: z.object({ items: z.array(crisisResponseSchema) }) } } },
    async (request) => ({ items: (await crises.list(contextOf(request))).map(present) }),
  );
  app.post(
    '/api/crises',
    { schema: { tags, body: crisisBodySchema, response: { 201: crisisResponseSchema } } },
    async (request, reply) =>
      reply.status(201).send(present(await crises.create(contextOf(request), request.body))),
  );
}
