import { z } from 'zod';
import {
  breakGlassBodySchema,
  caseListQuerySchema,
  caseResponseSchema,
  caseSummarySchema,
  caseUpdateBodySchema,
  consentBodySchema,
  consentResponseSchema,
  createCaseBodySchema,
  forgetBodySchema,
} from '../../../shared/case-schemas.js';
import { idSchema, idempotencyHeadersSchema } from '../../../shared/common-schemas.js';
import { consentInForce } from '../../../core/cases/consent-ledger.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { contextOf } from '../access/index.js';
import { presentCase, presentCaseSummary, presentConsent } from './case-presenter.js';
import type { CaseService } from './case-service.js';
import type { ConsentService } from './consent-service.js';
import type { SafeguardService } from './safeguard-service.js';

const idParams = z.strictObject({ id: idSchema });
const tags = ['cases'];

/** `/api/cases`: victim case records, consent ledger, break-glass and forget. */
export function registerCaseRoutes(
  app: HttpApp,
  deps: { cases: CaseService; consents: ConsentService; safeguards: SafeguardService },
): void {
  const { cases, consents, safeguards } = deps;
  app.get(
    '/api/cases',
    {
      schema: {
        tags,
        querystring: caseListQuerySchema,
        response: {
          200: z.object({ items: z.array(caseSummarySchema), total: z.number().int() }),
        },
      },
    },
    async (request) => {
      const { items, total } = await cases.list(contextOf(request), request.query);
      return { items: items.map(presentCaseSummary), total };
    },
  );
  app.post(
    '/api/cases',
    {
      schema: {
        tags,
        headers: idempotencyHeadersSchema,
        body: createCaseBodySchema,
        response: { 201: caseResponseSchema },
      },
    },
    async (request, reply) => {
      const { organisationId, ...record } = request.body;
      const opened = await cases.create(
        contextOf(request),
        organisationId,
        record,
        request.headers['idempotency-key'],
      );
      return reply.status(201).send(presentCase(opened));
    },
  );
  app.get(
    '/api/cases/:id',
    { schema: { tags, params: idParams, response: { 200: caseResponseSchema } } },
    async (request) => presentCase(await cases.get(contextOf(request), request.params.id)),
  );
  app.patch(
    '/api/cases/:id',
    {
      schema: {
        tags,
        params: idParams,
        body: caseUpdateBodySchema,
        response: { 200: caseResponseSchema },
      },
    },
    async (request) =>
      presentCase(await cases.update(contextOf(request), request.params.id, request.body)),
  );
  app.post(
    '/api/cases/:id/break-glass',
    {
      schema: {
        tags,
        params: idParams,
        body: breakGlassBodySchema,
        response: { 201: z.object({ expiresAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const grant = await safeguards.breakGlass(
        contextOf(request),
        request.params.id,
        request.body.reason,
      );
      return reply.status(201).send(grant);
    },
  );
  app.post(
    '/api/cases/:id/forget',
    { schema: { tags, params: idParams, body: forgetBodySchema } },
    async (request, reply) => {
      const walScrub = await safeguards.forget(
        contextOf(request),
        request.params.id,
        request.body.confirmCaseNumber,
      );
      // The forget has committed either way; an operator should know when the old pages are
      // still on disk, waiting for a reader to let go (they are retried until it does).
      if (walScrub === 'pending') {
        request.log.warn({ walScrub }, 'forgotten: the WAL is cut once the readers holding it end');
      }
      return reply.status(204).send();
    },
  );
  app.get(
    '/api/cases/:id/consents',
    {
      schema: {
        tags,
        params: idParams,
        response: { 200: z.object({ items: z.array(consentResponseSchema) }) },
      },
    },
    async (request) => {
      const entries = await consents.list(contextOf(request), request.params.id);
      const inForce = new Set(
        (['case_management', 'referral', 'sharing', 'research'] as const)
          .map((purpose) => consentInForce(entries, purpose)?.id)
          .filter((id) => id !== undefined),
      );
      return { items: entries.map((entry) => presentConsent(entry, inForce.has(entry.id))) };
    },
  );
  app.post(
    '/api/cases/:id/consents',
    {
      schema: {
        tags,
        params: idParams,
        headers: idempotencyHeadersSchema,
        body: consentBodySchema,
        response: { 201: consentResponseSchema },
      },
    },
    async (request, reply) => {
      const { entry, inForce } = await consents.record(
        contextOf(request),
        request.params.id,
        request.body,
        request.headers['idempotency-key'],
      );
      return reply.status(201).send(presentConsent(entry, inForce));
    },
  );
  app.post(
    '/api/cases/:id/consents/:consentId/revoke',
    { schema: { tags, params: z.strictObject({ id: idSchema, consentId: idSchema }) } },
    async (request, reply) => {
      await consents.revoke(contextOf(request), request.params.id, request.params.consentId);
      return reply.status(204).send();
    },
  );
}
