import { describe, expect, it } from 'vitest';
import { regionsOfScheme } from '../../../core/regions/index.js';
import { languages, type Language } from '../../../shared/vocabulary.js';
import ar from '../../locales/ar.json';
import en from '../../locales/en.json';
import es from '../../locales/es.json';
import fr from '../../locales/fr.json';
import ru from '../../locales/ru.json';
import zh from '../../locales/zh.json';
import { groupCountry, unplacedRegion } from './country-grouping.js';

const regionNames: Record<Language, Record<string, string>> = {
  ar: ar.stats.regions,
  zh: zh.stats.regions,
  en: en.stats.regions,
  fr: fr.stats.regions,
  ru: ru.stats.regions,
  es: es.stats.regions,
};

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

  it.each(languages)('names every M49 region and subregion in %s', (language) => {
    const codes = regionsOfScheme('m49').map((region) => region.code);
    expect(codes.length).toBe(22);
    expect(codes.filter((code) => (regionNames[language][code] ?? '') === '')).toEqual([]);
    expect(Object.keys(regionNames[language]).sort()).toEqual([...codes].sort());
  });
});
