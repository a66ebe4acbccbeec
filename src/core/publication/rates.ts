import type { PublicRate } from '../../shared/public-schemas.js';
import type { PublishedValue } from '../disclosure/index.js';
import { isHidden, shownNumber } from './protect-return.js';
import { ratePer100k } from './rate-per-100k.js';

export { rateDigits, ratePer100k } from './rate-per-100k.js';

/** One part of a figure: a protected cell and the population of its country-year (or null). */
export interface RatePart {
  readonly value: PublishedValue;
  readonly population: number | null;
}

/**
 * The rate per 100,000 of a figure made of protected parts (one country-year each), or null
 * when there is none to give. Parts that hold no figure (not available, not applicable) take no
 * part. There is no rate when no part holds a figure or when a part's population is not loaded.
 * Otherwise the rate is computed from shown numbers only: if any part is hidden (suppressed or
 * published as `<5`), the rate is hidden too, since a rate of a partly hidden sum would be
 * wrong, and a rate of a hidden figure would give the figure away (rate × population).
 * Several parts give the rate over their summed populations (a yearly average for several years).
 */
export function protectedRate(parts: readonly RatePart[]): PublicRate | null {
  const figures = parts.filter((part) => shownNumber(part.value) !== null || isHidden(part.value));
  if (figures.length === 0) return null;
  let count = 0;
  let population = 0;
  let hidden = false;
  for (const part of figures) {
    if (part.population === null || part.population <= 0) return null;
    population += part.population;
    const shown = shownNumber(part.value);
    if (shown === null) hidden = true;
    else count += shown;
  }
  if (hidden) return { value: null, suppressed: true };
  return { value: ratePer100k(count, population), suppressed: false };
}
