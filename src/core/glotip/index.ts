// Public surface of GLOTIP return logic: the data set as data, interval arithmetic on censored
// cells, validation rules in six languages, revisions and completeness.
export {
  formatInterval,
  intervalMayBeAtLeast,
  intervalOf,
  intervalsMayBeEqual,
  sumIntervals,
  type Interval,
} from './cell-interval.js';
export {
  cellKeyFieldProblem,
  cellKeyProblem,
  glotipDataSet,
  indicatorDefinition,
  questionnaireSections,
  sectionCellKeys,
  type CellKeyFieldProblem,
  type DataSetDefinition,
  type IndicatorDefinition,
  type QuestionnaireColumn,
  type QuestionnaireRow,
  type QuestionnaireSection,
} from './data-set-definition.js';
export {
  glotipValidationRules,
  messagePlaceholders,
  validationRuleKinds,
  validationRuleProblems,
  type PartsDimension,
  type PartsRelation,
  type ValidationRule,
  type ValidationRuleKind,
} from './validation-rules.js';
export type { GlotipRuleId, RuleMessages } from './validation-rule-messages.js';
export {
  submissionCheck,
  validateReturn,
  violationMessage,
  type ReturnCellInput,
  type ReturnValidationInput,
  type RuleViolation,
  type SubmissionCheck,
} from './validate-return.js';
export { cellValuesEqual, diffReturnCells, type CellChange } from './return-diff.js';
export {
  expectedReturnCells,
  returnCompleteness,
  summariseCompleteness,
  type CompletenessSummary,
  type ExpectedCellsOptions,
  type ReturnCompleteness,
  type ReturnCompletenessInput,
  type ReturnTimeliness,
} from './completeness.js';
