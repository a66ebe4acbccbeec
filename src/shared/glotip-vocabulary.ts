/**
 * The vocabulary of GLOTIP returns: the figures a reporting entity sends UNODC for one year.
 * Codes are Vigil's own short identifiers; each has the exact dataUNODC label it is read from and
 * written as (REFERENCE 3.1–3.2), so that an export re-imports losslessly. Where conflict
 * settings need more than dataUNODC publishes (detailed forms of exploitation, the conflict
 * link), the extra categories roll up to dataUNODC's own.
 */

/** What a return counts. */
export const glotipIndicators = [
  'detected_victims',
  'formal_contact',
  'prosecuted',
  'convicted',
  'offences',
] as const;
export type GlotipIndicator = (typeof glotipIndicators)[number];

/** dataUNODC's `Indicator` strings. */
export const glotipIndicatorLabels: Record<GlotipIndicator, string> = {
  detected_victims: 'Detected trafficking victims',
  formal_contact: 'Persons brought into formal contact',
  prosecuted: 'Persons prosecuted',
  convicted: 'Persons convicted',
  offences: 'Offences of trafficking in persons',
};

/** How a count is broken down. `conflict` is Vigil's extension (seed paragraph 63(h)). */
export const glotipDimensions = [
  'total',
  'exploitation',
  'citizenship',
  'repatriation',
  'conflict',
] as const;
export type GlotipDimension = (typeof glotipDimensions)[number];

/** dataUNODC's `Dimension` strings; the extension carries Vigil's namespace. */
export const glotipDimensionLabels: Record<GlotipDimension, string> = {
  total: 'Total',
  exploitation: 'by form of exploitation',
  citizenship: 'by citizenship',
  repatriation: 'by country of repatriation',
  conflict: 'vigil:by conflict link',
};

/** `Sex`. */
export const glotipSexes = ['total', 'female', 'male', 'other', 'unknown'] as const;
export type GlotipSex = (typeof glotipSexes)[number];
export const glotipSexLabels: Record<GlotipSex, string> = {
  total: 'Total',
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Unknown',
};

/** `Age`. */
export const glotipAges = ['total', 'minor', 'adult', 'unknown'] as const;
export type GlotipAge = (typeof glotipAges)[number];
export const glotipAgeLabels: Record<GlotipAge, string> = {
  total: 'Total',
  minor: '0 to 17 years',
  adult: '18 years or over',
  unknown: 'Unknown',
};

/** The three forms of exploitation dataUNODC publishes; every detailed form rolls up to one. */
export const exploitationGroups = ['sexual', 'labour', 'other'] as const;
export type ExploitationGroup = (typeof exploitationGroups)[number];
export const exploitationGroupLabels: Record<ExploitationGroup, string> = {
  sexual: 'Sexual exploitation',
  labour: 'Forced labour',
  other: 'Other forms of exploitation',
};

/**
 * Detailed forms (GLOTIP report categories plus the armed-conflict ones, REFERENCE 3.1 and 8.1),
 * each with the group it rolls up to. Mixed sexual exploitation and forced labour goes to
 * "other", as the reports count it, so that no victim is counted twice in the open-data buckets.
 */
export const exploitationDetails = {
  sexual_exploitation: 'sexual',
  pornography: 'sexual',
  sexual_slavery: 'sexual',
  forced_labour: 'labour',
  forced_criminality: 'other',
  begging: 'other',
  forced_marriage: 'other',
  mixed_sexual_labour: 'other',
  organ_removal: 'other',
  baby_selling: 'other',
  illegal_adoption: 'other',
  armed_combat: 'other',
  servitude: 'other',
  other_exploitation: 'other',
} as const satisfies Record<string, ExploitationGroup>;
export type ExploitationDetail = keyof typeof exploitationDetails;

/** Citizenship and repatriation categories that are not a country (dataUNODC's own words). */
export const citizenshipSpecials = ['nationals', 'abroad', 'unknown'] as const;
export type CitizenshipSpecial = (typeof citizenshipSpecials)[number];
export const citizenshipSpecialLabels: Record<CitizenshipSpecial, string> = {
  nationals: 'Nationals',
  abroad: 'Abroad',
  unknown: 'Unknown',
};

/** Categories of the conflict-link dimension. */
export const conflictLinkCategories = ['yes', 'no', 'unknown'] as const;
export type ConflictLinkCategory = (typeof conflictLinkCategories)[number];

/**
 * One cell's address in a return. `category` is `total` for the total dimension, an
 * {@link ExploitationGroup} or {@link ExploitationDetail} for exploitation, an ISO 3166-1 alpha-3
 * code or a {@link CitizenshipSpecial} for citizenship and repatriation, a
 * {@link ConflictLinkCategory} for conflict.
 */
export interface GlotipCellKey {
  readonly indicator: GlotipIndicator;
  readonly dimension: GlotipDimension;
  readonly category: string;
  readonly sex: GlotipSex;
  readonly age: GlotipAge;
}

/**
 * A cell's value. A censored value (`<5`) is the closed interval it stands for, never a point
 * guess: dataUNODC's `<5` covers 0 to 4 (zeros hide inside it).
 */
export type GlotipCellValue =
  | { readonly kind: 'count'; readonly value: number }
  | { readonly kind: 'censored'; readonly lower: number; readonly upper: number }
  | { readonly kind: 'not_available' }
  | { readonly kind: 'not_applicable' };

export const glotipCellValueKinds = [
  'count',
  'censored',
  'not_available',
  'not_applicable',
] as const;

/** The censored interval dataUNODC's `<5` stands for. */
export const belowFiveInterval = { lower: 0, upper: 4 } as const;

/** Workflow states of a return (see docs/decisions on GLOTIP returns). */
export const returnStatuses = [
  'draft',
  'submitted',
  'returned',
  'accepted',
  'approved',
  'published',
] as const;
export type ReturnStatus = (typeof returnStatuses)[number];

/** Where a return's figures came from. */
export const returnSources = ['entered', 'derived', 'dataunodc', 'synthetic'] as const;
export type ReturnSource = (typeof returnSources)[number];

/** Importance of a validation rule: critical blocks submission, warning needs a comment. */
export const ruleImportances = ['critical', 'warning'] as const;
export type RuleImportance = (typeof ruleImportances)[number];

/** The six official UN languages every rule message is written in. */
export const ruleMessageLanguages = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;

/** A stable text key of a cell, e.g. `detected_victims|total|total|female|minor`. */
export function cellKeyString(key: GlotipCellKey): string {
  return `${key.indicator}|${key.dimension}|${key.category}|${key.sex}|${key.age}`;
}
