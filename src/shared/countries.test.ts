import { describe, expect, it } from 'vitest';
import { recordedCountryCodeSchema } from './common-schemas.js';
import { alpha2ToAlpha3, alpha3ToAlpha2, isFormerIsoAlpha3, isIsoAlpha3 } from './countries.js';

describe('ISO 3166 conversion', () => {
  it.each([
    ['UA', 'UKR'],
    ['CD', 'COD'],
    ['XK', 'XKK'],
    ['AN', 'ANT'],
    ['ZR', 'ZAR'],
    ['YU', 'YUG'],
    ['CS', 'SCG'],
  ])('%s ↔ %s', (alpha2, alpha3) => {
    expect(alpha2ToAlpha3(alpha2)).toBe(alpha3);
    expect(alpha3ToAlpha2(alpha3)).toBe(alpha2);
  });

  it.each(['ZZ', 'ua', 'QQ', ''])('knows no alpha-3 for %j', (code) => {
    expect(alpha2ToAlpha3(code)).toBeNull();
  });

  it('keeps former codes apart from assigned ones', () => {
    expect(isIsoAlpha3('YUG')).toBe(false);
    expect(isFormerIsoAlpha3('YUG')).toBe(true);
    expect(isFormerIsoAlpha3('SRB')).toBe(false);
  });

  it('lets case facts, and only them, record a former code', () => {
    expect(recordedCountryCodeSchema.safeParse('ANT').success).toBe(true);
    expect(recordedCountryCodeSchema.safeParse('UKR').success).toBe(true);
    expect(recordedCountryCodeSchema.safeParse('XYZ').success).toBe(false);
  });
});
