import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import { alpha3ToAlpha2 } from '../../shared/countries.js';
import type { Language } from '../../shared/vocabulary.js';

type NameTable = Readonly<Record<string, string | readonly string[]>>;

const tables: Readonly<Record<Language, NameTable>> = {
  ar: ar.countries,
  en: en.countries,
  es: es.countries,
  fr: fr.countries,
  ru: ru.countries,
  zh: zh.countries,
};

/**
 * A country's short name in one of the six UN languages (the first name the ISO table lists),
 * falling back to English and then to the code itself, so a label is never empty.
 */
export function countryDisplayName(iso3: string, language: Language): string {
  const alpha2 = alpha3ToAlpha2(iso3);
  if (alpha2 === null) return iso3;
  const names = tables[language][alpha2] ?? tables.en[alpha2];
  if (names === undefined) return iso3;
  return typeof names === 'string' ? names : (names[0] ?? iso3);
}
