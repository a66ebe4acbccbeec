import i18next from 'i18next';
import type {
  BreakdownInconsistency,
  BreakdownKind,
  DataUnodcRejectionReason,
} from '../../../core/glotip-formats/index.js';
import { glotipIndicators, type GlotipIndicator } from '../../../shared/glotip-vocabulary.js';
import type { GlotipImportReport } from './glotip-import-api.js';
import { indicatorLabel } from './return-labels.js';

/**
 * Words for the dataUNODC import report, under `returns.import.*`. The report carries Vigil's
 * stable codes (reasons, breakdowns, problems); the pages translate them. The code lists are
 * written out here as records over the core's types, so that a code added there fails type
 * checking here (and then the locale test) rather than showing up as a raw key; importing them
 * as values would pull the country alias tables into the page's chunk.
 */

const rejectionReasons: Record<DataUnodcRejectionReason, true> = {
  no_header: true,
  unknown_country: true,
  invalid_year: true,
  unknown_indicator: true,
  unknown_dimension: true,
  unknown_category: true,
  questionnaire_id_category: true,
  unknown_country_text: true,
  unknown_sex: true,
  unknown_age: true,
  unknown_unit: true,
  missing_value: true,
  invalid_value: true,
  implausible_value: true,
  duplicate_cell: true,
  not_collected: true,
};

const breakdownKinds: Record<BreakdownKind, true> = {
  sex: true,
  age: true,
  exploitation: true,
  exploitation_detail: true,
  citizenship: true,
  repatriation: true,
  conflict: true,
};

const problems: Record<BreakdownInconsistency['problem'], true> = {
  parts_exceed_whole: true,
  parts_below_whole: true,
};

const returnOutcomes: Record<GlotipImportReport['returns'][number]['outcome'], true> = {
  created: true,
  updated: true,
  unchanged: true,
  would_write: true,
};

/** The row outcomes every report counts, in the order the page shows them. */
export const rowOutcomes = ['imported', 'normalised', 'rejected'] as const;

const known = (set: Record<string, true>, code: string) => Object.hasOwn(set, code);
const t = (key: string) => i18next.t(key);

/** Why a row was refused, in words; a reason this build does not know reads generally. */
export function rejectionReasonText(reason: string): string {
  return known(rejectionReasons, reason)
    ? t(`returns.import.reasons.${reason}`)
    : t('returns.import.reasons.other');
}

/** Which breakdown failed to add up; an unknown one shows as its code, never as a raw key. */
export function breakdownText(breakdown: string): string {
  return known(breakdownKinds, breakdown) ? t(`returns.import.breakdowns.${breakdown}`) : breakdown;
}

/** How the parts and the whole disagree. */
export function problemText(problem: string): string {
  return known(problems, problem) ? t(`returns.import.problems.${problem}`) : problem;
}

/** What happened (or would happen) to a return. */
export function returnOutcomeText(outcome: string): string {
  return known(returnOutcomes, outcome) ? t(`returns.import.outcomes.${outcome}`) : outcome;
}

const isIndicator = (code: string): code is GlotipIndicator =>
  (glotipIndicators as readonly string[]).includes(code);

/** An indicator in words, with the returns pages' own wording. */
export function importIndicatorText(indicator: string): string {
  return isIndicator(indicator) ? indicatorLabel(indicator) : indicator;
}

/** The refused rows by reason (`rejected.<reason>` in the outcomes), most frequent first. */
export function rejectionsByReason(
  outcomes: Readonly<Record<string, number>>,
): { reason: string; count: number }[] {
  return Object.entries(outcomes)
    .filter(([key, count]) => key.startsWith('rejected.') && count > 0)
    .map(([key, count]) => ({ reason: key.slice('rejected.'.length), count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** How many returns the real import created, updated and left unchanged. */
export function returnTallies(
  returns: GlotipImportReport['returns'],
): Record<'created' | 'updated' | 'unchanged', number> {
  const tallies = { created: 0, updated: 0, unchanged: 0 };
  for (const ret of returns) if (ret.outcome !== 'would_write') tallies[ret.outcome] += 1;
  return tallies;
}

/** Every message key the import page builds from a code (checked in six languages by a test). */
export function glotipImportMessageKeys(): string[] {
  return [
    ...Object.keys(rejectionReasons).map((code) => `returns.import.reasons.${code}`),
    'returns.import.reasons.other',
    ...Object.keys(breakdownKinds).map((code) => `returns.import.breakdowns.${code}`),
    ...Object.keys(problems).map((code) => `returns.import.problems.${code}`),
    ...Object.keys(returnOutcomes).map((code) => `returns.import.outcomes.${code}`),
    ...rowOutcomes.map((code) => `returns.import.counts.${code}`),
  ];
}
