import {
  citizenshipSpecialLabels,
  exploitationDetails,
  exploitationGroupLabels,
  glotipAgeLabels,
  glotipIndicatorLabels,
  glotipSexLabels,
  returnSources,
} from '../../../shared/glotip-vocabulary.js';

/*
 * The public API speaks dataUNODC's English words ("Female", "0 to 17 years", "Forced labour")
 * so that open-data users meet the terms they know; the page translates them into the reader's
 * language. English messages repeat dataUNODC's words exactly, so an English table reads as the
 * downloaded file does. Country and region names come already translated (the `lang` filter).
 */

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

const words: Record<string, string> = {};
for (const label of [
  ...Object.values(glotipSexLabels),
  ...Object.values(glotipAgeLabels),
  ...Object.values(exploitationGroupLabels),
  ...Object.values(glotipIndicatorLabels),
  ...Object.values(citizenshipSpecialLabels),
]) {
  words[label] = `publicLabels.words.${slug(label)}`;
}
// Detailed forms (conflict settings) travel as codes.
for (const code of Object.keys(exploitationDetails)) {
  words[code] = `publicLabels.forms.${code}`;
}
// The conflict-link categories (`yes`, `no`, `unknown`) and the profile groups (GLOTIP's words,
// as the API writes them, and the codes the profile chart uses).
for (const code of ['yes', 'no']) words[code] = `publicLabels.conflict.${code}`;
for (const code of ['women', 'men', 'girls', 'boys']) {
  words[code] = `publicLabels.profile.${code}`;
  words[code.charAt(0).toUpperCase() + code.slice(1)] = `publicLabels.profile.${code}`;
}
// Headline figures that are Vigil's own, not dataUNODC indicators.
words['Countries reporting'] = 'publicLabels.kpis.countries_reporting';
words['Years reported'] = 'publicLabels.kpis.years_reported';

const sources: Record<string, string> = Object.fromEntries(
  returnSources.map((source) => [source, `publicLabels.sources.${source}`]),
);

/** The message key that names a data source (`synthetic`, `dataunodc`…), or null if unknown. */
export function sourceMessageKey(source: string): string | null {
  return sources[source] ?? null;
}

/** The message key that translates a value of a dimension, or null to show it as it came. */
export function valueMessageKey(value: string): string | null {
  return words[value] ?? null;
}

/** Every message key {@link valueMessageKey} can return (the locale test checks each exists). */
export function valueMessageKeys(): string[] {
  return [...new Set([...Object.values(words), ...Object.values(sources)])];
}

/** Column names the API uses, each with a translated header. */
export const knownColumns = [
  'kpi',
  'indicator',
  'dimension',
  'category',
  'sex',
  'age',
  'profile',
  'form',
  'year',
  'region',
  'regionName',
  'country',
  'countryName',
  'm49',
  'origin',
  'originName',
  'originM49',
  'destination',
  'destinationName',
  'destinationM49',
  'conflict',
  'crisis',
  'source',
  'value',
] as const;

/** The message key of a column header, or null to show the API's column name. */
export function columnMessageKey(column: string): string | null {
  return (knownColumns as readonly string[]).includes(column) ? `publicColumns.${column}` : null;
}

const adult = glotipAgeLabels.adult;
const minor = glotipAgeLabels.minor;

/**
 * GLOTIP's victim profile (women, men, girls, boys) from a row's sex and age, or null when the
 * row is not one of the four (a total, an unknown sex or age…).
 */
export function profileGroupOf(dimensions: Record<string, string>): string | null {
  if (dimensions.profile !== undefined) return dimensions.profile.toLowerCase();
  const { sex, age } = dimensions;
  if (sex === glotipSexLabels.female && age === adult) return 'women';
  if (sex === glotipSexLabels.male && age === adult) return 'men';
  if (sex === glotipSexLabels.female && age === minor) return 'girls';
  if (sex === glotipSexLabels.male && age === minor) return 'boys';
  return null;
}
