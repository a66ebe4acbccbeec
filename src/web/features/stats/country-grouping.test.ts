import { describe, expect, it } from 'vitest';
import { groupCountry, unplacedRegion } from './country-grouping.js';

describe('countries grouped into UN M49 regions', () => {
  it.each([
    ['NGA', 'country', 'NGA'],
    ['NGA', 'subregion', '202'],
    ['NGA', 'region', '002'],
    ['UKR', 'subregion', '151'],
    ['UKR', 'region', '150'],
    ['ATA', 'region', unplacedRegion],
    ['XXX', 'subregion', unplacedRegion],
  ] as const)('%s by %s is %s', (code, grouping, expected) => {
    expect(groupCountry(code, grouping)).toBe(expected);
  });

  it('keeps "not recorded" as it is', () => {
    expect(groupCountry(null, 'region')).toBeNull();
  });
});
