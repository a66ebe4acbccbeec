import { z } from 'zod';
import { isFormerIsoAlpha3, isIsoAlpha3 } from './countries.js';
import {
  citizenshipSpecials,
  conflictLinkCategories,
  exploitationDetails,
  exploitationGroups,
  glotipAges,
  glotipDimensions,
  glotipIndicators,
  glotipSexes,
  type GlotipCellKey,
  type GlotipCellValue,
  type GlotipDimension,
} from './glotip-vocabulary.js';

// Zod schemas of one GLOTIP cell (address and value), for every edge a return crosses: the API,
// file imports, stored rows. They check each field on its own; whether a well-formed key belongs
// to a data set (e.g. offences have no sex breakdown) is the data set's business
// (`cellKeyProblem` in src/core/glotip).

const specials: ReadonlySet<string> = new Set(citizenshipSpecials);
const groups: ReadonlySet<string> = new Set(exploitationGroups);
const conflictCategories: ReadonlySet<string> = new Set(conflictLinkCategories);

/**
 * True when `category` names a country in a citizenship or repatriation breakdown: an assigned
 * ISO 3166-1 alpha-3 code, or a former one (historical returns still name Yugoslavia or the
 * Netherlands Antilles), or one of dataUNODC's specials (`nationals`, `abroad`, `unknown`).
 */
export function isGlotipCountryCategory(category: string): boolean {
  return specials.has(category) || isIsoAlpha3(category) || isFormerIsoAlpha3(category);
}

/** True when `category` is an exploitation group or a detailed form that rolls up to one. */
export function isExploitationCategory(category: string): boolean {
  return groups.has(category) || Object.hasOwn(exploitationDetails, category);
}

/** True when `category` is a valid category of `dimension` (see `GlotipCellKey`). */
export function isGlotipCategoryOf(dimension: GlotipDimension, category: string): boolean {
  switch (dimension) {
    case 'total':
      return category === 'total';
    case 'exploitation':
      return isExploitationCategory(category);
    case 'citizenship':
    case 'repatriation':
      return isGlotipCountryCategory(category);
    case 'conflict':
      return conflictCategories.has(category);
  }
}

/** The address of one cell; the category must suit the dimension. */
export const glotipCellKeySchema = z
  .strictObject({
    indicator: z.enum(glotipIndicators),
    dimension: z.enum(glotipDimensions),
    category: z.string().min(1).max(64),
    sex: z.enum(glotipSexes),
    age: z.enum(glotipAges),
  })
  .refine((key) => isGlotipCategoryOf(key.dimension, key.category), {
    error: 'Not a category of this dimension',
    path: ['category'],
  }) satisfies z.ZodType<GlotipCellKey>;

const countSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * A cell's value: a count (a non-negative safe integer), a censored interval (whole bounds,
 * 0 ≤ lower ≤ upper), or one of the two kinds of empty cell.
 */
export const glotipCellValueSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('count'), value: countSchema }),
  z
    .strictObject({ kind: z.literal('censored'), lower: countSchema, upper: countSchema })
    .refine((value) => value.lower <= value.upper, {
      error: 'The lower bound exceeds the upper bound',
      path: ['lower'],
    }),
  z.strictObject({ kind: z.literal('not_available') }),
  z.strictObject({ kind: z.literal('not_applicable') }),
]) satisfies z.ZodType<GlotipCellValue>;

/** One cell of a return as it crosses an edge. */
export const glotipReturnCellSchema = z.strictObject({
  key: glotipCellKeySchema,
  value: glotipCellValueSchema,
});
