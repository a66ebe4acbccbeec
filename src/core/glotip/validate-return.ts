import { ruleMessageLanguages } from '../../shared/glotip-vocabulary.js';
import { glotipDataSet, type DataSetDefinition } from './data-set-definition.js';
import {
  checkCategoryParts,
  checkExploitationDetails,
  checkIndicatorOrder,
  checkSexAgeParts,
} from './parts-checks.js';
import {
  checkCellsInDataSet,
  checkCensoredBounds,
  checkCountryCodes,
  checkDuplicateCells,
  checkNonNegativeIntegers,
  checkYearBounds,
} from './return-cell-checks.js';
import {
  createCheckContext,
  type CheckContext,
  type CheckFinding,
  type ReturnCellInput,
  type RuleViolation,
} from './return-cells.js';
import { glotipValidationRules, type ValidationRule } from './validation-rules.js';

export type { ReturnCellInput, RuleViolation } from './return-cells.js';

/** What {@link validateReturn} checks: one reporting entity's cells for one year. */
export interface ReturnValidationInput {
  readonly year: number;
  /** The year of the caller's clock: returns cannot be filed for the future. */
  readonly currentYear: number;
  readonly cells: readonly ReturnCellInput[];
}

function findingsOf(rule: ValidationRule, context: CheckContext): CheckFinding[] {
  switch (rule.kind) {
    case 'cell_in_data_set':
      return checkCellsInDataSet(context);
    case 'duplicate_cell':
      return checkDuplicateCells(context);
    case 'non_negative_integer':
      return checkNonNegativeIntegers(context);
    case 'censored_bounds':
      return checkCensoredBounds(context);
    case 'year_bounds':
      return checkYearBounds(context);
    case 'country_code':
      return checkCountryCodes(context);
    case 'sex_age_parts':
      return checkSexAgeParts(context);
    case 'category_parts':
      // A rule missing its operands checks nothing; validationRuleProblems reports it.
      return rule.dimension === undefined || rule.relation === undefined
        ? []
        : checkCategoryParts(context, rule.dimension, rule.relation);
    case 'exploitation_details':
      return checkExploitationDetails(context);
    case 'indicator_order':
      return rule.greater === undefined || rule.lesser === undefined
        ? []
        : checkIndicatorOrder(context, rule.greater, rule.lesser);
  }
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every violation of `rules` in a return, in rule order and, within a rule, by subject. A check
 * whose operands include a not-available figure is skipped, not failed; parts-versus-total checks
 * compare interval sums, so censored values fail a check only when no hidden counts could pass it.
 */
export function validateReturn(
  input: ReturnValidationInput,
  rules: readonly ValidationRule[] = glotipValidationRules,
  definition: DataSetDefinition = glotipDataSet,
): RuleViolation[] {
  const context = createCheckContext(input, definition);
  return rules.flatMap((rule) =>
    findingsOf(rule, context)
      .map((finding): RuleViolation => ({
        ruleId: rule.id,
        importance: rule.importance,
        cells: finding.cells,
        params: finding.params,
        subject: `${rule.id}@${finding.anchor}`,
      }))
      .sort((a, b) => byText(a.subject, b.subject)),
  );
}

const languages: readonly string[] = ruleMessageLanguages;

/**
 * The violation's message in `language` (a tag such as `fr` or `fr-CA`; English when the rule
 * has no text in that language), with placeholders filled from its params. Placeholders without
 * a param stay visible as `{name}` rather than vanishing. An unknown rule yields its id.
 */
export function violationMessage(
  violation: RuleViolation,
  language: string,
  rules: readonly ValidationRule[] = glotipValidationRules,
): string {
  const rule = rules.find((item) => item.id === violation.ruleId);
  if (rule === undefined) return violation.ruleId;
  const base = language.toLowerCase().split(/[-_]/)[0] ?? '';
  const template = languages.includes(base)
    ? rule.messages[base as keyof ValidationRule['messages']]
    : rule.messages.en;
  return template.replace(/\{([A-Za-z]+)\}/g, (placeholder, name: string) => {
    const value = violation.params[name];
    return value === undefined ? placeholder : String(value);
  });
}

/** Whether a return may be submitted, and what stands in the way. */
export interface SubmissionCheck {
  readonly canSubmit: boolean;
  /** Failing critical rules: these block submission outright. */
  readonly critical: readonly RuleViolation[];
  /** Failing warnings whose subject has no comment yet. */
  readonly uncommentedWarnings: readonly RuleViolation[];
}

/**
 * The submission gate: a return with a failing critical rule cannot be submitted, and each
 * failing warning needs a comment (looked up by the violation's subject).
 */
export function submissionCheck(
  violations: readonly RuleViolation[],
  commentedSubjects: ReadonlySet<string>,
): SubmissionCheck {
  const critical = violations.filter((violation) => violation.importance === 'critical');
  const uncommentedWarnings = violations.filter(
    (violation) => violation.importance === 'warning' && !commentedSubjects.has(violation.subject),
  );
  return {
    canSubmit: critical.length === 0 && uncommentedWarnings.length === 0,
    critical,
    uncommentedWarnings,
  };
}
