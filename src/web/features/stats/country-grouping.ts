import { placeOfCountry } from '../../../core/regions/index.js';
import type { Key } from './crosstab-table.js';
import type { CountryGrouping } from './stats-view.js';

/** The key of countries a region scheme does not place (Antarctica, unknown codes). */
export const unplacedRegion = 'unplaced';

/**
 * A country (ISO 3166-1 alpha-3) as the chosen grouping reads it: itself, or the code of its UN
 * M49 subregion or region (dataUNODC's Region and Subregion). Not recorded stays not recorded.
 * Region names come from `regionNameOf` (core/regions/region-names.ts), as the public API's do.
 */
export function groupCountry(code: Key, grouping: CountryGrouping): Key {
  if (code === null || grouping === 'country') return code;
  const place = placeOfCountry('m49', code);
  if (place === null) return unplacedRegion;
  return grouping === 'region' ? place.region.code : (place.subregion ?? place.region).code;
}
