import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };

// The ISO 3166-1 table shipped with i18n-iso-countries: [alpha-2, alpha-3, numeric, subdivision].
const alpha3Codes: ReadonlySet<string> = new Set(codes.map((row) => row[1] ?? ''));

/**
 * Former codes (ISO 3166-3, "transitionally reserved" in ISO 3166-1) that historical case data
 * still carries: CTDC's global dataset keeps them rather than guessing a successor state (the
 * Netherlands Antilles split three ways; Yugoslavia and Serbia and Montenegro into two or more).
 */
export const formerCountryCodes: Readonly<Record<string, string>> = {
  AN: 'ANT',
  ZR: 'ZAR',
  YU: 'YUG',
  CS: 'SCG',
};

const alpha2ToAlpha3Map: ReadonlyMap<string, string> = new Map([
  ...codes.map((row): [string, string] => [row[0] ?? '', row[1] ?? '']),
  ...Object.entries(formerCountryCodes),
]);
const alpha3ToAlpha2Map: ReadonlyMap<string, string> = new Map(
  [...alpha2ToAlpha3Map].map(([alpha2, alpha3]): [string, string] => [alpha3, alpha2]),
);
const formerAlpha3Codes: ReadonlySet<string> = new Set(Object.values(formerCountryCodes));

/** True when `code` is an assigned ISO 3166-1 alpha-3 country code (upper case). */
export function isIsoAlpha3(code: string): boolean {
  return alpha3Codes.has(code);
}

/** True when `code` is one of the former alpha-3 codes in {@link formerCountryCodes}. */
export function isFormerIsoAlpha3(code: string): boolean {
  return formerAlpha3Codes.has(code);
}

/**
 * The alpha-3 code of an upper-case alpha-2 code (assigned, or one of the former codes), or
 * `null` when the code is not known.
 */
export function alpha2ToAlpha3(code: string): string | null {
  return alpha2ToAlpha3Map.get(code) ?? null;
}

/**
 * The alpha-2 code of an upper-case alpha-3 code (assigned, or one of the former codes), or
 * `null` when the code is not known.
 */
export function alpha3ToAlpha2(code: string): string | null {
  return alpha3ToAlpha2Map.get(code) ?? null;
}
