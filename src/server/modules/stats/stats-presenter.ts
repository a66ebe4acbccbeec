import type { z } from 'zod';
import {
  internalProtection,
  type crosstabResponseSchema,
} from '../../../shared/crosstab-schemas.js';
import type { CrosstabAnswer } from './stats-service.js';

/**
 * A cross-tab as the API returns it. The counts are exact and no disclosure control ran, so
 * every response says so; publication goes through disclosure control, never through here.
 */
export function presentCrosstab(answer: CrosstabAnswer): z.input<typeof crosstabResponseSchema> {
  return {
    dims: answer.dims,
    cells: answer.cells.map((cell) => ({ keys: cell.keys, count: cell.count })),
    total: answer.total,
    protection: internalProtection,
  };
}
