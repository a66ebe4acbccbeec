import { z } from 'zod';
import { idSchema } from './common-schemas.js';

/**
 * What a cross-tabulation of case records may be broken down by. `majority` and `ageBand` are
 * two views of one age fact; `exploitation` is the dataUNODC group (sexual / labour / other).
 */
export const crosstabDimensions = [
  'organisation',
  'year',
  'country',
  'citizenship',
  'sex',
  'majority',
  'ageBand',
  'exploitation',
  'conflict',
  'crisis',
  'displacement',
  'status',
] as const;
export type CrosstabDimension = (typeof crosstabDimensions)[number];

/** The label every cross-tab response carries: counts are exact, no disclosure control ran. */
export const internalProtection = 'none (internal)';

const dimensionList = z
  .string()
  .max(200)
  .transform((text) => text.split(','))
  .pipe(
    z
      .array(z.enum(crosstabDimensions))
      .min(1)
      .max(3)
      .refine((dims) => new Set(dims).size === dims.length, 'Each dimension at most once'),
  );

// `dim:value` pairs separated by commas; values are codes (no commas or colons in them).
const filterList = z
  .string()
  .max(500)
  .transform((text) => text.split(','))
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^[a-zA-Z]+:[^:]+$/, 'Use dimension:value')
          .transform((pair) => {
            const [dimension = '', value = ''] = pair.split(':');
            return { dimension, value };
          })
          .pipe(z.object({ dimension: z.enum(crosstabDimensions), value: z.string().min(1) })),
      )
      .max(3),
  );

/** `GET /api/stats/crosstab` query. */
export const crosstabQuerySchema = z.strictObject({
  dims: dimensionList,
  /** Only count cases held in this organisation's subtree. */
  organisationId: idSchema.optional(),
  /** Keep only cells whose dimension has this value, e.g. `year:2024,conflict:Yes`. */
  where: filterList.optional(),
});
export type CrosstabQuery = z.output<typeof crosstabQuerySchema>;

/** A cross-tabulation: one cell per combination that occurs; `null` = not recorded. */
export const crosstabResponseSchema = z.object({
  dims: z.array(z.enum(crosstabDimensions)),
  cells: z.array(z.object({ keys: z.array(z.string().nullable()), count: z.number().int() })),
  total: z.number().int(),
  protection: z.literal(internalProtection),
});
