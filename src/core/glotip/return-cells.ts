import {
  cellKeyString,
  type GlotipCellKey,
  type GlotipCellValue,
  type RuleImportance,
} from '../../shared/glotip-vocabulary.js';
import type { DataSetDefinition } from './data-set-definition.js';

// The shapes the validation evaluator and its checks share (kept apart so that the checks and the
// evaluator do not import each other).

/** One cell of a return: its address and its value. */
export interface ReturnCellInput {
  readonly key: GlotipCellKey;
  readonly value: GlotipCellValue;
}

/** A rule that fails on a return, once per place it fails. */
export interface RuleViolation {
  readonly ruleId: string;
  readonly importance: RuleImportance;
  /** The cells involved; for parts-vs-total checks the total first, then the parts reported. */
  readonly cells: readonly GlotipCellKey[];
  /** Values for the rule message's placeholders. */
  readonly params: Readonly<Record<string, string | number>>;
  /**
   * Stable id of this check instance, `<rule id>@<anchor>` (the anchor names the total cell and
   * the direction of the breakdown, not the values), so a warning's comment stays attached while
   * the entity edits figures and the same check keeps failing.
   */
  readonly subject: string;
}

/** What a check reports before the evaluator stamps the rule on it. */
export interface CheckFinding {
  readonly anchor: string;
  readonly cells: readonly GlotipCellKey[];
  readonly params: Readonly<Record<string, string | number>>;
}

/** A return prepared for the checks. */
export interface CheckContext {
  readonly year: number;
  readonly currentYear: number;
  readonly definition: DataSetDefinition;
  /** Every cell as given, duplicates included. */
  readonly entries: readonly ReturnCellInput[];
  /** One entry per distinct key (the last one given wins), in first-seen order. */
  readonly cells: ReadonlyMap<string, ReturnCellInput>;
}

/** Builds the context: distinct cells keyed by {@link cellKeyString}. */
export function createCheckContext(
  input: {
    readonly year: number;
    readonly currentYear: number;
    readonly cells: readonly ReturnCellInput[];
  },
  definition: DataSetDefinition,
): CheckContext {
  const cells = new Map<string, ReturnCellInput>();
  for (const entry of input.cells) cells.set(cellKeyString(entry.key), entry);
  return {
    year: input.year,
    currentYear: input.currentYear,
    definition,
    entries: input.cells,
    cells,
  };
}

/** The value reported for `key`, or `undefined` when the return has no such cell. */
export function lookupCell(context: CheckContext, key: GlotipCellKey): GlotipCellValue | undefined {
  return context.cells.get(cellKeyString(key))?.value;
}

/**
 * True when a value can take part in arithmetic: a count that is a non-negative safe integer, or
 * a censored interval with whole bounds 0 ≤ lower ≤ upper. Anything else is reported by the value
 * rules, and arithmetic on it would only repeat that finding less clearly.
 */
export function isWellFormedValue(value: GlotipCellValue): boolean {
  switch (value.kind) {
    case 'count':
      return isCount(value.value);
    case 'censored':
      return isCount(value.lower) && isCount(value.upper) && value.lower <= value.upper;
    case 'not_available':
    case 'not_applicable':
      return true;
  }
}

/** A non-negative safe integer. */
export function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
