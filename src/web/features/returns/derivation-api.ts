import type { z } from 'zod';
import type {
  countingPolicyResponseSchema,
  deriveResponseSchema,
  drillDownResponseSchema,
} from '../../../shared/derivation-schemas.js';
import type { GlotipCellKey } from '../../../shared/glotip-vocabulary.js';
import { apiRequest } from '../../api/api-client.js';

// Types of the derivation API, from the shared zod contracts (type-only: no zod at run time).
export type CountingPolicy = z.output<typeof countingPolicyResponseSchema>;
export type DeriveResult = z.output<typeof deriveResponseSchema>;
export type DrillDown = z.output<typeof drillDownResponseSchema>;

/** What a derivation or a drill-down is about: whose cases, which year, counted how. */
export interface DerivationScope {
  organisationId: string;
  year: number;
  policyId: string;
  /** Count synthetic (demo) case records too. */
  includeSynthetic: boolean;
}

export const derivationKeys = {
  policies: ['derivations', 'policies'] as const,
  drillDown: (scope: DerivationScope, key: GlotipCellKey) =>
    ['derivations', 'drill-down', scope, key] as const,
};

/** Draft returns derived from case records, and which cases a derived cell counted. */
export const derivationApi = {
  policies: () => apiRequest<CountingPolicy[]>('/api/derivations/policies'),
  derive: (scope: DerivationScope) =>
    apiRequest<DeriveResult>('/api/derivations', { method: 'POST', body: scope }),
  // The drill-down counts as the derivation did (same policy, synthetic records or not), so
  // that its list has as many cases as the cell's record count.
  drillDown: (scope: DerivationScope, key: GlotipCellKey) =>
    apiRequest<DrillDown>('/api/derivations/drill-down', {
      query: { ...scope, includeSynthetic: String(scope.includeSynthetic), ...key },
    }),
};
