import i18next from 'i18next';
import {
  ageBands,
  caseStatuses,
  conflictBases,
  conflictRelations,
  consentPrompts,
  consentPurposes,
  controlMethods,
  dataSources,
  displacementStatuses,
  eventTypes,
  exploitationDurations,
  exploitationTypes,
  genders,
  labourSectors,
  majorityStatuses,
  perpetratorAffiliations,
  perpetratorRoles,
  recruiterRelations,
  recruitmentMethods,
  referralPacketFieldNames,
  referralStatuses,
  serviceKinds,
  sexExploitationTypes,
  statusDecisionMakers,
  supportPlanTypes,
  traffickerRelationships,
  traffickingStatuses,
  type AgeBand,
  type ExploitationDuration,
} from '../../shared/case-vocabulary.js';

/**
 * The code lists the case pages show, by the name their translations live under
 * (`codes.<list>.<code>`). Age bands and durations are ranges of numbers, worded by
 * {@link ageBandLabel} and {@link durationLabel} instead.
 */
export const codeLists = {
  caseStatus: caseStatuses,
  gender: genders,
  traffickingStatus: traffickingStatuses,
  statusDecisionMaker: statusDecisionMakers,
  traffickerRelationship: traffickerRelationships,
  recruitmentMethod: recruitmentMethods,
  controlMethod: controlMethods,
  exploitationType: exploitationTypes,
  labourSector: labourSectors,
  sexExploitationType: sexExploitationTypes,
  recruiterRelation: recruiterRelations,
  majorityStatus: majorityStatuses,
  dataSource: dataSources,
  conflictBasis: conflictBases,
  conflictRelation: conflictRelations,
  displacementStatus: displacementStatuses,
  perpetratorRole: perpetratorRoles,
  perpetratorAffiliation: perpetratorAffiliations,
  eventType: eventTypes,
  supportPlanType: supportPlanTypes,
  consentPrompt: consentPrompts,
  consentPurpose: consentPurposes,
  serviceKind: serviceKinds,
  referralStatus: referralStatuses,
  packetField: referralPacketFieldNames,
  givenBy: ['person', 'guardian'],
} as const satisfies Record<string, readonly string[]>;

/** The name of a translated code list. */
export type CodeListName = keyof typeof codeLists;

/** A code of a list. */
export type CodeOf<L extends CodeListName> = (typeof codeLists)[L][number];

/**
 * A code as a message key segment. Vigil's extension codes carry a namespace (`vigil:Begging`);
 * i18next would read the colon as a namespace separator in other setups, so it becomes `_`
 * (`vigil_Begging`). HTCDS codes never contain `_` after a lower-case `vigil`, so keys stay
 * unique.
 */
export function codeKey(code: string): string {
  return code.replaceAll(':', '_');
}

/**
 * Text that reads left to right (a case number such as `2026-G7VHTQ`) isolated for use inside a
 * sentence: in Arabic the bidi algorithm would otherwise show it as `G7VHTQ-2026`.
 */
export function ltrIsolate(text: string): string {
  return `\u2066${text}\u2069`;
}

/** A code of a list in words. */
export function codeLabel<L extends CodeListName>(list: L, code: CodeOf<L>): string {
  return i18next.t(`codes.${list}.${codeKey(code)}`);
}

/**
 * A code of a list in words, for code that holds the list's name as a value rather than a type
 * (filters, generic checkbox groups).
 */
export function codeText(list: CodeListName, code: string): string {
  return i18next.t(`codes.${list}.${codeKey(code)}`);
}

/** Every code of a list, with its words (for selects). */
export function codeOptions(list: CodeListName): { value: string; label: string }[] {
  return (codeLists[list] as readonly string[]).map((code) => ({
    value: code,
    label: codeText(list, code),
  }));
}

/** Codes of a list in words, joined for a table cell; `empty` when there are none. */
export function codeLabels<L extends CodeListName>(
  list: L,
  codes: readonly CodeOf<L>[] | null,
  empty = '—',
): string {
  if (codes === null || codes.length === 0) return empty;
  return codes.map((code) => codeLabel(list, code)).join(i18next.t('codes.separator'));
}

function range(code: string): { from: number; to: number | null } {
  const [from = '0', to] = code.replace('+', '').split('-');
  return { from: Number(from), to: to === undefined ? null : Number(to) };
}

function formatNumber(value: number): string {
  return new Intl.NumberFormat(i18next.language).format(value);
}

/** A CTDC age band in words ("18–20 years", "48 years and over"). */
export function ageBandLabel(band: AgeBand): string {
  const { from, to } = range(band);
  return to === null
    ? i18next.t('codes.ageBandOver', { from: formatNumber(from) })
    : i18next.t('codes.ageBandRange', { from: formatNumber(from), to: formatNumber(to) });
}

/** A band of months of exploitation in words. */
export function durationLabel(duration: ExploitationDuration): string {
  const { from, to } = range(duration);
  return to === null
    ? i18next.t('codes.durationOver', { from: formatNumber(from) })
    : i18next.t('codes.durationRange', { from: formatNumber(from), to: formatNumber(to) });
}

/** Every age band, in order (for selects). */
export const ageBandCodes = ageBands;
/** Every duration band, in order (for selects). */
export const durationCodes = exploitationDurations;
