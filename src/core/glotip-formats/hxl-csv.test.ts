import { describe, expect, it } from 'vitest';
import type { GlotipCellKey, GlotipCellValue } from '../../shared/glotip-vocabulary.js';
import { hxlHeaderRows, writeHxlCsv, type GlotipReturnCells } from './index.js';

const victims = (over: Partial<GlotipCellKey>): GlotipCellKey => ({
  indicator: 'detected_victims',
  dimension: 'total',
  category: 'total',
  sex: 'total',
  age: 'total',
  ...over,
});
const count = (value: number): GlotipCellValue => ({ kind: 'count', value });
const below5: GlotipCellValue = { kind: 'censored', lower: 0, upper: 4 };

const nigeria: GlotipReturnCells = {
  iso3: 'NGA',
  year: 2019,
  source: 'GLOTIP',
  cells: [
    { key: victims({}), value: count(20) },
    { key: victims({ sex: 'female', age: 'adult' }), value: count(9) },
    { key: victims({ sex: 'female', age: 'minor' }), value: below5 },
    { key: victims({ sex: 'male', age: 'minor' }), value: count(6) },
    { key: victims({ dimension: 'citizenship', category: 'ROU' }), value: count(3) },
    { key: victims({ dimension: 'citizenship', category: 'nationals' }), value: count(17) },
    { key: victims({ dimension: 'exploitation', category: 'labour' }), value: count(8) },
    { key: victims({ indicator: 'convicted' }), value: count(2) },
  ],
};

const column = (rows: string[][], tag: string, row: number) =>
  rows[row]?.[hxlHeaderRows[1]?.indexOf(tag) ?? -1];

describe('writeHxlCsv', () => {
  const rows = writeHxlCsv([nigeria]);

  it('starts with the column names and the HXL hashtag row of REFERENCE 6', () => {
    expect(rows[0]).toEqual([...(hxlHeaderRows[0] ?? [])]);
    expect(rows[1]).toEqual([...(hxlHeaderRows[1] ?? [])]);
    for (const tag of [
      '#country+code',
      '#region+code+m49',
      '#date+year',
      '#indicator+code',
      '#affected+total',
      '#affected+f+adults',
      '#affected+m+children',
      '#country+origin+code',
      '#meta+suppressed',
      '#meta+source',
      '#sector+cluster',
    ]) {
      expect(rows[1]).toContain(tag);
    }
    expect(rows[1]?.every((tag) => /^#[a-z]+(\+[a-z0-9_]+)*$/.test(tag))).toBe(true);
  });

  it('writes one row per breakdown category of detected victims only', () => {
    expect(rows).toHaveLength(2 + 4);
    expect(rows.slice(2).every((row) => row[7] === 'detected_victims')).toBe(true);
  });

  it('lines up sex × age figures and names suppressed columns instead of guessing', () => {
    expect(column(rows, '#country+code', 2)).toBe('NGA');
    expect(column(rows, '#region+code+m49', 2)).toBe('002');
    expect(column(rows, '#affected+total', 2)).toBe('20');
    expect(column(rows, '#affected+f+adults', 2)).toBe('9');
    expect(column(rows, '#affected+f+children', 2)).toBe('');
    expect(column(rows, '#affected+m+children', 2)).toBe('6');
    expect(column(rows, '#meta+suppressed', 2)).toBe('Girls');
    expect(column(rows, '#sector+cluster', 2)).toBe('Protection');
  });

  it('puts citizenship countries in the origin code column and keeps the category words', () => {
    expect(column(rows, '#country+origin+code', 3)).toBe('ROU');
    expect(column(rows, '#meta+category', 3)).toBe('Romania');
    expect(column(rows, '#country+origin+code', 4)).toBe('');
    expect(column(rows, '#meta+category', 4)).toBe('Nationals');
    expect(column(rows, '#indicator+type', 5)).toBe('Forced labour');
  });

  it('writes only numbers under #affected', () => {
    const affected = (hxlHeaderRows[1] ?? []).flatMap((tag, index) =>
      tag.startsWith('#affected') ? [index] : [],
    );
    for (const row of rows.slice(2)) {
      for (const index of affected) expect(row[index] ?? '').toMatch(/^(\d+)?$/);
    }
  });
});
