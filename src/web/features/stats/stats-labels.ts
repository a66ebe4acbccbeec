import i18next from 'i18next';
import {
  ageBands,
  conflictRelations,
  displacementStatuses,
  genders,
  majorityStatuses,
  traffickingStatuses,
  type AgeBand,
} from '../../../shared/case-vocabulary.js';
import type { CrosstabDimension } from '../../../shared/crosstab-schemas.js';
import { exploitationGroups } from '../../../shared/glotip-vocabulary.js';
import { ageBandLabel, codeText, type CodeListName } from '../../i18n/case-labels.js';
import { countryName, countryOptions } from '../../i18n/country-names.js';
import { isLanguage } from '../../i18n/i18n.js';
import { regionNameOf } from '../../../core/regions/index.js';
import { groupCountry, unplacedRegion } from './country-grouping.js';
import type { Key } from './crosstab-table.js';
import { countryDimensions, type CountryGrouping } from './stats-view.js';

/** What value labels depend on besides the language's messages. */
export interface LabelContext {
  language: string;
  grouping: CountryGrouping;
  organisationNames: ReadonlyMap<string, string>;
  crisisNames: ReadonlyMap<string, string>;
}

// The closed vocabularies, in the order the case form lists them (tables follow it too).
const vocabularies: Partial<Record<CrosstabDimension, readonly string[]>> = {
  sex: genders,
  majority: majorityStatuses,
  ageBand: ageBands,
  exploitation: exploitationGroups,
  conflict: conflictRelations,
  displacement: displacementStatuses,
  status: traffickingStatuses,
};

// The case pages' code lists whose words these dimensions reuse.
const codeListOf: Partial<Record<CrosstabDimension, CodeListName>> = {
  sex: 'gender',
  majority: 'majorityStatus',
  conflict: 'conflictRelation',
  displacement: 'displacementStatus',
  status: 'traffickingStatus',
};

/** A dimension in words. */
export function dimensionLabel(dimension: CrosstabDimension): string {
  return i18next.t(`stats.dimensions.${dimension}`);
}

function isAgeBand(code: string): code is AgeBand {
  return (ageBands as readonly string[]).includes(code);
}

function countryLabel(code: string, context: LabelContext): string {
  if (context.grouping === 'country') return countryName(code, context.language);
  if (code === unplacedRegion) return i18next.t('stats.unplacedRegion');
  return regionNameOf('m49', code, isLanguage(context.language) ? context.language : 'en') ?? code;
}

/**
 * A category of a dimension in words. Countries are already grouped when the context groups
 * them (the key is then a region code). A code this build does not know (a newer server's, an
 * odd import) is shown as it is rather than as a message key.
 */
export function valueLabel(dimension: CrosstabDimension, key: Key, context: LabelContext): string {
  if (key === null) return i18next.t('stats.notRecorded');
  switch (dimension) {
    case 'organisation':
      return context.organisationNames.get(key) ?? i18next.t('common.unknownOrganisation');
    case 'crisis':
      return context.crisisNames.get(key) ?? i18next.t('stats.unknownCrisis');
    case 'country':
    case 'citizenship':
      return countryLabel(key, context);
    case 'ageBand':
      return isAgeBand(key) ? ageBandLabel(key) : key;
    case 'exploitation': {
      const message = `returns.exploitation.${key}`;
      return i18next.exists(message) ? i18next.t(message) : key;
    }
    case 'year':
      return key;
    case 'sex':
    case 'majority':
    case 'conflict':
    case 'displacement':
    case 'status': {
      const list = codeListOf[dimension];
      const known = vocabularies[dimension]?.includes(key) ?? false;
      return list === undefined || !known ? key : codeText(list, key);
    }
  }
}

/** The key of a dimension as the context shows it (countries grouped into regions). */
export function shownKey(dimension: CrosstabDimension, key: Key, context: LabelContext): Key {
  return countryDimensions.has(dimension) ? groupCountry(key, context.grouping) : key;
}

/**
 * How a dimension's recorded categories are ordered: closed vocabularies as the case form lists
 * them, years in time order, anything else by its words in the reader's language.
 */
export function valueOrder(
  dimension: CrosstabDimension,
  context: LabelContext,
): (left: string, right: string) => number {
  const vocabulary = vocabularies[dimension];
  if (vocabulary !== undefined) {
    const rank = (code: string) => {
      const index = vocabulary.indexOf(code);
      return index === -1 ? vocabulary.length : index;
    };
    return (left, right) => rank(left) - rank(right) || left.localeCompare(right);
  }
  if (dimension === 'year') return (left, right) => Number(left) - Number(right);
  const collator = new Intl.Collator(context.language);
  return (left, right) =>
    collator.compare(valueLabel(dimension, left, context), valueLabel(dimension, right, context));
}

/** A choice of a filter's value. */
export interface ValueChoice {
  value: string;
  label: string;
}

/**
 * The values a filter on a dimension may take: closed vocabularies, every country, the listed
 * crises, or recent years (newest first).
 */
export function filterChoices(
  dimension: CrosstabDimension,
  context: LabelContext,
  currentYear: number,
): ValueChoice[] {
  const vocabulary = vocabularies[dimension] ?? [];
  const closed = () =>
    vocabulary.map((value) => ({ value, label: valueLabel(dimension, value, context) }));
  switch (dimension) {
    case 'year':
      return Array.from({ length: currentYear - 1999 }, (_, index) => {
        const value = String(currentYear - index);
        return { value, label: value };
      });
    case 'country':
    case 'citizenship':
      return countryOptions(context.language).map((option) => ({
        value: option.code,
        label: option.name,
      }));
    case 'crisis': {
      const collator = new Intl.Collator(context.language);
      return [...context.crisisNames]
        .map(([value, name]) => ({ value, label: name }))
        .sort((left, right) => collator.compare(left.label, right.label));
    }
    // The scope select chooses organisations; a filter never does.
    case 'organisation':
      return [];
    case 'sex':
    case 'majority':
    case 'ageBand':
    case 'exploitation':
    case 'conflict':
    case 'displacement':
    case 'status':
      return closed();
  }
}
