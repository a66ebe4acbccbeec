import i18next from 'i18next';
import {
  citizenshipSpecials,
  conflictLinkCategories,
  exploitationDetails,
  exploitationGroups,
  glotipAges,
  glotipDimensions,
  glotipIndicators,
  glotipSexes,
  returnSources,
  returnStatuses,
  ruleImportances,
  type GlotipAge,
  type GlotipCellKey,
  type GlotipCellValue,
  type GlotipDimension,
  type GlotipIndicator,
  type GlotipSex,
  type ReturnSource,
  type ReturnStatus,
} from '../../../shared/glotip-vocabulary.js';
import {
  returnActions,
  returnEventKinds,
  type ReturnAction,
  type ReturnEventKind,
} from '../../../shared/return-schemas.js';
import { countingPolicyIds } from '../../../shared/counting-policy-ids.js';
import { countryName } from '../../i18n/country-names.js';

/**
 * Words for the GLOTIP vocabulary, all under `returns.*`: the codes are Vigil's (stable), the
 * words are the reader's language. dataUNODC's English labels stay in the shared vocabulary for
 * files; pages never show them.
 */

const t = (key: string, values?: Record<string, string>) => i18next.t(key, values ?? {});

export function indicatorLabel(indicator: GlotipIndicator): string {
  return t(`returns.indicators.${indicator}`);
}

export function dimensionLabel(dimension: GlotipDimension): string {
  return t(`returns.dimensions.${dimension}`);
}

export function sexLabel(sex: GlotipSex): string {
  return t(`returns.sexes.${sex}`);
}

export function ageLabel(age: GlotipAge): string {
  return t(`returns.ages.${age}`);
}

export function statusLabel(status: ReturnStatus): string {
  return t(`returns.statuses.${status}`);
}

export function sourceLabel(source: ReturnSource): string {
  return t(`returns.sources.${source}`);
}

export function actionLabel(action: ReturnAction): string {
  return t(`returns.actions.${action}`);
}

export function eventLabel(kind: ReturnEventKind): string {
  return t(`returns.events.${kind}`);
}

const exploitationCodes = new Set<string>([
  ...exploitationGroups,
  ...Object.keys(exploitationDetails),
]);
const specialCodes = new Set<string>(citizenshipSpecials);
const conflictCodes = new Set<string>(conflictLinkCategories);

/**
 * A row's category in words: a form of exploitation, a country (named by the browser in the
 * reader's language), a special citizenship (nationals, abroad, unknown) or a conflict link.
 * An unknown code shows as itself rather than as a raw message key.
 */
export function categoryLabel(dimension: GlotipDimension, category: string, language: string) {
  switch (dimension) {
    case 'total':
      return t('returns.dimensions.total');
    case 'exploitation':
      return exploitationCodes.has(category) ? t(`returns.exploitation.${category}`) : category;
    case 'citizenship':
    case 'repatriation':
      if (specialCodes.has(category)) return t(`returns.citizenship.${category}`);
      return /^[A-Z]{3}$/.test(category) ? countryName(category, language) : category;
    case 'conflict':
      return conflictCodes.has(category) ? t(`returns.conflict.${category}`) : category;
  }
}

/** The sex and age of a column ("Female, 0 to 17 years"; "Total" for the grand total). */
export function columnLabel(sex: GlotipSex, age: GlotipAge): string {
  if (sex === 'total' && age === 'total') return t('returns.sexes.total');
  if (age === 'total') return sexLabel(sex);
  return [sexLabel(sex), ageLabel(age)].join(t('codes.separator'));
}

/**
 * A cell's full name, for its accessible label and for the lists of changes and violations:
 * indicator, the row (dimension and category) and the column.
 */
export function cellLabel(key: GlotipCellKey, language: string): string {
  // The total dimension has one row, so the indicator and the column say it all.
  const row =
    key.dimension === 'total'
      ? []
      : [
          `${dimensionLabel(key.dimension)}: ${categoryLabel(key.dimension, key.category, language)}`,
        ];
  return [indicatorLabel(key.indicator), ...row, columnLabel(key.sex, key.age)].join(
    t('codes.separator'),
  );
}

/** A value in words: a number in the reader's digits, `<5`, or "not available/applicable". */
export function valueText(value: GlotipCellValue | null, language: string): string {
  if (value === null) return t('returns.values.empty');
  switch (value.kind) {
    case 'count':
      return new Intl.NumberFormat(language).format(value.value);
    case 'censored':
      return value.lower === 0 && value.upper === 4
        ? t('returns.values.censored')
        : t('returns.values.interval', {
            lower: new Intl.NumberFormat(language).format(value.lower),
            upper: new Intl.NumberFormat(language).format(value.upper),
          });
    case 'not_available':
      return t('returns.values.not_available');
    case 'not_applicable':
      return t('returns.values.not_applicable');
  }
}

/**
 * Every message key the returns pages build from a code, so that a test can check each exists
 * in all six languages (a code added to the vocabulary then fails that test, not a page).
 */
export function returnMessageKeys(): string[] {
  return [
    ...glotipIndicators.map((code) => `returns.indicators.${code}`),
    ...glotipDimensions.map((code) => `returns.dimensions.${code}`),
    ...glotipSexes.map((code) => `returns.sexes.${code}`),
    ...glotipAges.map((code) => `returns.ages.${code}`),
    ...returnStatuses.map((code) => `returns.statuses.${code}`),
    ...returnSources.map((code) => `returns.sources.${code}`),
    ...returnActions.map((code) => `returns.actions.${code}`),
    ...returnActions.map((code) => `returns.actionDone.${code}`),
    ...returnEventKinds.map((code) => `returns.events.${code}`),
    ...[...exploitationCodes].map((code) => `returns.exploitation.${code}`),
    ...citizenshipSpecials.map((code) => `returns.citizenship.${code}`),
    ...conflictLinkCategories.map((code) => `returns.conflict.${code}`),
    ...['count', 'censored', 'not_available', 'not_applicable'].flatMap((kind) => [
      `returns.kinds.${kind}`,
      `returns.kindsShort.${kind}`,
    ]),
    ...['censored', 'not_available', 'not_applicable', 'empty'].map(
      (kind) => `returns.values.${kind}`,
    ),
    ...ruleImportances.map((importance) => `returns.importance.${importance}`),
    ...['on_time', 'late', 'not_yet_due', 'overdue'].map(
      (timeliness) => `returns.completeness.timeliness.${timeliness}`,
    ),
    ...returnActions
      .filter((action) => action !== 'edit')
      .flatMap((action) => [`returns.moveTitles.${action}`, `returns.moveIntro.${action}`]),
    ...['comment', 'reason'].map((field) => `returns.move.${field}Hint`),
    ...countingPolicyIds.flatMap((id) => [
      `returns.derive.policies.${id}.name`,
      `returns.derive.policies.${id}.description`,
    ]),
  ];
}

/**
 * A counting policy's name and description in the reader's language. A built-in policy is
 * worded by its id; another (none exists yet) keeps the server's English words.
 */
export function policyWords(policy: { id: string; name: string; description: string }): {
  name: string;
  description: string;
} {
  const known = (countingPolicyIds as readonly string[]).includes(policy.id);
  return known
    ? {
        name: t(`returns.derive.policies.${policy.id}.name`),
        description: t(`returns.derive.policies.${policy.id}.description`),
      }
    : { name: policy.name, description: policy.description };
}

/** A counted phrase ("3 errors"), its plural form chosen by `count`, the number in local digits. */
export function countText(key: string, count: number): string {
  return i18next.t(key, {
    count,
    formatted: new Intl.NumberFormat(i18next.language).format(count),
  });
}
