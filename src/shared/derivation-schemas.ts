import { z } from 'zod';
import { idSchema } from './common-schemas.js';
import {
  glotipAges,
  glotipDimensions,
  glotipIndicators,
  glotipSexes,
} from './glotip-vocabulary.js';

/** `POST /api/derivations`: a draft return from the case records of an organisation's subtree. */
export const deriveBodySchema = z.strictObject({
  organisationId: idSchema,
  year: z.number().int().min(2000).max(2100),
  policyId: z.string().min(1).max(64),
  /** Count synthetic (demo) case records too; off unless asked, so demo data never leaks. */
  includeSynthetic: z.boolean().default(false),
});
export type DeriveBody = z.output<typeof deriveBodySchema>;

export const deriveResponseSchema = z.strictObject({
  returnId: idSchema,
  created: z.boolean(),
  policyId: z.string(),
  cells: z.number().int(),
  /** Case records counted in the total (each once). */
  records: z.number().int(),
});

/** `GET /api/derivations/drill-down`: which cases a derived cell counted. */
export const drillDownQuerySchema = z.strictObject({
  organisationId: idSchema,
  year: z.coerce.number().int().min(2000).max(2100),
  policyId: z.string().min(1).max(64),
  indicator: z.enum(glotipIndicators),
  dimension: z.enum(glotipDimensions),
  category: z.string().min(1).max(64),
  sex: z.enum(glotipSexes),
  age: z.enum(glotipAges),
  includeSynthetic: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export const drillDownResponseSchema = z.strictObject({
  value: z.number().int(),
  cases: z.array(z.strictObject({ caseId: idSchema, caseNumber: z.string() })),
  hidden: z.number().int(),
});

/** `GET /api/derivations/policies`: the counting policies, as documented. */
export const countingPolicyResponseSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  detectedStatuses: z.array(z.string()),
  decidingOrganisations: z.union([z.literal('any'), z.array(z.string())]),
  yearBasis: z.string(),
  ageBasis: z.string(),
  nationalsRule: z.string(),
  sexRule: z.record(z.string(), z.string()),
});
