import type { CountryPlace, RegionScheme, SchemeRegion } from './region-types.js';

// The regional groupings of the UNODC Global Report on Trafficking in Persons, 2016 and 2018
// editions (REFERENCE 3.3): 4 regions and the subregions REFERENCE's table lists. Its text says
// 10 subregions while the table has nine; the tenth is probably North America apart from Central
// America and the Caribbean (to verify). The groups are not M49: Turkey and Cyprus sit in Western
// and Southern Europe, Central Asia goes with Eastern Europe, the Middle East with North Africa.
// The report publishes no code list, so the country lists were put together from the subregion
// names and the report's chapter coverage, and reviewed country by country against M49; the
// entries in `glotip2018Uncertain` are placements that must be checked against the report's
// annex before a regional figure built on them is published. Later editions regroup countries:
// they get a scheme of their own, never an edit of this one.

const regionTable: readonly (readonly [code: string, name: string])[] = [
  ['europe_central_asia', 'Europe and Central Asia'],
  ['americas', 'Americas'],
  ['africa_middle_east', 'Africa and the Middle East'],
  ['south_east_asia_pacific', 'South Asia, East Asia and the Pacific'],
];

// [subregion code, name, region code, members]. Member lists are ISO 3166-1 alpha-3 codes.
// prettier-ignore
const subregionTable: readonly (readonly [string, string, string, string])[] = [
  ['western_southern_europe', 'Western and Southern Europe', 'europe_central_asia',
    'AND AUT BEL CYP DNK FIN FRA DEU GRC ISL IRL ITA LIE LUX MLT MCO NLD NOR PRT SMR ESP SWE CHE TUR GBR'],
  ['central_south_eastern_europe', 'Central and South-Eastern Europe', 'europe_central_asia',
    'ALB BIH BGR HRV CZE EST HUN LVA LTU MNE MKD POL ROU SRB SVK SVN'],
  ['eastern_europe_central_asia', 'Eastern Europe and Central Asia', 'europe_central_asia',
    'ARM AZE BLR GEO KAZ KGZ MDA RUS TJK TKM UKR UZB'],
  ['north_central_america_caribbean', 'North and Central America and the Caribbean', 'americas',
    'CAN USA MEX BLZ CRI SLV GTM HND NIC PAN ATG BHS BRB CUB DMA DOM GRD HTI JAM KNA LCA VCT TTO'],
  ['south_america', 'South America', 'americas',
    'ARG BOL BRA CHL COL ECU GUY PRY PER SUR URY VEN'],
  ['sub_saharan_africa', 'Sub-Saharan Africa', 'africa_middle_east',
    'AGO BEN BWA BFA BDI CPV CMR CAF TCD COM COG CIV COD DJI GNQ ERI SWZ ETH GAB GMB GHA GIN GNB ' +
    'KEN LSO LBR MDG MWI MLI MRT MUS MOZ NAM NER NGA RWA STP SEN SYC SLE SOM ZAF SSD TGO UGA TZA ZMB ZWE'],
  ['north_africa_middle_east', 'North Africa and the Middle East', 'africa_middle_east',
    'DZA BHR EGY IRQ ISR JOR KWT LBN LBY MAR OMN QAT SAU SYR TUN ARE YEM PSE SDN IRN'],
  ['south_asia', 'South Asia', 'south_east_asia_pacific',
    'AFG BGD BTN IND MDV NPL PAK LKA'],
  ['east_asia_pacific', 'East Asia and the Pacific', 'south_east_asia_pacific',
    'BRN KHM CHN PRK IDN JPN LAO MYS MNG MMR PHL KOR SGP THA TLS VNM ' +
    'AUS NZL FJI PNG SLB VUT KIR MHL FSM NRU PLW WSM TON TUV'],
];

/** Placements to verify against the GLOTIP 2018 annex (see the note above). */
export const glotip2018Uncertain: Readonly<Record<string, string>> = {
  IRN: 'M49 puts Iran in Southern Asia; the report discusses it with the Middle East',
  SDN: 'M49 puts Sudan in Northern Africa; placed with North Africa and the Middle East',
  TUR: 'placed with Western and Southern Europe as in the 2016 edition',
  ISR: 'placed with North Africa and the Middle East',
};

/**
 * UN member states the scheme leaves out. Empty: every member state has a place. (Kosovo, with
 * no ISO code, is counted under Serbia by UNODC as the UN guidelines require.)
 */
export const glotip2018Unassigned: readonly string[] = [];

const regions: SchemeRegion[] = [
  ...regionTable.map(([code, name]): SchemeRegion => ({
    code,
    name,
    level: 'region',
    parent: null,
  })),
  ...subregionTable.map(([code, name, parent]): SchemeRegion => ({
    code,
    name,
    level: 'subregion',
    parent,
  })),
];
const regionByCode = new Map(regions.map((region) => [region.code, region]));

const places = new Map<string, CountryPlace>();
for (const [code, , parent, members] of subregionTable) {
  const subregion = regionByCode.get(code);
  const region = regionByCode.get(parent);
  if (subregion === undefined || region === undefined) continue;
  for (const iso3 of members.split(' ')) places.set(iso3, { region, subregion });
}

/** GLOTIP report regions and subregions, 2016 and 2018 editions. */
export const glotip2018Scheme: RegionScheme = {
  id: 'glotip_2018',
  name: 'GLOTIP report regions (2016 and 2018 editions)',
  source: 'UNODC Global Report on Trafficking in Persons 2018, regional chapters (reviewed table)',
  regions,
  places,
};
