import {
  glotipDimensions,
  glotipIndicators,
  ruleImportances,
  ruleMessageLanguages,
  type GlotipDimension,
  type GlotipIndicator,
  type RuleImportance,
} from '../../shared/glotip-vocabulary.js';
import { ruleMessages, type GlotipRuleId, type RuleMessages } from './validation-rule-messages.js';

// GLOTIP validation rules as data: an id, an importance, a kind (which check the evaluator in
// validate-return.ts runs) with its operands, and the message in six languages. A critical rule
// that fails blocks submission; a failing warning needs a comment from the reporting entity.

/** The checks the evaluator knows. */
export const validationRuleKinds = [
  'cell_in_data_set',
  'duplicate_cell',
  'non_negative_integer',
  'censored_bounds',
  'year_bounds',
  'country_code',
  'sex_age_parts',
  'category_parts',
  'exploitation_details',
  'indicator_order',
] as const;
export type ValidationRuleKind = (typeof validationRuleKinds)[number];

/** How the sum of a dimension's categories must relate to the total. */
export type PartsRelation = 'equal' | 'at_most';

/** A dimension whose categories are parts of the total dimension. */
export type PartsDimension = Exclude<GlotipDimension, 'total'>;

/** One rule. Operands are set for the kinds that take them and absent otherwise. */
export interface ValidationRule {
  readonly id: string;
  readonly importance: RuleImportance;
  readonly kind: ValidationRuleKind;
  /** The message per language, with `{placeholders}` filled from the violation's params. */
  readonly messages: RuleMessages;
  /** `category_parts`: the dimension whose categories are summed (exploitation: groups only). */
  readonly dimension?: PartsDimension;
  /** `category_parts`: whether the parts must equal the total or may fall short of it. */
  readonly relation?: PartsRelation;
  /** `indicator_order`: the indicator whose total must be at least the other's. */
  readonly greater?: GlotipIndicator;
  /** `indicator_order`: the indicator whose total may not exceed the other's. */
  readonly lesser?: GlotipIndicator;
}

type RuleOperands = Pick<ValidationRule, 'dimension' | 'relation' | 'greater' | 'lesser'>;

function rule(
  id: GlotipRuleId,
  importance: RuleImportance,
  kind: ValidationRuleKind,
  operands: RuleOperands = {},
): ValidationRule {
  return { id, importance, kind, messages: ruleMessages[id], ...operands };
}

/**
 * The GLOTIP rule set. Arithmetic impossibilities (parts that cannot make their total, bad counts,
 * unknown cells or countries, a year outside the collection) are critical. Differences with a
 * legitimate explanation are warnings: a person may be counted under several forms of
 * exploitation or citizenships, only some victims are repatriated, and a year's convictions or
 * prosecutions may stem from cases opened in earlier years.
 */
export const glotipValidationRules: readonly ValidationRule[] = [
  rule('cell.in_data_set', 'critical', 'cell_in_data_set'),
  rule('cell.duplicate', 'critical', 'duplicate_cell'),
  rule('value.non_negative_integer', 'critical', 'non_negative_integer'),
  rule('value.censored_bounds', 'critical', 'censored_bounds'),
  rule('period.year_bounds', 'critical', 'year_bounds'),
  rule('category.country_code', 'critical', 'country_code'),
  rule('parts.sex_age_total', 'critical', 'sex_age_parts'),
  rule('parts.conflict_total', 'critical', 'category_parts', {
    dimension: 'conflict',
    relation: 'equal',
  }),
  rule('parts.exploitation_total', 'warning', 'category_parts', {
    dimension: 'exploitation',
    relation: 'equal',
  }),
  rule('parts.exploitation_details', 'warning', 'exploitation_details'),
  rule('parts.citizenship_total', 'warning', 'category_parts', {
    dimension: 'citizenship',
    relation: 'equal',
  }),
  rule('parts.repatriation_total', 'warning', 'category_parts', {
    dimension: 'repatriation',
    relation: 'at_most',
  }),
  rule('order.prosecuted_convicted', 'warning', 'indicator_order', {
    greater: 'prosecuted',
    lesser: 'convicted',
  }),
  rule('order.formal_contact_prosecuted', 'warning', 'indicator_order', {
    greater: 'formal_contact',
    lesser: 'prosecuted',
  }),
];

const placeholderPattern = /\{([A-Za-z]+)\}/g;

/** The `{placeholders}` of a message, sorted and without repeats. */
export function messagePlaceholders(message: string): string[] {
  return [...new Set([...message.matchAll(placeholderPattern)].map((match) => match[1] ?? ''))]
    .filter((name) => name !== '')
    .sort();
}

// Rules may arrive as data from elsewhere (JSON), so operands are checked against the vocabulary.
const partsDimensions: readonly string[] = glotipDimensions.filter((item) => item !== 'total');

function operandProblems(item: ValidationRule): string[] {
  const problems: string[] = [];
  if (item.kind === 'category_parts') {
    const dimensionOk = item.dimension !== undefined && partsDimensions.includes(item.dimension);
    if (!dimensionOk) problems.push(`${item.id}: category_parts needs a non-total dimension`);
    if (item.relation !== 'equal' && item.relation !== 'at_most') {
      problems.push(`${item.id}: category_parts needs a relation (equal or at_most)`);
    }
  }
  if (item.kind === 'indicator_order') {
    const known = (indicator: GlotipIndicator | undefined) =>
      indicator !== undefined && glotipIndicators.includes(indicator);
    if (!known(item.greater) || !known(item.lesser) || item.greater === item.lesser) {
      problems.push(`${item.id}: indicator_order needs two different indicators`);
    }
  }
  return problems;
}

/**
 * Structural defects of a rule set, as readable sentences (empty when well formed): duplicate
 * ids, unknown kinds or importances, missing operands, and messages that are empty or whose
 * placeholders differ between languages (a translation that drops `{total}` hides the figure).
 */
export function validationRuleProblems(rules: readonly ValidationRule[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const item of rules) {
    if (seen.has(item.id)) problems.push(`duplicate rule id ${item.id}`);
    seen.add(item.id);
    if (!validationRuleKinds.includes(item.kind)) problems.push(`${item.id}: unknown kind`);
    if (!ruleImportances.includes(item.importance)) problems.push(`${item.id}: unknown importance`);
    problems.push(...operandProblems(item));
    const english = messagePlaceholders(item.messages.en).join(',');
    for (const language of ruleMessageLanguages) {
      const message = item.messages[language];
      if (message.trim() === '') {
        problems.push(`${item.id}: empty ${language} message`);
      } else if (messagePlaceholders(message).join(',') !== english) {
        problems.push(`${item.id}: ${language} placeholders differ from English`);
      }
    }
  }
  return problems;
}
