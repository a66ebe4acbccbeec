// The rate arithmetic alone, with no imports, so that any file format can use it without
// depending on the publication path (rates.ts adds the protection rules).

/** Significant digits a published rate keeps (rates are small: 0.0457, 1.23, 12.3). */
export const rateDigits = 3;

/**
 * `count` per 100,000 of `population`, to {@link rateDigits} significant digits. Published
 * counts must be shown figures: the publication path goes through `protectedRate`.
 */
export function ratePer100k(count: number, population: number): number {
  if (!Number.isFinite(population) || population <= 0) {
    throw new RangeError('a rate needs a positive population');
  }
  if (!Number.isFinite(count) || count < 0) throw new RangeError('a rate needs a count ≥ 0');
  return Number(((count * 100_000) / population).toPrecision(rateDigits));
}
