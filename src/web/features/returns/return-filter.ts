import { returnStatuses, type ReturnStatus } from '../../../shared/glotip-vocabulary.js';
import type { ReturnListFilter } from './returns-api.js';

// The list's filters live in the address (`?year=2025&status=submitted`), so the back button and
// a shared link show the same list. Anything that is not a valid filter is dropped, never sent.

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isStatus(value: string): value is ReturnStatus {
  return (returnStatuses as readonly string[]).includes(value);
}

/** The filters a query string holds. */
export function filterOfSearch(params: URLSearchParams): ReturnListFilter {
  const filter: ReturnListFilter = {};
  const year = Number(params.get('year') ?? '');
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) filter.year = year;
  const organisationId = params.get('organisationId') ?? '';
  if (uuid.test(organisationId)) filter.organisationId = organisationId;
  const status = params.get('status') ?? '';
  if (isStatus(status)) filter.status = status;
  return filter;
}

/** The query string of a filter (empty filters leave no trace). */
export function searchOfFilter(filter: ReturnListFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.year !== undefined) params.set('year', String(filter.year));
  if (filter.organisationId !== undefined) params.set('organisationId', filter.organisationId);
  if (filter.status !== undefined) params.set('status', filter.status);
  return params;
}

/**
 * The reporting years a person may pick: GLOTIP collects a year's figures in the next one, so
 * the list runs from the current year back to 2003, when the questionnaire began.
 */
export function reportingYears(currentYear: number): number[] {
  const years: number[] = [];
  for (let year = currentYear; year >= 2003; year -= 1) years.push(year);
  return years;
}
