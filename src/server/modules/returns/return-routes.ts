import { z } from 'zod';
import { idSchema } from '../../../shared/common-schemas.js';
import {
  completenessQuerySchema,
  completenessResponseSchema,
  createReturnBodySchema,
  decisionBodySchema,
  reopenReturnBodySchema,
  returnCellsBodySchema,
  returnDetailQuerySchema,
  returnDetailSchema,
  returnDiffSchema,
  returnInboxResponseSchema,
  returnListQuerySchema,
  returnListResponseSchema,
  returnVersionListSchema,
  returnVersionSchema,
  sendBackReturnBodySchema,
  submitReturnBodySchema,
} from '../../../shared/return-schemas.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { contextOf } from '../access/index.js';
import {
  presentCompleteness,
  presentDiff,
  presentInboxItem,
  presentReturnDetail,
  presentReturnSummary,
  presentVersion,
  presentVersionSummary,
} from './return-presenter.js';
import type { ReturnService } from './return-service.js';

const idParams = z.strictObject({ id: idSchema });
const tags = ['returns'];
const detail = { 200: returnDetailSchema };

/** `/api/returns`: GLOTIP returns, their cells, workflow, versions, inbox and completeness. */
export function registerReturnRoutes(app: HttpApp, returns: ReturnService): void {
  app.get(
    '/api/returns',
    {
      schema: {
        tags,
        querystring: returnListQuerySchema,
        response: { 200: returnListResponseSchema },
      },
    },
    async (request) => {
      const { items, total } = await returns.list(contextOf(request), request.query);
      return { items: items.map(presentReturnSummary), total };
    },
  );
  app.post(
    '/api/returns',
    { schema: { tags, body: createReturnBodySchema, response: { 201: returnDetailSchema } } },
    async (request, reply) => {
      const ctx = contextOf(request);
      const created = await returns.create(ctx, request.body);
      return reply.status(201).send(presentReturnDetail(await returns.get(ctx, created.id)));
    },
  );
  app.get(
    '/api/returns/inbox',
    { schema: { tags, response: { 200: returnInboxResponseSchema } } },
    async (request) => ({
      items: (await returns.inbox(contextOf(request))).map(presentInboxItem),
    }),
  );
  app.get(
    '/api/returns/completeness',
    {
      schema: {
        tags,
        querystring: completenessQuerySchema,
        response: { 200: completenessResponseSchema },
      },
    },
    async (request) =>
      presentCompleteness(await returns.completeness(contextOf(request), request.query.year)),
  );
  app.get(
    '/api/returns/:id',
    { schema: { tags, params: idParams, querystring: returnDetailQuerySchema, response: detail } },
    async (request) =>
      presentReturnDetail(
        await returns.get(contextOf(request), request.params.id, request.query.lang),
      ),
  );
  app.put(
    '/api/returns/:id/cells',
    { schema: { tags, params: idParams, body: returnCellsBodySchema, response: detail } },
    async (request) => {
      const ctx = contextOf(request);
      await returns.writeCells(ctx, request.params.id, request.body.cells);
      return presentReturnDetail(await returns.get(ctx, request.params.id));
    },
  );

  // Workflow steps answer with the return as the actor now sees it (actions included).
  const stepRoute = <B extends z.ZodType>(
    path: string,
    body: B,
    run: (ctx: ReturnType<typeof contextOf>, id: string, body: z.output<B>) => Promise<unknown>,
  ) => {
    app.post(
      `/api/returns/:id/${path}`,
      { schema: { tags, params: idParams, body, response: detail } },
      async (request) => {
        const ctx = contextOf(request);
        await run(ctx, request.params.id, request.body as z.output<B>);
        return presentReturnDetail(await returns.get(ctx, request.params.id));
      },
    );
  };
  stepRoute('submit', submitReturnBodySchema, (ctx, id, body) =>
    returns.submit(ctx, id, body.warningComments),
  );
  stepRoute('return', sendBackReturnBodySchema, (ctx, id, body) =>
    returns.sendBack(ctx, id, body.comment),
  );
  stepRoute('accept', decisionBodySchema, (ctx, id, body) => returns.accept(ctx, id, body.comment));
  stepRoute('approve', decisionBodySchema, (ctx, id, body) =>
    returns.approve(ctx, id, body.comment),
  );
  stepRoute('publish', decisionBodySchema, (ctx, id, body) =>
    returns.publish(ctx, id, body.comment),
  );
  stepRoute('reopen', reopenReturnBodySchema, (ctx, id, body) =>
    returns.reopen(ctx, id, body.reason),
  );

  app.get(
    '/api/returns/:id/versions',
    { schema: { tags, params: idParams, response: { 200: returnVersionListSchema } } },
    async (request) => ({
      items: (await returns.versions(contextOf(request), request.params.id)).map(
        presentVersionSummary,
      ),
    }),
  );
  app.get(
    '/api/returns/:id/versions/:version',
    {
      schema: {
        tags,
        params: z.strictObject({ id: idSchema, version: z.coerce.number().int().min(1) }),
        response: { 200: returnVersionSchema },
      },
    },
    async (request) =>
      presentVersion(
        await returns.version(contextOf(request), request.params.id, request.params.version),
      ),
  );
  app.get(
    '/api/returns/:id/diff',
    { schema: { tags, params: idParams, response: { 200: returnDiffSchema } } },
    async (request) =>
      presentDiff(request.params.id, await returns.diff(contextOf(request), request.params.id)),
  );
}
