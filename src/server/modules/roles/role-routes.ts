import { z } from 'zod';
import {
  createRoleBodySchema,
  roleSchema,
  updateRoleBodySchema,
} from '../../../shared/identity-schemas.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { contextOf } from '../access/index.js';
import type { Role, RoleService } from './role-service.js';

const nameParams = z.strictObject({ name: z.string().min(1).max(64) });
const tags = ['roles'];
const present = (role: Role): z.infer<typeof roleSchema> => ({
  name: role.name,
  verbs: role.verbs,
  builtIn: role.builtIn,
});

/** `/api/roles`: built-in and custom roles. */
export function registerRoleRoutes(app: HttpApp, roles: RoleService): void {
  app.get(
    '/api/roles',
    { schema: { tags, response: { 200: z.object({ items: z.array(roleSchema) }) } } },
    async (request) => ({ items: (await roles.list(contextOf(request))).map(present) }),
  );
  app.post(
    '/api/roles',
    { schema: { tags, body: createRoleBodySchema, response: { 201: roleSchema } } },
    async (request, reply) => {
      const role = await roles.create(contextOf(request), request.body.name, request.body.verbs);
      return reply.status(201).send(present(role));
    },
  );
  app.put(
    '/api/roles/:name',
    {
      schema: {
        tags,
        params: nameParams,
        body: updateRoleBodySchema,
        response: { 200: roleSchema },
      },
    },
    async (request) =>
      present(await roles.update(contextOf(request), request.params.name, request.body.verbs)),
  );
  app.delete(
    '/api/roles/:name',
    { schema: { tags, params: nameParams } },
    async (request, reply) => {
      await roles.remove(contextOf(request), request.params.name);
      return reply.status(204).send();
    },
  );
}
