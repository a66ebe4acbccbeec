import { describe, expect, it } from 'vitest';
import { filterOfSearch, reportingYears, searchOfFilter } from './return-filter.js';

const organisationId = '0b6f7a5e-2f4c-4f5a-9d2e-3c1b2a4d5e6f';

describe('return list filters in the address', () => {
  it('round-trips every filter', () => {
    const filter = { year: 2024, organisationId, status: 'submitted' as const };
    expect(filterOfSearch(searchOfFilter(filter))).toEqual(filter);
    expect(searchOfFilter({}).toString()).toBe('');
  });

  it.each([
    ['year=1999', {}],
    ['year=2024.5', {}],
    ['year=abc', {}],
    ['organisationId=not-a-uuid', {}],
    ['status=bogus', {}],
    ['status=approved&extra=1', { status: 'approved' }],
  ])('drops what is not a valid filter: %s', (query, expected) => {
    expect(filterOfSearch(new URLSearchParams(query))).toEqual(expected);
  });

  it('offers the years from this one back to 2003, newest first', () => {
    const years = reportingYears(2026);
    expect(years[0]).toBe(2026);
    expect(years.at(-1)).toBe(2003);
    expect(years).toHaveLength(24);
  });
});
