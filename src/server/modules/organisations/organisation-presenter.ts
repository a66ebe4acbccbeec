import type { z } from 'zod';
import type { organisationSchema } from '../../../shared/identity-schemas.js';
import type { Organisation } from './organisation-model.js';

/** Allow-list of organisation fields sent to clients. */
export function presentOrganisation(org: Organisation): z.infer<typeof organisationSchema> {
  return {
    id: org.id,
    name: org.name,
    slug: org.slug,
    type: org.type,
    country: org.country,
    parentId: org.parentId,
    requireTwoFactor: org.requireTwoFactor,
    createdAt: org.createdAt,
  };
}
