import { z } from 'zod';
import {
  referralBodySchema,
  referralPacketResponseSchema,
  incomingReferralResponseSchema,
  referralResponseSchema,
  referralStatusBodySchema,
  serviceProviderBodySchema,
  serviceProviderResponseSchema,
} from '../../../shared/case-schemas.js';
import { idSchema, idempotencyHeadersSchema } from '../../../shared/common-schemas.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { contextOf } from '../access/index.js';
import type { ReferralListing, ServiceProvider } from './referral-model.js';
import type { ReferralService } from './referral-service.js';

const idParams = z.strictObject({ id: idSchema });
const tags = ['referrals'];

function presentProvider(p: ServiceProvider): z.input<typeof serviceProviderResponseSchema> {
  return {
    id: p.id,
    organisationId: p.organisationId,
    name: p.name,
    kinds: p.kinds,
    country: p.country,
    recipientOrganisationId: p.recipientOrganisationId,
    active: p.active,
  };
}

/** Allow-list of a referral line: the sealed packet never leaves through a list. */
/** A referral as its recipient sees it in the inbox (see incomingReferralResponseSchema). */
function presentIncomingReferral(
  r: ReferralListing,
  overdue: boolean,
): z.input<typeof incomingReferralResponseSchema> {
  return {
    id: r.id,
    caseNumber: r.caseNumber,
    providerId: r.providerId,
    providerName: r.providerName,
    serviceKind: r.serviceKind,
    status: r.status,
    consentOverridden: r.consentOverridden,
    sentAt: r.sentAt,
    acknowledgeBy: r.acknowledgeBy,
    acknowledgedAt: r.acknowledgedAt,
    overdue,
  };
}

/** A referral as the referring organisation sees it, with the case it belongs to. */
function presentReferral(
  r: ReferralListing,
  overdue: boolean,
): z.input<typeof referralResponseSchema> {
  return { ...presentIncomingReferral(r, overdue), caseId: r.caseId };
}

/** Service-provider directory, referrals of a case, and the recipients' inbox. */
export function registerReferralRoutes(app: HttpApp, referrals: ReferralService): void {
  const list = z.object({ items: z.array(referralResponseSchema) });
  app.get(
    '/api/service-providers',
    {
      schema: {
        tags,
        response: { 200: z.object({ items: z.array(serviceProviderResponseSchema) }) },
      },
    },
    async (request) => ({
      items: (await referrals.listProviders(contextOf(request))).map(presentProvider),
    }),
  );
  app.post(
    '/api/service-providers',
    {
      schema: {
        tags,
        headers: idempotencyHeadersSchema,
        body: serviceProviderBodySchema,
        response: { 201: serviceProviderResponseSchema },
      },
    },
    async (request, reply) => {
      const provider = await referrals.createProvider(
        contextOf(request),
        request.body,
        request.headers['idempotency-key'],
      );
      return reply.status(201).send(presentProvider(provider));
    },
  );
  app.get(
    '/api/cases/:id/referrals',
    { schema: { tags, params: idParams, response: { 200: list } } },
    async (request) => ({
      items: (await referrals.listForCase(contextOf(request), request.params.id)).map((r) =>
        presentReferral(r, referrals.isOverdue(r)),
      ),
    }),
  );
  app.post(
    '/api/cases/:id/referrals',
    {
      schema: {
        tags,
        params: idParams,
        headers: idempotencyHeadersSchema,
        body: referralBodySchema,
        response: { 201: referralResponseSchema },
      },
    },
    async (request, reply) => {
      const referral = await referrals.refer(
        contextOf(request),
        request.params.id,
        request.body,
        request.headers['idempotency-key'],
      );
      return reply.status(201).send(presentReferral(referral, referrals.isOverdue(referral)));
    },
  );
  app.get(
    '/api/referrals/inbox',
    {
      schema: {
        tags,
        response: { 200: z.object({ items: z.array(incomingReferralResponseSchema) }) },
      },
    },
    async (request) => ({
      items: (await referrals.inbox(contextOf(request))).map((r) =>
        presentIncomingReferral(r, referrals.isOverdue(r)),
      ),
    }),
  );
  app.get(
    '/api/referrals/:id/packet',
    { schema: { tags, params: idParams, response: { 200: referralPacketResponseSchema } } },
    async (request) => {
      const { referral, packet } = await referrals.openPacket(
        contextOf(request),
        request.params.id,
      );
      return { referralId: referral.id, serviceKind: referral.serviceKind, packet };
    },
  );
  app.patch(
    '/api/referrals/:id',
    { schema: { tags, params: idParams, body: referralStatusBodySchema } },
    async (request, reply) => {
      await referrals.move(contextOf(request), request.params.id, request.body.status);
      return reply.status(204).send();
    },
  );
}
