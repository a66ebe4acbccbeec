import codes from 'i18n-iso-countries/codes.json';

// The same ISO 3166-1 table the server validates against: [alpha-2, alpha-3, numeric, …].
const alpha3ToAlpha2 = new Map(
  codes.flatMap((row) => {
    const [alpha2, alpha3] = row;
    return alpha2 === undefined || alpha3 === undefined ? [] : [[alpha3, alpha2] as const];
  }),
);

export interface CountryOption {
  code: string;
  name: string;
}

const cache = new Map<string, CountryOption[]>();

function displayNames(language: string): Intl.DisplayNames {
  return new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
}

/** A country's name in the user's language (the browser's CLDR data), from its alpha-3 code. */
export function countryName(alpha3: string | null, language: string): string {
  if (alpha3 === null) return '—';
  const alpha2 = alpha3ToAlpha2.get(alpha3);
  return alpha2 === undefined ? alpha3 : (displayNames(language).of(alpha2) ?? alpha3);
}

/** Every country, named and sorted in the user's language. */
export function countryOptions(language: string): CountryOption[] {
  const cached = cache.get(language);
  if (cached !== undefined) return cached;
  const names = displayNames(language);
  const collator = new Intl.Collator(language);
  const options = [...alpha3ToAlpha2.entries()]
    .map(([code, alpha2]) => ({ code, name: names.of(alpha2) ?? code }))
    .sort((a, b) => collator.compare(a.name, b.name));
  cache.set(language, options);
  return options;
}

/**
 * What the user typed in the country field, as an alpha-3 code: a code in any case, or a
 * country's full name in their language. Anything else is sent as typed, for the server to
 * refuse with a field error; an empty field means no country.
 */
export function resolveCountry(
  text: string,
  options: readonly CountryOption[],
  language: string,
): string | null {
  const typed = text.trim();
  if (typed === '') return null;
  const upper = typed.toUpperCase();
  if (options.some((option) => option.code === upper)) return upper;
  const lower = typed.toLocaleLowerCase(language);
  const byName = options.find((option) => option.name.toLocaleLowerCase(language) === lower);
  return byName?.code ?? typed;
}
