import {
  cellKeyString,
  type GlotipCellKey,
  type GlotipDimension,
  type ReturnStatus,
} from '../../shared/glotip-vocabulary.js';
import {
  glotipDataSet,
  questionnaireSections,
  sectionCellKeys,
  type DataSetDefinition,
} from './data-set-definition.js';
import type { ReturnCellInput } from './return-cells.js';

// How complete and how timely one reporting entity's return for one year is: the monitoring
// view a coordinator reads before chasing entities. Pure: the clock comes in as `asOf`.

/** Which cells a return is expected to fill. */
export interface ExpectedCellsOptions {
  /**
   * Dimensions whose tables are expected. Default: every dimension of the data set except
   * citizenship and repatriation, whose rows are open-ended (no one can expect a given country).
   */
  readonly dimensions?: readonly GlotipDimension[];
  /** Whether detailed forms of exploitation are expected too (default false: an extension). */
  readonly includeDetails?: boolean;
}

/** The expected cells: every fixed row × column of the chosen questionnaire sections. */
export function expectedReturnCells(
  definition: DataSetDefinition = glotipDataSet,
  options: ExpectedCellsOptions = {},
): GlotipCellKey[] {
  const dimensions = options.dimensions;
  return questionnaireSections(definition)
    .filter((section) =>
      dimensions === undefined ? !section.addCountryRows : dimensions.includes(section.dimension),
    )
    .map((section) =>
      options.includeDetails === true
        ? section
        : { ...section, rows: section.rows.filter((row) => row.rollsUpTo === null) },
    )
    .flatMap(sectionCellKeys);
}

/** One reporting entity's return for one year, as completeness needs it. */
export interface ReturnCompletenessInput {
  readonly entityId: string;
  readonly year: number;
  /** The return's workflow state, or `null` when the entity has not started one. */
  readonly status: ReturnStatus | null;
  readonly cells: readonly ReturnCellInput[];
  /** The cells expected; default {@link expectedReturnCells} of the GLOTIP data set. */
  readonly expected?: readonly GlotipCellKey[];
  /** The last day (UTC, inclusive) on which a submission is on time, `YYYY-MM-DD`. */
  readonly dueDate: string;
  /**
   * When the return was first submitted (ISO 8601 timestamp), or `null`. A return sent back for
   * corrections keeps its first submission time: timeliness measures the first reply.
   */
  readonly submittedAt: string | null;
  /** The caller's clock (ISO 8601 timestamp). */
  readonly asOf: string;
}

/**
 * `on_time`/`late`: submitted by / after the due date; `not_yet_due`: not submitted and the due
 * date has not passed; `overdue`: not submitted and the due date has passed.
 */
export type ReturnTimeliness = 'on_time' | 'late' | 'not_yet_due' | 'overdue';

/** Completeness and timeliness of one entity's return for one year. */
export interface ReturnCompleteness {
  readonly entityId: string;
  readonly year: number;
  readonly status: ReturnStatus | 'not_started';
  readonly expected: number;
  /** Expected cells holding a count, a censored value or "not applicable". */
  readonly reported: number;
  /** Expected cells marked "not available" (missing, but said so). */
  readonly notAvailable: number;
  /** Expected cells the return does not have at all. */
  readonly absent: number;
  /** `reported / expected`, in [0, 1]; 1 when nothing is expected. */
  readonly share: number;
  readonly timeliness: ReturnTimeliness;
  /** Whole days (rounded up) past the due date for `late` and `overdue`, else `null`. */
  readonly daysLate: number | null;
}

const dayMs = 86_400_000;

function timestamp(text: string, what: string): number {
  const value = Date.parse(text);
  if (Number.isNaN(value)) throw new RangeError(`${what} is not a valid date: ${text}`);
  return value;
}

function timelinessOf(input: ReturnCompletenessInput) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dueDate)) {
    throw new RangeError(`dueDate must be YYYY-MM-DD: ${input.dueDate}`);
  }
  const dueStart = timestamp(`${input.dueDate}T00:00:00Z`, 'dueDate');
  // Date.parse rolls 30 February over into March; a due date must name a real day.
  if (new Date(dueStart).toISOString().slice(0, 10) !== input.dueDate) {
    throw new RangeError(`dueDate is not a calendar date: ${input.dueDate}`);
  }
  const dueEnd = dueStart + dayMs;
  const daysPast = (at: number) => (at >= dueEnd ? Math.floor((at - dueEnd) / dayMs) + 1 : null);
  if (input.submittedAt !== null) {
    const late = daysPast(timestamp(input.submittedAt, 'submittedAt'));
    return late === null
      ? { timeliness: 'on_time' as const, daysLate: null }
      : { timeliness: 'late' as const, daysLate: late };
  }
  const overdue = daysPast(timestamp(input.asOf, 'asOf'));
  return overdue === null
    ? { timeliness: 'not_yet_due' as const, daysLate: null }
    : { timeliness: 'overdue' as const, daysLate: overdue };
}

/**
 * Completeness of one return: the share of expected cells reported (not available counts as
 * missing, not applicable as reported, cells outside the expected list are ignored) and its
 * timeliness against the due date.
 */
export function returnCompleteness(input: ReturnCompletenessInput): ReturnCompleteness {
  const values = new Map(input.cells.map((cell) => [cellKeyString(cell.key), cell.value]));
  const expected = [...new Set((input.expected ?? expectedReturnCells()).map(cellKeyString))];
  let reported = 0;
  let notAvailable = 0;
  for (const key of expected) {
    const value = values.get(key);
    if (value === undefined) continue;
    if (value.kind === 'not_available') notAvailable += 1;
    else reported += 1;
  }
  return {
    entityId: input.entityId,
    year: input.year,
    status: input.status ?? 'not_started',
    expected: expected.length,
    reported,
    notAvailable,
    absent: expected.length - reported - notAvailable,
    share: expected.length === 0 ? 1 : reported / expected.length,
    ...timelinessOf(input),
  };
}

/** Totals over many entities' returns for a monitoring dashboard. */
export interface CompletenessSummary {
  readonly returns: number;
  readonly byTimeliness: Readonly<Record<ReturnTimeliness, number>>;
  /** Mean of the returns' shares (0 when there are none). */
  readonly meanShare: number;
  /** On-time returns among those due: on_time / (on_time + late + overdue); null if none due. */
  readonly onTimeRate: number | null;
}

/** Summarises {@link returnCompleteness} rows, e.g. all entities for one year. */
export function summariseCompleteness(rows: readonly ReturnCompleteness[]): CompletenessSummary {
  const byTimeliness = { on_time: 0, late: 0, not_yet_due: 0, overdue: 0 };
  let shares = 0;
  for (const row of rows) {
    byTimeliness[row.timeliness] += 1;
    shares += row.share;
  }
  const due = byTimeliness.on_time + byTimeliness.late + byTimeliness.overdue;
  return {
    returns: rows.length,
    byTimeliness,
    meanShare: rows.length === 0 ? 0 : shares / rows.length,
    onTimeRate: due === 0 ? null : byTimeliness.on_time / due,
  };
}
