import { z } from 'zod';
import {
  countingPolicyResponseSchema,
  deriveBodySchema,
  deriveResponseSchema,
  drillDownQuerySchema,
  drillDownResponseSchema,
} from '../../../shared/derivation-schemas.js';
import type { HttpApp } from '../../platform/http/app-factory.js';
import { contextOf } from '../access/index.js';
import type { DerivationService } from './derivation-service.js';

const tags = ['returns'];

/** `/api/derivations`: draft returns derived from case records, and drill-down into a cell. */
export function registerDerivationRoutes(app: HttpApp, derivation: DerivationService): void {
  app.get(
    '/api/derivations/policies',
    { schema: { tags, response: { 200: z.array(countingPolicyResponseSchema) } } },
    async (request) => {
      contextOf(request);
      // Policies are documentation, the same for everyone signed in; copied field by field.
      return Promise.resolve(
        derivation.policies().map((policy) => ({
          id: policy.id,
          name: policy.name,
          description: policy.description,
          detectedStatuses: [...policy.detectedStatuses],
          decidingOrganisations:
            policy.decidingOrganisations === 'any'
              ? ('any' as const)
              : [...policy.decidingOrganisations],
          yearBasis: policy.yearBasis,
          ageBasis: policy.ageBasis,
          nationalsRule: policy.nationalsRule,
          sexRule: { ...policy.sexRule },
        })),
      );
    },
  );
  app.post(
    '/api/derivations',
    { schema: { tags, body: deriveBodySchema, response: { 200: deriveResponseSchema } } },
    async (request) => {
      const result = await derivation.derive(contextOf(request), request.body);
      return { ...result, policyId: request.body.policyId };
    },
  );
  app.get(
    '/api/derivations/drill-down',
    {
      schema: {
        tags,
        querystring: drillDownQuerySchema,
        response: { 200: drillDownResponseSchema },
      },
    },
    async (request) => {
      const q = request.query;
      const result = await derivation.drillDown(contextOf(request), {
        organisationId: q.organisationId,
        year: q.year,
        policyId: q.policyId,
        includeSynthetic: q.includeSynthetic,
        cellKey: {
          indicator: q.indicator,
          dimension: q.dimension,
          category: q.category,
          sex: q.sex,
          age: q.age,
        },
      });
      return {
        value: result.value,
        cases: result.cases.map(({ caseId, caseNumber }) => ({ caseId, caseNumber })),
        hidden: result.hidden,
      };
    },
  );
}
