import { alpha2ToAlpha3 } from '../../shared/countries.js';
import { majorityOf } from '../cases/case-derivations.js';
import {
  countryHierarchy,
  hierarchyOf,
  kAnonymise,
  yearHierarchy,
  type GeneralisationHierarchy,
  type KAnonymityResult,
  type ReleaseRecord,
  unknownValue,
} from '../disclosure/index.js';
import { placeOfCountry } from '../regions/index.js';
import { parseAgeBand } from './ctdc-vocabulary.js';

/**
 * The quasi-identifiers of a CTDC-layout record-level release: the attributes an outsider can
 * know of a person (sex, age, citizenship, where and when they were exploited or registered),
 * as CTDC chose for its own k-anonymised global dataset. Countries generalise along UN M49
 * (subregion, then region); years to five-year periods; the CTDC age band to minor/adult.
 * Gender and the three majority columns have no coarser level than "not released"; the
 * majority columns are quasi-identifiers of their own, or they would tell minor from adult
 * where the age column was generalised away.
 */
export function ctdcReleaseQuasiIdentifiers(): GeneralisationHierarchy[] {
  const regionsOf = (alpha2: string) => {
    const iso3 = alpha2ToAlpha3(alpha2);
    const place = iso3 === null ? null : placeOfCountry('m49', iso3);
    if (place === null) return undefined;
    return {
      subregion: place.subregion?.code ?? place.region.code,
      region: place.region.code,
    };
  };
  return [
    hierarchyOf('gender', []),
    hierarchyOf('ageBroad', [
      (value) => {
        const band = parseAgeBand(value);
        return band === null || band === undefined ? unknownValue : majorityOf(null, band);
      },
    ]),
    hierarchyOf('majorityStatus', []),
    hierarchyOf('majorityStatusAtExploit', []),
    hierarchyOf('majorityEntry', []),
    countryHierarchy('citizenship', regionsOf),
    countryHierarchy('CountryOfExploitation', regionsOf),
    yearHierarchy('yearOfRegistration'),
  ];
}

/**
 * A k-anonymised CTDC-layout release: every combination of the quasi-identifiers occurs at
 * least k times among the released records (default 11, as CTDC). Rows must already hold no
 * identifying field (the CTDC global layout has none).
 */
export function kAnonymisedCtdcRelease(
  rows: readonly ReleaseRecord[],
  options: { k?: number; maxSuppressedShare?: number } = {},
): KAnonymityResult {
  return kAnonymise(rows, { quasiIdentifiers: ctdcReleaseQuasiIdentifiers(), ...options });
}
