import { describe, expect, it } from 'vitest';
import { languages } from '../../shared/vocabulary.js';
import { regionDisplayName, regionNameOf, regionSchemeIds, regionsOfScheme } from './index.js';

const regionOf = (scheme: 'm49' | 'glotip_2018', code: string) => {
  const region = regionsOfScheme(scheme).find((candidate) => candidate.code === code);
  if (region === undefined) throw new Error(`no region ${code} in ${scheme}`);
  return region;
};

// Arabic, Chinese and Russian names written in their own scripts: none of them may fall back
// to the English name.
const ownScript: Readonly<Record<'ar' | 'zh' | 'ru', RegExp>> = {
  ar: /^[\u0600-\u06FF\s]+$/,
  zh: /^[\u4E00-\u9FFF、\s]+$/,
  ru: /^[\u0400-\u04FF\s,-]+$/,
};

describe('region names', () => {
  it('keeps M49’s own English names, the ones dataUNODC uses', () => {
    expect(regionDisplayName('m49', regionOf('m49', '202'), 'en')).toBe('Sub-Saharan Africa');
    expect(regionDisplayName('m49', regionOf('m49', '419'), 'en')).toBe(
      'Latin America and the Caribbean',
    );
  });

  it.each([
    ['m49', '202', 'fr', 'Afrique subsaharienne'],
    ['m49', '002', 'ar', 'أفريقيا'],
    ['m49', '150', 'zh', '欧洲'],
    ['m49', '145', 'ru', 'Западная Азия'],
    ['glotip_2018', 'north_africa_middle_east', 'es', 'Norte de África y Oriente Medio'],
    ['glotip_2018', 'sub_saharan_africa', 'ru', 'Африка к югу от Сахары'],
  ] as const)('%s %s in %s is %s', (scheme, code, language, name) => {
    expect(regionDisplayName(scheme, regionOf(scheme, code), language)).toBe(name);
  });

  it.each(regionSchemeIds)('names every %s region in every language', (scheme) => {
    for (const region of regionsOfScheme(scheme)) {
      for (const language of languages) {
        const name = regionDisplayName(scheme, region, language);
        expect(name.trim(), `${region.code} in ${language}`).not.toBe('');
        if (language === 'ar' || language === 'zh' || language === 'ru') {
          expect(name, `${region.code} in ${language}`).toMatch(ownScript[language]);
        }
      }
    }
  });

  it.each(['fr', 'es'] as const)('translates the %s names, not only copies them', (language) => {
    for (const scheme of regionSchemeIds) {
      const regions = regionsOfScheme(scheme);
      const translated = regions.filter(
        (region) => regionDisplayName(scheme, region, language) !== region.name,
      );
      // A few names are the same word in both languages (Melanesia in Spanish).
      expect(translated.length, scheme).toBeGreaterThan(regions.length * 0.8);
    }
  });

  it('finds a region by its code, and nothing for a code the scheme lacks', () => {
    expect(regionNameOf('m49', '419', 'es')).toBe('América Latina y el Caribe');
    expect(regionNameOf('glotip_2018', 'south_asia', 'zh')).toBe('南亚');
    expect(regionNameOf('m49', 'south_asia', 'en')).toBeNull();
    expect(regionNameOf('glotip_2018', '034', 'fr')).toBeNull();
  });
});
