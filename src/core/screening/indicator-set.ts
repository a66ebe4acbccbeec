import {
  indicatorCodeSchema,
  indicatorStrengths,
  screeningDimensions,
  screeningProfiles,
  type IndicatorStrength,
  type ScreeningDimension,
  type ScreeningProfile,
} from '../../shared/screening-vocabulary.js';

/** One indicator: its dimension, a short label, and its strength in each profile that lists it. */
export interface ScreeningIndicator {
  /** Stable code, `<dimension>.<indicator>`. */
  readonly code: string;
  readonly dimension: ScreeningDimension;
  /** Short English label, paraphrased (the web application translates by code). */
  readonly label: string;
  /** Strength per profile; a profile missing here does not list the indicator at all. */
  readonly strength: Readonly<Partial<Record<ScreeningProfile, IndicatorStrength>>>;
}

/**
 * How far a profile's strengths have been checked against the source publication:
 * `corroborated` = list sizes and strong tier agree across independent secondary sources;
 * `single_secondary_source` = taken from one secondary source only;
 * `reconstructed` = no machine-readable copy found, filled in by analogy (check before relying
 * on it for anything but screening).
 */
export type ProfileProvenanceStatus = 'corroborated' | 'single_secondary_source' | 'reconstructed';

/** Provenance of one profile's strengths. */
export interface ProfileProvenance {
  readonly status: ProfileProvenanceStatus;
  readonly note: string;
}

/** A versioned indicator set. A published version is never edited: a change is a new version. */
export interface IndicatorSet {
  readonly id: string;
  readonly version: string;
  /** Bibliographic source of the set. */
  readonly source: string;
  readonly provenance: Readonly<Record<ScreeningProfile, ProfileProvenance>>;
  readonly indicators: readonly ScreeningIndicator[];
}

/** The indicators a profile lists, with their strength there, in set order. */
export function indicatorsOfProfile(
  set: IndicatorSet,
  profile: ScreeningProfile,
): { indicator: ScreeningIndicator; strength: IndicatorStrength }[] {
  return set.indicators.flatMap((indicator) => {
    const strength = indicator.strength[profile];
    return strength === undefined ? [] : [{ indicator, strength }];
  });
}

/**
 * Structural defects of an indicator set, as readable sentences (empty when well formed):
 * duplicate or malformed codes, a code whose prefix is not its dimension, unknown strengths or
 * profiles, indicators listed by no profile, and profile × dimension cells without indicators.
 */
export function indicatorSetProblems(set: IndicatorSet): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const indicator of set.indicators) {
    if (seen.has(indicator.code)) problems.push(`duplicate code ${indicator.code}`);
    seen.add(indicator.code);
    if (!indicatorCodeSchema.safeParse(indicator.code).success) {
      problems.push(`malformed code ${indicator.code}`);
    }
    if (!screeningDimensions.includes(indicator.dimension)) {
      problems.push(`${indicator.code}: unknown dimension ${indicator.dimension}`);
    }
    if (!indicator.code.startsWith(`${indicator.dimension}.`)) {
      problems.push(`${indicator.code}: code does not start with its dimension`);
    }
    if (indicator.label.trim() === '') problems.push(`${indicator.code}: empty label`);
    const rated = Object.entries(indicator.strength);
    if (rated.length === 0) problems.push(`${indicator.code}: listed by no profile`);
    for (const [profile, strength] of rated) {
      if (!(screeningProfiles as readonly string[]).includes(profile)) {
        problems.push(`${indicator.code}: unknown profile ${profile}`);
      }
      if (!(indicatorStrengths as readonly (string | undefined)[]).includes(strength)) {
        problems.push(`${indicator.code}: invalid strength for ${profile}`);
      }
    }
  }
  for (const profile of screeningProfiles) {
    for (const dimension of screeningDimensions) {
      const listed = indicatorsOfProfile(set, profile).some(
        ({ indicator }) => indicator.dimension === dimension,
      );
      if (!listed) problems.push(`${profile} lists no indicator in ${dimension}`);
    }
  }
  return problems;
}
