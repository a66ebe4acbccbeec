import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };

// The ISO 3166-1 table shipped with i18n-iso-countries: [alpha-2, alpha-3, numeric, subdivision].
const alpha3Codes: ReadonlySet<string> = new Set(codes.map((row) => row[1] ?? ''));

/** True when `code` is an assigned ISO 3166-1 alpha-3 country code (upper case). */
export function isIsoAlpha3(code: string): boolean {
  return alpha3Codes.has(code);
}
