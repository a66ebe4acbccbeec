// Derivation of a GLOTIP return from case records: counting policies, the case facts they read,
// the form-of-exploitation crosswalk and the cell derivation (docs/counting-policies.md).
export type { DerivationCaseFacts } from './case-facts.js';
export {
  countingPolicies,
  countingPolicyById,
  type AgeBasis,
  type CountingPolicy,
  type NationalsRule,
  type RecordedSex,
  type YearBasis,
} from './counting-policy.js';
export {
  exploitationCrosswalk,
  exploitationDetailsOf,
  exploitationGroupsOf,
  sectorCrosswalk,
  type ExploitationFacts,
} from './exploitation-crosswalk.js';
export {
  ageOf,
  citizenshipCategoryOf,
  conflictCategoryOf,
  countingYearOf,
  isDetectedUnder,
  sexOf,
} from './victim-classification.js';
export { deriveReturnCells, type DerivationInput, type DerivedCell } from './derive-return.js';
