// Public surface of the victim-screening engine (ILO/EC 2009 Delphi indicators).
export {
  indicatorSetProblems,
  indicatorsOfProfile,
  type IndicatorSet,
  type ProfileProvenance,
  type ProfileProvenanceStatus,
  type ScreeningIndicator,
} from './indicator-set.js';
export { ilo2009IndicatorSet } from './indicator-set-ilo-2009.js';
export {
  indicatorSets,
  latestIndicatorSet,
  resolveIndicatorSet,
} from './indicator-set-registry.js';
export {
  classifyScreening,
  defaultScreeningRule,
  evaluateDimension,
  evaluateScreening,
  firedBranches,
} from './screening-rules.js';
