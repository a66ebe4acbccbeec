import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { alpha3ToAlpha2 } from '../../shared/countries.js';

/** The English ISO short name of an alpha-3 code (the first of its names), or null. */
export function getNameOfAlpha3(iso3: string): string | null {
  const alpha2 = alpha3ToAlpha2(iso3);
  if (alpha2 === null) return null;
  const names = (en.countries as Readonly<Record<string, string | readonly string[]>>)[alpha2];
  if (names === undefined) return null;
  return typeof names === 'string' ? names : (names[0] ?? null);
}
