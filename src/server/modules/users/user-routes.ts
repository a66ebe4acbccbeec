import { z } from 'zod';
import { idSchema } from '../../../shared/common-schemas.js';
import {
  createMembershipBodySchema,
  createUserBodySchema,
  membershipSchema,
  updateUserBodySchema,
  userSchema,
} from '../../../shared/identity-schemas.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { contextOf } from '../access/index.js';
import { presentMembership, presentUser } from './user-presenter.js';
import type { UserService } from './user-service.js';

const idParams = z.strictObject({ id: idSchema });

/** `/api/users` and `/api/memberships`. */
export function registerUserRoutes(app: HttpApp, users: UserService): void {
  const tags = ['users'];
  app.get(
    '/api/users',
    { schema: { tags, response: { 200: z.object({ items: z.array(userSchema) }) } } },
    async (request) => ({ items: (await users.list(contextOf(request))).map(presentUser) }),
  );
  app.post(
    '/api/users',
    { schema: { tags, body: createUserBodySchema, response: { 201: userSchema } } },
    async (request, reply) =>
      reply.status(201).send(presentUser(await users.create(contextOf(request), request.body))),
  );
  app.get(
    '/api/users/:id',
    { schema: { tags, params: idParams, response: { 200: userSchema } } },
    async (request) => presentUser(await users.get(contextOf(request), request.params.id)),
  );
  app.patch(
    '/api/users/:id',
    {
      schema: { tags, params: idParams, body: updateUserBodySchema, response: { 200: userSchema } },
    },
    async (request) =>
      presentUser(await users.update(contextOf(request), request.params.id, request.body)),
  );

  const membershipTags = ['memberships'];
  app.get(
    '/api/memberships',
    {
      schema: {
        tags: membershipTags,
        querystring: z.strictObject({
          userId: idSchema.optional(),
          organisationId: idSchema.optional(),
        }),
        response: { 200: z.object({ items: z.array(membershipSchema) }) },
      },
    },
    async (request) => ({
      items: (await users.listMemberships(contextOf(request), request.query)).map(
        presentMembership,
      ),
    }),
  );
  app.post(
    '/api/memberships',
    {
      schema: {
        tags: membershipTags,
        body: createMembershipBodySchema,
        response: { 201: membershipSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(presentMembership(await users.addMembership(contextOf(request), request.body))),
  );
  app.delete(
    '/api/memberships/:id',
    { schema: { tags: membershipTags, params: idParams } },
    async (request, reply) => {
      await users.removeMembership(contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
