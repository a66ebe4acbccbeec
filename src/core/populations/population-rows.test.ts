import { describe, expect, it } from 'vitest';
import { readPopulationRows, resolvePopulationCountry } from './population-rows.js';

const header = ['country', 'year', 'population', 'source'];
const row = (line: number, ...cells: string[]) => ({ line, cells });

describe('resolvePopulationCountry', () => {
  it.each([
    ['NGA', 'NGA'],
    [' nga ', 'NGA'],
    ['Nigeria', 'NGA'],
    ['Nigéria', 'NGA'],
    ['Allemagne', 'DEU'],
    ['Türkiye', 'TUR'],
    ['Bolivia (Plurinational State of)', 'BOL'],
    ['XYZ', null],
    ['YUG', null],
    ['Atlantis', null],
    ['', null],
  ])('%s is %s', (text, iso3) => {
    expect(resolvePopulationCountry(text)).toBe(iso3);
  });
});

describe('readPopulationRows', () => {
  it('reads good rows in any column order and case, source optional', () => {
    const result = readPopulationRows(
      ['Population', 'COUNTRY', 'Year'],
      [row(2, '223,800,000', 'Nigeria', '2022'), row(3, '84400000', 'DEU', '2022')],
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 2, country: 'NGA', year: 2022, population: 223_800_000, source: null },
        { line: 3, country: 'DEU', year: 2022, population: 84_400_000, source: null },
      ],
      rejections: [],
    });
  });

  it.each([
    [
      'an unknown country',
      ['Atlantis', '2022', '100', ''],
      'country',
      'Atlantis',
      'unknown_country',
    ],
    ['a year that is not one', ['NGA', '22', '100', ''], 'year', '22', 'invalid_year'],
    ['a year out of range', ['NGA', '1850', '100', ''], 'year', '1850', 'invalid_year'],
    ['a zero population', ['NGA', '2022', '0', ''], 'population', '0', 'invalid_population'],
    ['a negative population', ['NGA', '2022', '-5', ''], 'population', '-5', 'invalid_population'],
    ['a fraction', ['NGA', '2022', '12.5', ''], 'population', '12.5', 'invalid_population'],
    [
      'badly grouped digits',
      ['NGA', '2022', '12,34', ''],
      'population',
      '12,34',
      'invalid_population',
    ],
    [
      'too large a population',
      ['NGA', '2022', '3000000000', ''],
      'population',
      '3000000000',
      'invalid_population',
    ],
    ['an empty population', ['NGA', '2022', '', ''], 'population', '', 'invalid_population'],
    [
      'too long a source',
      ['NGA', '2022', '100', 'x'.repeat(201)],
      'source',
      'x'.repeat(201),
      'source_too_long',
    ],
  ])('rejects %s with its line, column, value and reason', (_why, cells, column, value, reason) => {
    const result = readPopulationRows(header, [row(7, ...cells)]);
    expect(result).toEqual({
      ok: true,
      rows: [],
      rejections: [{ line: 7, column, value, reason }],
    });
  });

  it('refuses a second row for the same country-year, keeping the first', () => {
    const result = readPopulationRows(header, [
      row(2, 'NGA', '2022', '100', 'a'),
      row(3, 'Nigeria', '2022', '200', 'b'),
    ]);
    expect(result.ok && result.rows.map((r) => r.population)).toEqual([100]);
    expect(result.ok && result.rejections).toEqual([
      { line: 3, column: 'year', value: '2022', reason: 'duplicate_row' },
    ]);
  });

  it('refuses a header that lacks, repeats or adds columns', () => {
    expect(readPopulationRows(['country', 'year', 'pop'], [])).toEqual({
      ok: false,
      problems: [
        { column: 'pop', issue: 'unknown_column' },
        { column: 'population', issue: 'missing_column' },
      ],
    });
    expect(readPopulationRows(['country', 'year', 'population', 'Year'], [])).toEqual({
      ok: false,
      problems: [{ column: 'year', issue: 'repeated_column' }],
    });
  });
});
