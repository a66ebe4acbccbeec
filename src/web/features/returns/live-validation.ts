import {
  cellKeyString,
  type GlotipCellKey,
  type RuleImportance,
} from '../../../shared/glotip-vocabulary.js';
import {
  validateReturn,
  violationMessage,
  type ReturnCellInput,
  type RuleViolation,
} from '../../../core/glotip/validate-return.js';
import type { CellState } from './cell-control.js';

/**
 * A rule violation as the form shows it: the rule, how serious, the subject warning comments are
 * keyed by, the cells it concerns, and the message in the reader's language (the same text the
 * server gives, from the same core function), plus a DOM id for `aria-describedby`.
 */
export interface ShownViolation {
  readonly id: string;
  readonly ruleId: string;
  readonly importance: RuleImportance;
  readonly subject: string;
  readonly cells: readonly GlotipCellKey[];
  readonly message: string;
}

/** How each cell named by a violation is marked, by `cellKeyString`. */
export type CellMarks = ReadonlyMap<string, { state: CellState; messageIds: string[] }>;

/** Marks cells: an error wins over a warning; every message that names a cell is linked. */
export function marksOf(violations: readonly ShownViolation[]): CellMarks {
  const marks = new Map<string, { state: CellState; messageIds: string[] }>();
  for (const violation of violations) {
    const state: CellState = violation.importance === 'critical' ? 'error' : 'warning';
    for (const key of violation.cells) {
      const id = cellKeyString(key);
      const mark = marks.get(id) ?? { state, messageIds: [] };
      if (state === 'error') mark.state = 'error';
      if (!mark.messageIds.includes(violation.id)) mark.messageIds.push(violation.id);
      marks.set(id, mark);
    }
  }
  return marks;
}

/** The place of a questionnaire table: its indicator and dimension. */
export interface SectionPlace {
  readonly id: string;
  readonly indicator: GlotipCellKey['indicator'];
  readonly dimension: GlotipCellKey['dimension'];
}

/**
 * Where each violation is listed: under the last table (in questionnaire order) holding one of
 * its cells, so that "parts do not add up to the total" sits under the breakdown, beside the
 * figures most likely to be wrong. Violations naming no cell of any table (the reporting year)
 * go under the key `''`, listed above the form.
 */
export function placeViolations(
  violations: readonly ShownViolation[],
  sections: readonly SectionPlace[],
): Map<string, ShownViolation[]> {
  const placed = new Map<string, ShownViolation[]>();
  for (const violation of violations) {
    let place = '';
    sections.forEach((section) => {
      const inside = violation.cells.some(
        (key) => key.indicator === section.indicator && key.dimension === section.dimension,
      );
      if (inside) place = section.id;
    });
    placed.set(place, [...(placed.get(place) ?? []), violation]);
  }
  return placed;
}

/** Counts by importance, for the summary line and the indicator tabs. */
export function countByImportance(violations: readonly ShownViolation[]): {
  critical: number;
  warning: number;
} {
  return {
    critical: violations.filter((violation) => violation.importance === 'critical').length,
    warning: violations.filter((violation) => violation.importance === 'warning').length,
  };
}

/**
 * The violations of the cells as typed, checked by the same core rules the server applies, each
 * with its message in `language`. The message's `{cell}` names the cell in words (the server's
 * copy prints the cell's code, which the form replaces because the cell itself is highlighted
 * and its name must read in the reader's language).
 */
export function liveViolations(
  input: { year: number; currentYear: number; cells: readonly ReturnCellInput[] },
  language: string,
  idPrefix: string,
  nameOf: (key: GlotipCellKey) => string,
): ShownViolation[] {
  return validateReturn(input).map((violation, index) => {
    const named = violation.cells.find((key) => cellKeyString(key) === violation.params.cell);
    const readable: RuleViolation =
      named === undefined
        ? violation
        : { ...violation, params: { ...violation.params, cell: nameOf(named) } };
    return {
      id: `${idPrefix}-v${String(index)}`,
      ruleId: violation.ruleId,
      importance: violation.importance,
      subject: violation.subject,
      cells: violation.cells,
      message: violationMessage(readable, language),
    };
  });
}
