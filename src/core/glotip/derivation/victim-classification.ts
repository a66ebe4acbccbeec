import { majorityOf } from '../../cases/case-derivations.js';
import type { MajorityStatus } from '../../../shared/case-vocabulary.js';
import type { ConflictLinkCategory, GlotipAge } from '../../../shared/glotip-vocabulary.js';
import type { DerivationCaseFacts } from './case-facts.js';
import type { CountingPolicy, RecordedSex } from './counting-policy.js';

// How one case is classified under a policy. Each function reads recorded facts only and never
// guesses: what cannot be told from the record is `unknown`, or the case is not counted.

/** Whether the case is a detected victim under the policy (status and who decided it). */
export function isDetectedUnder(facts: DerivationCaseFacts, policy: CountingPolicy): boolean {
  if (facts.traffickingStatus === null) return false;
  if (!policy.detectedStatuses.includes(facts.traffickingStatus)) return false;
  const deciders = policy.decidingOrganisations;
  if (deciders === 'any') return true;
  return facts.statusDecidedBy !== null && deciders.includes(facts.statusDecidedBy);
}

/**
 * The reporting year the policy places the case in; null when the record has no such moment.
 * Vigil records no separate date of the status determination: identification is the day the
 * case was registered (`registeredOn`, the same reference day as the age at identification),
 * falling back to the registration year when only a year was recorded (CTDC imports).
 * `registration` reads the registration year as recorded, ignoring the day.
 */
export function countingYearOf(facts: DerivationCaseFacts, policy: CountingPolicy): number | null {
  switch (policy.yearBasis) {
    case 'identification':
      return facts.registeredOn === null
        ? facts.registrationYear
        : Number.parseInt(facts.registeredOn.slice(0, 4), 10);
    case 'registration':
      return facts.registrationYear;
    case 'exploitation_start':
      return facts.exploitationStartYear;
  }
}

/** The GLOTIP sex of the case under the policy's table (REFERENCE 8.2). */
export function sexOf(facts: DerivationCaseFacts, policy: CountingPolicy): RecordedSex {
  return policy.sexRule[facts.gender];
}

function ageCategory(majority: MajorityStatus): GlotipAge {
  switch (majority) {
    case 'Minor':
      return 'minor';
    case 'Adult':
      return 'adult';
    case 'Unknown':
      return 'unknown';
  }
}

function ageAtIdentification(facts: DerivationCaseFacts): GlotipAge {
  if (facts.ageAtIdentification !== null) {
    return facts.ageAtIdentification < 18 ? 'minor' : 'adult';
  }
  if (facts.majorityStatus !== null && facts.majorityStatus !== 'Unknown') {
    return ageCategory(facts.majorityStatus);
  }
  return ageCategory(majorityOf(null, facts.ageBand));
}

/**
 * The GLOTIP age category (REFERENCE 8.3): the exact age first, then the recorded majority
 * status, then the broad band. Age when trafficked falls back on one inference only: a minor
 * at identification was a minor when trafficked (trafficking precedes identification); an
 * adult at identification may have been trafficked as a child, so that stays unknown.
 */
export function ageOf(facts: DerivationCaseFacts, policy: CountingPolicy): GlotipAge {
  const atIdentification = ageAtIdentification(facts);
  if (policy.ageBasis === 'at_identification') return atIdentification;
  if (facts.ageWhenTrafficked !== null) return facts.ageWhenTrafficked < 18 ? 'minor' : 'adult';
  const atExploitation = facts.majorityStatusAtExploitation;
  if (atExploitation !== null && atExploitation !== 'Unknown') return ageCategory(atExploitation);
  return atIdentification === 'minor' ? 'minor' : 'unknown';
}

/**
 * The citizenship category: `nationals` for a citizen of the reporting country when the policy
 * says so (any of their citizenships; a dual national is a national), else the primary
 * (first recorded) citizenship's code, so that each victim is counted once; `unknown` when no
 * citizenship is recorded, which includes stateless persons (GLOTIP has no stateless row).
 */
export function citizenshipCategoryOf(
  facts: DerivationCaseFacts,
  policy: CountingPolicy,
  reportingCountry: string | null,
): string {
  if (
    policy.nationalsRule === 'nationals' &&
    reportingCountry !== null &&
    facts.citizenship.includes(reportingCountry)
  ) {
    return 'nationals';
  }
  return facts.citizenship[0] ?? 'unknown';
}

/** The conflict-link category of the case's conflict relation. */
export function conflictCategoryOf(facts: DerivationCaseFacts): ConflictLinkCategory {
  switch (facts.conflictRelated) {
    case 'Yes':
      return 'yes';
    case 'No':
      return 'no';
    case 'Unknown':
      return 'unknown';
  }
}
