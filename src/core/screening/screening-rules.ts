import { AppError } from '../../shared/app-error.js';
import type { ErrorDetail } from '../../shared/error-codes.js';
import {
  isChildProfile,
  screeningDimensions,
  type DimensionBranch,
  type DimensionResult,
  type IndicatorStrength,
  type ScreeningClass,
  type ScreeningDimension,
  type ScreeningProfile,
  type ScreeningResult,
  type ScreeningRule,
  type StrengthCounts,
} from '../../shared/screening-vocabulary.js';
import { indicatorsOfProfile, type IndicatorSet } from './indicator-set.js';

/**
 * The ILO/EC combination rule (step 2) as Vigil applies it by default.
 *
 * Interpretation choices:
 * - recruitment = deceptive OR coercive OR abuse-of-vulnerability recruitment. The publication's
 *   step 2 lists all three; one third-party summary has "deceptive OR coercive" only, so the set
 *   is data and can be narrowed without code changes.
 * - coercion = coercion at destination OR abuse of vulnerability at destination.
 * - deception (for "deceived and exploited") = deceptive recruitment only.
 * - childMeansRequired = false: under the Palermo Protocol art. 3(c) the means are irrelevant for
 *   a child, so for the two children's profiles recruitment AND exploitation is trafficking. The
 *   recruitment dimensions stand for the act here: the ILO lists record the act only through
 *   them, so "any act" means "any recruitment dimension positive".
 */
export const defaultScreeningRule: ScreeningRule = {
  recruitment: [
    'deceptive_recruitment',
    'coercive_recruitment',
    'abuse_of_vulnerability_recruitment',
  ],
  deception: ['deceptive_recruitment'],
  exploitation: ['exploitative_conditions'],
  coercion: ['coercion_at_destination', 'abuse_of_vulnerability_destination'],
  childMeansRequired: false,
};

// Which strength tiers each branch is made of: its triggering indicators are the present
// indicators of those tiers.
const branchTiers: Record<DimensionBranch, readonly IndicatorStrength[]> = {
  two_strong: ['strong'],
  strong_plus_other: ['strong', 'medium', 'weak'],
  three_medium: ['medium'],
  two_medium_one_weak: ['medium', 'weak'],
};

/**
 * The branches of the dimension rule (step 1) that the counts satisfy, in rule order. A
 * dimension is positive when at least one fires. Every branch is a lower bound on the counts,
 * so more indicators can only add branches. Strong indicators are not counted as medium: three
 * strong fire `two_strong`, and one strong + two medium fire `strong_plus_other`, so nothing is
 * lost by keeping the tiers apart.
 */
export function firedBranches(counts: StrengthCounts): DimensionBranch[] {
  const { strong, medium, weak } = counts;
  const fired: DimensionBranch[] = [];
  if (strong >= 2) fired.push('two_strong');
  if (strong >= 1 && medium + weak >= 1) fired.push('strong_plus_other');
  if (medium >= 3) fired.push('three_medium');
  if (medium >= 2 && weak >= 1) fired.push('two_medium_one_weak');
  return fired;
}

/**
 * Applies the dimension rule to the indicators present in one dimension (each with its strength
 * in the profile being screened). `triggeredBy` lists, in the order given, every present
 * indicator of a tier that a fired branch uses (not one arbitrary minimal subset), and is empty
 * when the dimension is negative.
 */
export function evaluateDimension(
  dimension: ScreeningDimension,
  present: readonly { code: string; strength: IndicatorStrength }[],
): DimensionResult {
  const counts: StrengthCounts = { strong: 0, medium: 0, weak: 0 };
  for (const { strength } of present) counts[strength] += 1;
  const branches = firedBranches(counts);
  const tiers = new Set(branches.flatMap((branch) => branchTiers[branch]));
  const triggeredBy = present.filter(({ strength }) => tiers.has(strength)).map(({ code }) => code);
  return { dimension, positive: branches.length > 0, branches, triggeredBy, counts };
}

/**
 * Classifies a screening from its positive dimensions (step 2 plus the intermediate classes).
 *
 * - trafficking: recruitment AND exploitation AND coercion; for a child profile, when the rule
 *   does not require means, recruitment AND exploitation.
 * - deceived_and_exploited: deception AND exploitation, when not trafficking.
 * - exploited: exploitation, when neither of the above. "Exploitation only" is read as "no higher
 *   class applies", not "no other dimension positive": a person exploited and coerced at
 *   destination with no recruitment evidence is `exploited`, and the dimensions show the rest.
 *   (The literal reading would drop that person to insufficient_evidence, so that one more
 *   indicator could lower the class.)
 * - insufficient_evidence: exploitation not established.
 *
 * Each class is a monotone condition on the positive dimensions and the highest one that holds
 * wins, so adding an indicator never lowers the class. Under the default rule a child is never
 * `deceived_and_exploited`: deception is a recruitment dimension, so deception plus exploitation
 * is already trafficking for a child.
 */
export function classifyScreening(
  positive: ReadonlySet<ScreeningDimension>,
  profile: ScreeningProfile,
  rule: ScreeningRule,
): ScreeningClass {
  const holds = (term: readonly ScreeningDimension[]) => term.some((d) => positive.has(d));
  const exploitation = holds(rule.exploitation);
  const meansRequired = !isChildProfile(profile) || rule.childMeansRequired;
  if (holds(rule.recruitment) && exploitation && (!meansRequired || holds(rule.coercion))) {
    return 'trafficking';
  }
  if (holds(rule.deception) && exploitation) return 'deceived_and_exploited';
  if (exploitation) return 'exploited';
  return 'insufficient_evidence';
}

/**
 * Screens one person: `presentCodes` are the codes of the indicators found present. Every code
 * must belong to the set and be listed by the profile, otherwise an AppError
 * `screening.unknown_indicator` is thrown whose details name each offending position
 * (`['indicators', index]`, issue `unknown_indicator` or `not_in_profile`). A code given twice
 * counts once (the request schema already refuses duplicates). The rule is copied into the
 * result so that a stored result says how it was reached.
 */
export function evaluateScreening(
  set: IndicatorSet,
  profile: ScreeningProfile,
  presentCodes: Iterable<string>,
  rule: ScreeningRule = defaultScreeningRule,
): ScreeningResult {
  const inProfile = new Map(
    indicatorsOfProfile(set, profile).map(({ indicator, strength }) => [indicator.code, strength]),
  );
  const known = new Set(set.indicators.map((indicator) => indicator.code));
  const present = new Set<string>();
  const problems: ErrorDetail[] = [];
  let index = 0;
  for (const code of presentCodes) {
    if (inProfile.has(code)) present.add(code);
    else if (known.has(code)) {
      problems.push({
        path: ['indicators', index],
        issue: 'not_in_profile',
        message: `${code} is not an indicator of the ${profile} profile`,
      });
    } else {
      problems.push({
        path: ['indicators', index],
        issue: 'unknown_indicator',
        message: `${code} is not in indicator set ${set.id}@${set.version}`,
      });
    }
    index += 1;
  }
  if (problems.length > 0) throw new AppError('screening.unknown_indicator', problems);

  const dimensions = screeningDimensions.map((dimension) =>
    evaluateDimension(
      dimension,
      set.indicators.flatMap(({ code, dimension: of }) => {
        const strength = inProfile.get(code);
        return of === dimension && strength !== undefined && present.has(code)
          ? [{ code, strength }]
          : [];
      }),
    ),
  );
  const positive = new Set(dimensions.filter((d) => d.positive).map((d) => d.dimension));
  return {
    indicatorSet: { id: set.id, version: set.version },
    profile,
    class: classifyScreening(positive, profile, rule),
    dimensions,
    rule: copyRule(rule),
  };
}

function copyRule(rule: ScreeningRule): ScreeningRule {
  return {
    recruitment: [...rule.recruitment],
    deception: [...rule.deception],
    exploitation: [...rule.exploitation],
    coercion: [...rule.coercion],
    childMeansRequired: rule.childMeansRequired,
  };
}
