import { z } from 'zod';
import { idSchema } from '../../../shared/common-schemas.js';
import { apiTokenSchema, createApiTokenBodySchema } from '../../../shared/identity-schemas.js';
import { isPermissionVerb } from '../../../shared/permissions.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { contextOf } from '../access/index.js';
import type { ApiToken } from './token-model.js';
import type { TokenService } from './token-service.js';

/** Allow-list of token fields; never the hash. */
function present(token: ApiToken): z.infer<typeof apiTokenSchema> {
  return {
    id: token.id,
    name: token.name,
    organisationId: token.organisationId,
    verbs: token.verbs.filter(isPermissionVerb),
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
    revokedAt: token.revokedAt,
    lastUsedAt: token.lastUsedAt,
  };
}

/** `/api/tokens`: API tokens for machine clients. */
export function registerTokenRoutes(app: HttpApp, tokens: TokenService): void {
  const tags = ['tokens'];
  app.get(
    '/api/tokens',
    {
      schema: {
        tags,
        querystring: z.strictObject({ organisationId: idSchema.optional() }),
        response: { 200: z.object({ items: z.array(apiTokenSchema) }) },
      },
    },
    async (request) => ({
      items: (await tokens.list(contextOf(request), request.query.organisationId)).map(present),
    }),
  );
  app.post(
    '/api/tokens',
    {
      schema: {
        tags,
        body: createApiTokenBodySchema,
        response: { 201: apiTokenSchema.extend({ secret: z.string() }) },
      },
    },
    async (request, reply) => {
      const { token, secret } = await tokens.create(contextOf(request), request.body);
      return reply.status(201).send({ ...present(token), secret });
    },
  );
  app.delete(
    '/api/tokens/:id',
    { schema: { tags, params: z.strictObject({ id: idSchema }) } },
    async (request, reply) => {
      await tokens.revoke(contextOf(request), request.params.id);
      return reply.status(204).send();
    },
  );
}
