import { ageBands, type AgeBand } from '../../shared/case-vocabulary.js';
import { ageBandOf, majorityOf } from '../cases/case-derivations.js';

/** The value every hierarchy ends in: the attribute is not released at all. */
export const anyValue = '*';

/** The value shown for a missing or unreadable input at every level below the top. */
export const unknownValue = 'Unknown';

/**
 * How one quasi-identifier is generalised: level 0 is the value as recorded, each level above
 * is coarser, and level `height` is always {@link anyValue}.
 */
export interface GeneralisationHierarchy {
  /** The record field this hierarchy reads and rewrites. */
  readonly field: string;
  readonly height: number;
  readonly generalise: (value: string, level: number) => string;
}

/** A hierarchy from a function per level (level 1 first); the top level `*` is added. */
export function hierarchyOf(
  field: string,
  levels: readonly ((value: string) => string)[],
): GeneralisationHierarchy {
  return {
    field,
    height: levels.length + 1,
    generalise: (value, level) => {
      if (level <= 0) return value;
      const step = levels[level - 1];
      return step === undefined ? anyValue : step(value);
    },
  };
}

/** A categorical hierarchy from lookup tables, one per level; unlisted values become Unknown. */
export function mappedHierarchy(
  field: string,
  levels: readonly Readonly<Record<string, string>>[],
): GeneralisationHierarchy {
  return hierarchyOf(
    field,
    levels.map((table) => (value: string) => table[value] ?? unknownValue),
  );
}

const bandSet: ReadonlySet<string> = new Set(ageBands);

function ageBandOfText(value: string): AgeBand | null {
  if (/^\d{1,3}$/.test(value)) return ageBandOf(Number(value));
  return bandSet.has(value) ? (value as AgeBand) : null;
}

/**
 * Age in years (or a CTDC band when no exact age is known) → CTDC age band → Minor/Adult → `*`.
 * The bands are CTDC's own, so a generalised release lines up with CTDC data.
 */
export function ageHierarchy(field: string): GeneralisationHierarchy {
  return hierarchyOf(field, [
    (value) => ageBandOfText(value) ?? unknownValue,
    (value) => {
      const band = ageBandOfText(value);
      return band === null ? unknownValue : majorityOf(null, band);
    },
  ]);
}

/**
 * A calendar year → a period of `span` years aligned on multiples of `span` (2015-2019,
 * 2020-2024 for 5) → `*`.
 */
export function yearHierarchy(field: string, span = 5): GeneralisationHierarchy {
  return hierarchyOf(field, [
    (value) => {
      if (!/^\d{4}$/.test(value)) return unknownValue;
      const start = Math.floor(Number(value) / span) * span;
      return `${start}-${start + span - 1}`;
    },
  ]);
}

/** Where a country sits in a regional classification (e.g. UN M49 subregion and region). */
export interface CountryRegions {
  readonly subregion: string;
  readonly region: string;
}

/**
 * A country code → its subregion → its region → `*`. The classification comes in as a lookup
 * (the caller chooses M49 or GLOTIP's regions), so core carries no region data of its own.
 */
export function countryHierarchy(
  field: string,
  regionsOf: (country: string) => CountryRegions | undefined,
): GeneralisationHierarchy {
  return hierarchyOf(field, [
    (value) => regionsOf(value)?.subregion ?? unknownValue,
    (value) => regionsOf(value)?.region ?? unknownValue,
  ]);
}
