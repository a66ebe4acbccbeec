import { z } from 'zod';
import { idSchema, timestampSchema } from './common-schemas.js';
import { auditOutcomes } from './vocabulary.js';

/** An audit entry as the API returns it. */
export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: timestampSchema,
  actorType: z.enum(['user', 'token', 'system', 'anonymous']),
  actorId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  organisationId: z.string().nullable(),
  requestId: z.string().nullable(),
  outcome: z.enum(auditOutcomes),
  hash: z.string(),
});

/** `GET /api/audit` query. */
export const auditQuerySchema = z.strictObject({
  action: z
    .string()
    .regex(/^[a-z_]+\.[a-z_]+$/)
    .optional(),
  actorId: z.string().max(64).optional(),
  targetType: z.string().max(64).optional(),
  targetId: z.string().max(64).optional(),
  organisationId: idSchema.optional(),
  outcome: z.enum(auditOutcomes).optional(),
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeSeq: z.coerce.number().int().min(1).optional(),
});

/** Result of verifying the audit hash chain. */
export const auditVerificationSchema = z.object({
  intact: z.boolean(),
  entries: z.number().int(),
  firstBadSeq: z.number().int().nullable(),
  problem: z.string().nullable(),
});
