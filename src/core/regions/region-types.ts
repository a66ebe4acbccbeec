/** The region schemes Vigil knows. Each is data: a list of regions and a country → place table. */
export const regionSchemeIds = ['m49', 'glotip_2018'] as const;
export type RegionSchemeId = (typeof regionSchemeIds)[number];

/** A region or subregion of a scheme. `parent` is the region code of a subregion. */
export interface SchemeRegion {
  readonly code: string;
  readonly name: string;
  readonly level: 'region' | 'subregion';
  readonly parent: string | null;
}

/** Where a country sits in a scheme. */
export interface CountryPlace {
  readonly region: SchemeRegion;
  readonly subregion: SchemeRegion | null;
}

/** What a scheme is and where its table comes from. */
export interface RegionSchemeInfo {
  readonly id: RegionSchemeId;
  readonly name: string;
  readonly source: string;
}

/** One scheme: its regions and the place of each country (ISO 3166-1 alpha-3) it assigns. */
export interface RegionScheme extends RegionSchemeInfo {
  readonly regions: readonly SchemeRegion[];
  readonly places: ReadonlyMap<string, CountryPlace>;
}
