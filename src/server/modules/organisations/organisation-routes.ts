import { z } from 'zod';
import { idSchema } from '../../../shared/common-schemas.js';
import {
  createOrganisationBodySchema,
  organisationSchema,
  updateOrganisationBodySchema,
} from '../../../shared/identity-schemas.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { contextOf } from '../access/index.js';
import { presentOrganisation } from './organisation-presenter.js';
import type { OrganisationService } from './organisation-service.js';

const idParams = z.strictObject({ id: idSchema });
const tags = ['organisations'];

/** `/api/organisations`: reporting entities and their hierarchy. */
export function registerOrganisationRoutes(app: HttpApp, organisations: OrganisationService): void {
  app.get(
    '/api/organisations',
    { schema: { tags, response: { 200: z.object({ items: z.array(organisationSchema) }) } } },
    async (request) => {
      const items = await organisations.list(contextOf(request));
      return { items: items.map(presentOrganisation) };
    },
  );
  app.post(
    '/api/organisations',
    {
      schema: {
        tags,
        body: createOrganisationBodySchema,
        response: { 201: organisationSchema },
      },
    },
    async (request, reply) => {
      const org = await organisations.create(contextOf(request), request.body);
      return reply.status(201).send(presentOrganisation(org));
    },
  );
  app.get(
    '/api/organisations/:id',
    { schema: { tags, params: idParams, response: { 200: organisationSchema } } },
    async (request) =>
      presentOrganisation(await organisations.get(contextOf(request), request.params.id)),
  );
  app.patch(
    '/api/organisations/:id',
    {
      schema: {
        tags,
        params: idParams,
        body: updateOrganisationBodySchema,
        response: { 200: organisationSchema },
      },
    },
    async (request) =>
      presentOrganisation(
        await organisations.update(contextOf(request), request.params.id, request.body),
      ),
  );
}
