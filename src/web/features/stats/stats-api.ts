import type { z } from 'zod';
import type { crosstabResponseSchema } from '../../../shared/crosstab-schemas.js';
import { apiRequest } from '../../api/api-client.js';
import type { CrosstabRequest } from './stats-view.js';

// The type of the cross-tab API, from the shared zod contract (type-only: no zod at run time).
export type Crosstab = z.output<typeof crosstabResponseSchema>;

export const statsKeys = {
  crosstab: (query: CrosstabRequest) => ['stats', 'crosstab', query] as const,
};

/** Internal counts of case records (no disclosure control: never for publication). */
export const statsApi = {
  crosstab: (query: CrosstabRequest) =>
    apiRequest<Crosstab>('/api/stats/crosstab', { query: { ...query } }),
};
