import codes from 'i18n-iso-countries/codes.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { formerCountryCodes } from '../../shared/countries.js';
import { categoryLabel, readCategory } from './dataunodc-labels.js';
import { countryAliasTableSize, countryNameIndexSize, normaliseCountryText } from './index.js';

describe('normaliseCountryText', () => {
  it.each([
    // dataUNODC's own quirks (REFERENCE 3.2).
    ['Nigerians', 'NGA'],
    ['Rumania', 'ROU'],
    // Names in the six UN languages, any case, accents or spacing.
    ['Nigeria', 'NGA'],
    ['  NIGÉRIA ', 'NGA'],
    ['Roumanie', 'ROU'],
    ['Румыния', 'ROU'],
    ['罗马尼亚', 'ROU'],
    ['رومانيا', 'ROU'],
    ['Côte d’Ivoire', 'CIV'],
    ['cote d ivoire', 'CIV'],
    // M49 names, which Vigil's exports write.
    ['Bolivia (Plurinational State of)', 'BOL'],
    ['Türkiye', 'TUR'],
    ['Congo', 'COG'],
    // Demonyms with plural and feminine forms.
    ['Nigérians', 'NGA'],
    ['nigerianas', 'NGA'],
    ['Ivoiriennes', 'CIV'],
    ['españoles', 'ESP'],
    ['Marocains', 'MAR'],
    ['Filipinos', 'PHL'],
    ['South Koreans', 'KOR'],
    ['Nigeriens', 'NER'],
    ['尼日利亚人', 'NGA'],
    // Codes.
    ['NGA', 'NGA'],
    ['YUG', 'YUG'],
  ])('reads %j as %s', (text, iso3) => {
    expect(normaliseCountryText(text)).toEqual({ kind: 'country', iso3 });
  });

  it.each([
    ['Nationals', 'nationals'],
    ['Ciudadanos de su país', 'nationals'],
    ['ciudadanos de su pais', 'nationals'],
    ['Ressortissants nationaux', 'nationals'],
    ['Abroad', 'abroad'],
    ['À l’étranger', 'abroad'],
    ['Unknown', 'unknown'],
    ['Desconocido', 'unknown'],
    ['غير معروف', 'unknown'],
  ])('reads %j as the special category %s', (text, special) => {
    expect(normaliseCountryText(text)).toEqual({ kind: 'special', special });
  });

  it.each(['Q6.1_10s_2019', 'q6.1_10s_2019 ', 'Q12_3_2020'])(
    'recognises the questionnaire id %j',
    (text) => {
      expect(normaliseCountryText(text)).toEqual({ kind: 'questionnaire_id' });
    },
  );

  it.each(['Narnians', 'Congolese', 'Dominican', 'Korean', '', 'nga', '61,102,019'])(
    'does not guess %j',
    (text) => {
      expect(normaliseCountryText(text)).toEqual({ kind: 'unknown_text' });
    },
  );

  it('holds a reviewed alias table of several hundred entries beside 1,000+ names', () => {
    expect(countryAliasTableSize).toBeGreaterThan(500);
    expect(countryNameIndexSize).toBeGreaterThan(1000);
  });

  it('writes every ISO country (and former code) as a category that reads back as itself', () => {
    const all = [...codes.map((row) => row[1] ?? ''), ...Object.values(formerCountryCodes)];
    const unreadable = all.filter((iso3) => {
      const read = readCategory('citizenship', categoryLabel('citizenship', iso3));
      return !(read.ok && read.category === iso3);
    });
    expect(unreadable).toEqual([]);
  });
});
