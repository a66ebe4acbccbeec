import { glotip2018Scheme } from './glotip-2018-scheme.js';
import { m49Scheme } from './m49-scheme.js';
import type {
  CountryPlace,
  RegionScheme,
  RegionSchemeId,
  RegionSchemeInfo,
  SchemeRegion,
} from './region-types.js';

const schemes: Readonly<Record<RegionSchemeId, RegionScheme>> = {
  m49: m49Scheme,
  glotip_2018: glotip2018Scheme,
};

/** The schemes, for a picker: id, name and source of each. */
export function listRegionSchemes(): RegionSchemeInfo[] {
  return Object.values(schemes).map(({ id, name, source }) => ({ id, name, source }));
}

/** The regions and subregions of a scheme (regions first in M49 order or the report's order). */
export function regionsOfScheme(scheme: RegionSchemeId): readonly SchemeRegion[] {
  return schemes[scheme].regions;
}

/** The region and subregion of an ISO 3166-1 alpha-3 code in a scheme, or null when unplaced. */
export function placeOfCountry(scheme: RegionSchemeId, iso3: string): CountryPlace | null {
  return schemes[scheme].places.get(iso3.toUpperCase()) ?? null;
}

/** The ISO 3166-1 alpha-3 codes a scheme places in a region or subregion, sorted. */
export function countriesInRegion(scheme: RegionSchemeId, regionCode: string): string[] {
  const countries: string[] = [];
  for (const [iso3, place] of schemes[scheme].places) {
    if (place.region.code === regionCode || place.subregion?.code === regionCode) {
      countries.push(iso3);
    }
  }
  return countries.sort();
}
