import {
  consolidationRuleId,
  consolidationRuleKey,
  type PublicConsolidation,
  type PublicReport,
} from '../../shared/public-schemas.js';
import type { OrganisationType } from '../../shared/vocabulary.js';
import type { ReturnReporter } from './protect-return.js';

/*
 * Consolidation (docs/consolidation.md): several reporting entities may publish figures for the
 * same country and year (a member state's national rapporteur and an NGO, a dataUNODC import and
 * a return entered in Vigil). Summing them would count the same victims twice, so exactly one
 * return per country-year is counted and the others are kept aside: listed with the output,
 * never added to it.
 */

/** What the rule needs of a published return. */
export interface ConsolidationCandidate {
  readonly returnId: string;
  readonly country: string;
  readonly year: number;
  readonly source: string;
  readonly reporter: ReturnReporter;
}

/** The rule in English, as the API states it beside its identifier. */
export const consolidationRuleText =
  'Where several reporting entities publish figures for the same country and year, one return ' +
  "is counted: the member state's own figures first, then dataUNODC's, then by type of " +
  'reporting entity (UN mission, UN entity, international organisation, NGO, other), the most ' +
  'recently published first. The other returns are listed beside it and never added.';

// Reporting entities other than the member state, in the order their figures are preferred.
const typeOrder: readonly OrganisationType[] = [
  'un_mission',
  'un_entity',
  'international_org',
  'ngo',
  'other',
];

/**
 * The precedence class of a return, lower first: 0 the member state's own figures (entered,
 * derived or synthetic by a `member_state` entity, whose country is the return's country since a
 * return's country is its entity's); 1 a dataUNODC import (official UNODC figures, whoever holds
 * them); 2… other reporting entities by type (UN mission, UN entity, international
 * organisation, NGO, other).
 */
export function precedenceClass(candidate: ConsolidationCandidate): number {
  if (candidate.source === 'dataunodc') return 1;
  const type = candidate.reporter.organisationType;
  if (type === 'member_state') return 0;
  return 2 + typeOrder.indexOf(type);
}

/**
 * Orders two returns of one country-year, the counted one first: by precedence class, then the
 * latest publication, then the return id (so the outcome never depends on input order).
 */
export function comparePrecedence(a: ConsolidationCandidate, b: ConsolidationCandidate): number {
  const byClass = precedenceClass(a) - precedenceClass(b);
  if (byClass !== 0) return byClass;
  // ISO 8601 UTC timestamps of one width: text order is time order.
  if (a.reporter.publishedAt !== b.reporter.publishedAt) {
    return a.reporter.publishedAt > b.reporter.publishedAt ? -1 : 1;
  }
  if (a.returnId === b.returnId) return 0;
  return a.returnId < b.returnId ? -1 : 1;
}

/** One country-year: the return counted and the returns kept aside, in precedence order. */
export interface CountryYearConsolidation<T extends ConsolidationCandidate> {
  readonly country: string;
  readonly year: number;
  readonly counted: T;
  readonly keptAside: readonly T[];
}

/** The outcome of the rule over a set of published returns. */
export interface Consolidation<T extends ConsolidationCandidate> {
  /** Exactly one return per country-year: the only returns any figure may add up. */
  readonly counted: readonly T[];
  /** Every country-year, by country then year. */
  readonly countryYears: readonly CountryYearConsolidation<T>[];
}

/**
 * Applies the consolidation rule: for each country × year exactly one return is counted (the
 * first by {@link comparePrecedence}); the others are kept aside. Every input return lands in
 * exactly one country-year, once; the input is not changed.
 */
export function consolidate<T extends ConsolidationCandidate>(
  returns: readonly T[],
): Consolidation<T> {
  const groups = new Map<string, T[]>();
  for (const ret of returns) {
    const key = `${ret.country}|${String(ret.year)}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [ret]);
    else group.push(ret);
  }
  const countryYears: CountryYearConsolidation<T>[] = [];
  for (const group of groups.values()) {
    const [counted, ...keptAside] = [...group].sort(comparePrecedence);
    if (counted === undefined) continue;
    countryYears.push({ country: counted.country, year: counted.year, counted, keptAside });
  }
  countryYears.sort((a, b) => a.country.localeCompare(b.country) || a.year - b.year);
  return { counted: countryYears.map((entry) => entry.counted), countryYears };
}

/** A return as public outputs name it (an allow-list: no identifier, no cell). */
function publicReport(
  ret: ConsolidationCandidate & { readonly synthetic: boolean; readonly version: number },
): PublicReport {
  return {
    organisationName: ret.reporter.organisationName,
    organisationType: ret.reporter.organisationType,
    source: ret.source,
    synthetic: ret.synthetic,
    version: ret.version,
    publishedAt: ret.reporter.publishedAt,
  };
}

/** The public statement of a consolidation: the rule and, per country-year, who was counted. */
export function publicConsolidation<
  T extends ConsolidationCandidate & { readonly synthetic: boolean; readonly version: number },
>(countryYears: readonly CountryYearConsolidation<T>[]): PublicConsolidation {
  return {
    rule: consolidationRuleId,
    descriptionKey: consolidationRuleKey,
    description: consolidationRuleText,
    keptAside: countryYears.reduce((sum, entry) => sum + entry.keptAside.length, 0),
    sources: countryYears.map((entry) => ({
      country: entry.country,
      year: entry.year,
      counted: publicReport(entry.counted),
      keptAside: entry.keptAside.map(publicReport),
    })),
  };
}
