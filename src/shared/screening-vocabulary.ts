import { z } from 'zod';

// Vocabulary of the victim-screening engine (src/core/screening), after the ILO/EC "Operational
// indicators of trafficking in human beings" (Delphi survey, ILO 2009, WCMS_105023). The codes
// below are stable API: stored screenings and the web translations key on them.

/**
 * The four indicator lists of the ILO/EC publication: adults or children, trafficked for labour
 * or for sexual exploitation. Each indicator has its own strength in each list.
 */
export const screeningProfiles = [
  'adult_labour',
  'adult_sexual',
  'child_labour',
  'child_sexual',
] as const;

/** One of the four screening profiles. */
export type ScreeningProfile = (typeof screeningProfiles)[number];

/** The profiles for persons under 18, to whom the Palermo child rule applies. */
export const childScreeningProfiles: readonly ScreeningProfile[] = ['child_labour', 'child_sexual'];

/** True when `profile` is one of the children's lists. */
export function isChildProfile(profile: ScreeningProfile): boolean {
  return childScreeningProfiles.includes(profile);
}

/**
 * The six dimensions of the trafficking definition that the ILO/EC lists are organised by, in the
 * publication's order: three recruitment dimensions, then exploitation, then two at destination.
 */
export const screeningDimensions = [
  'deceptive_recruitment',
  'coercive_recruitment',
  'abuse_of_vulnerability_recruitment',
  'exploitative_conditions',
  'coercion_at_destination',
  'abuse_of_vulnerability_destination',
] as const;

/** One of the six screening dimensions. */
export type ScreeningDimension = (typeof screeningDimensions)[number];

/** How strongly an indicator points to trafficking, as the Delphi experts rated it. */
export const indicatorStrengths = ['strong', 'medium', 'weak'] as const;

/** An indicator's strength in one profile. */
export type IndicatorStrength = (typeof indicatorStrengths)[number];

/**
 * The four combinations that make a dimension positive (ILO/EC step 1): two strong indicators;
 * one strong plus one medium or weak; three medium; two medium plus one weak.
 */
export const dimensionBranches = [
  'two_strong',
  'strong_plus_other',
  'three_medium',
  'two_medium_one_weak',
] as const;

/** One branch of the dimension rule. */
export type DimensionBranch = (typeof dimensionBranches)[number];

/**
 * Outcomes of a screening, from the weakest to the strongest finding. The order is meaningful:
 * the engine guarantees that recording one more indicator never moves a result down this list.
 */
export const screeningClasses = [
  'insufficient_evidence',
  'exploited',
  'deceived_and_exploited',
  'trafficking',
] as const;

/** One screening outcome. */
export type ScreeningClass = (typeof screeningClasses)[number];

/** Position of a class in {@link screeningClasses} (0 = insufficient evidence). */
export function screeningClassRank(value: ScreeningClass): number {
  return screeningClasses.indexOf(value);
}

/** An indicator code: `<dimension>.<indicator>`, lower-case snake case on both sides. */
export const indicatorCodeSchema = z
  .string()
  .max(120)
  .regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'Use <dimension>.<indicator> in snake case');

/**
 * Which indicator set a request wants: a set id (its current version, e.g. `ilo-2009`) or a set
 * id pinned to a version (`ilo-2009@1`). Whether the set exists is checked in core, not here.
 */
export const indicatorSetRefSchema = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*(?:@[A-Za-z0-9.-]+)?$/, 'Use <set id> or <set id>@<version>');

/** `{ id, version }` of the indicator set a result was computed with. */
export const indicatorSetIdentitySchema = z.object({
  id: z.string(),
  version: z.string(),
});

/** The indicator-set identity a result carries. */
export type IndicatorSetIdentity = z.infer<typeof indicatorSetIdentitySchema>;

/** Screening request body: a profile and the codes of the indicators found present. */
export const screeningRequestBodySchema = z.strictObject({
  profile: z.enum(screeningProfiles),
  indicators: z
    .array(indicatorCodeSchema)
    .max(200)
    .superRefine((codes, context) => {
      const seen = new Set<string>();
      codes.forEach((code, index) => {
        if (seen.has(code)) {
          context.addIssue({
            code: 'custom',
            path: [index],
            message: 'Each indicator may be listed only once',
          });
        }
        seen.add(code);
      });
    }),
  indicatorSetVersion: indicatorSetRefSchema.optional(),
});

/** A parsed screening request body. */
export type ScreeningRequestBody = z.infer<typeof screeningRequestBodySchema>;

const dimensionListSchema = z.array(z.enum(screeningDimensions)).min(1);

/**
 * The profile rule (ILO/EC step 2), as data so that it can be changed and is reported with every
 * result. Each term is positive when any one of its dimensions is positive.
 */
export const screeningRuleSchema = z.object({
  /** The recruitment term: the act, by some means. */
  recruitment: dimensionListSchema,
  /** The deception term that, with exploitation, makes "deceived and exploited". */
  deception: dimensionListSchema,
  /** The exploitation (purpose) term. */
  exploitation: dimensionListSchema,
  /** The coercion term at destination. */
  coercion: dimensionListSchema,
  /** When false, children need recruitment and exploitation only (Palermo art. 3(c)). */
  childMeansRequired: z.boolean(),
});

/** A profile rule. */
export type ScreeningRule = z.infer<typeof screeningRuleSchema>;

/** Present-indicator counts of one dimension, by strength. */
export const strengthCountsSchema = z.object({
  strong: z.number().int().nonnegative(),
  medium: z.number().int().nonnegative(),
  weak: z.number().int().nonnegative(),
});

/** Present-indicator counts by strength. */
export type StrengthCounts = z.infer<typeof strengthCountsSchema>;

/** How one dimension came out: which branches fired and which indicators made them fire. */
export const dimensionResultSchema = z.object({
  dimension: z.enum(screeningDimensions),
  positive: z.boolean(),
  branches: z.array(z.enum(dimensionBranches)),
  triggeredBy: z.array(indicatorCodeSchema),
  counts: strengthCountsSchema,
});

/** One dimension's outcome. */
export type DimensionResult = z.infer<typeof dimensionResultSchema>;

/** Screening result: the class, every dimension's outcome, and the rule that was applied. */
export const screeningResultSchema = z.object({
  indicatorSet: indicatorSetIdentitySchema,
  profile: z.enum(screeningProfiles),
  class: z.enum(screeningClasses),
  dimensions: z.array(dimensionResultSchema),
  rule: screeningRuleSchema,
});

/** A screening result. */
export type ScreeningResult = z.infer<typeof screeningResultSchema>;
