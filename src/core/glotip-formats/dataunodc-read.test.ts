import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsv, readXlsx, type TabularRow } from '../../server/platform/tabular/index.js';
import { readDataUnodcRows, readValue, type DataUnodcReadResult } from './index.js';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../test/fixtures/glotip/${name}`, import.meta.url)));

// The tabular reader takes a CSV's first row as its header; the dataUNODC reader wants every
// row, preamble included.
async function csvRows(): Promise<TabularRow[]> {
  const table = await readCsv(fixture('dataunodc-sample.csv'));
  return [{ line: table.headerLine, cells: table.header }, ...table.rows];
}
async function xlsxRows(): Promise<readonly TabularRow[]> {
  return (await readXlsx(fixture('dataunodc-sample.xlsx'), { sheet: 'data_glotip_1' })).rows;
}

describe.each([
  ['CSV', csvRows],
  ['XLSX', xlsxRows],
])('reading the hand-made dataUNODC sample (%s)', (_format, load) => {
  let result: DataUnodcReadResult | undefined;
  const read = async () => (result ??= readDataUnodcRows(await load()));

  it('finds the header under the two preamble rows', async () => {
    expect((await read()).headerLine).toBe(3);
  });

  it('counts every row once, by outcome and reason', async () => {
    expect((await read()).outcomes).toEqual({
      imported: 17,
      normalised: 7,
      rejected: 6,
      'rejected.questionnaire_id_category': 2,
      'rejected.duplicate_cell': 2,
      'rejected.unknown_country_text': 1,
      'rejected.implausible_value': 1,
    });
  });

  it('says which line, column and text each refusal is about', async () => {
    expect((await read()).rejections).toEqual([
      { line: 16, column: 'Category', value: 'Q6.1_10s_2019', reason: 'questionnaire_id_category' },
      { line: 17, column: 'Category', value: 'Q6.1_10s_2019', reason: 'questionnaire_id_category' },
      { line: 28, column: 'Category', value: 'Нигерия', reason: 'duplicate_cell' },
      { line: 29, column: 'Category', value: 'Narnians', reason: 'unknown_country_text' },
      { line: 30, column: 'txtVALUE', value: '61,102,019', reason: 'implausible_value' },
      { line: 33, column: 'Category', value: 'Total', reason: 'duplicate_cell' },
    ]);
  });

  it('reads thousands separators, <5 and free text, keeping the raw strings', async () => {
    const byLine = new Map((await read()).rows.map((row) => [row.line, row]));
    expect(byLine.get(4)).toMatchObject({
      iso3: 'NGA',
      year: 2019,
      key: {
        indicator: 'detected_victims',
        dimension: 'total',
        category: 'total',
        sex: 'total',
        age: 'total',
      },
      value: { kind: 'count', value: 1173 },
      rawValue: '1,173',
      source: 'GLOTIP',
      flags: ['value_normalised'],
    });
    expect(byLine.get(14)).toMatchObject({
      key: { dimension: 'citizenship', category: 'NGA' },
      rawCategory: 'Nigerians',
      value: { kind: 'count', value: 1160 },
      flags: ['category_normalised', 'value_normalised'],
    });
    expect(byLine.get(15)).toMatchObject({
      key: { category: 'unknown' },
      value: { kind: 'censored', lower: 0, upper: 4 },
      rawValue: '<5',
      flags: [],
    });
    expect(byLine.get(18)).toMatchObject({ iso3: 'ROU', flags: ['whitespace_trimmed'] });
    expect(byLine.get(19)).toMatchObject({ key: { category: 'ROU' }, rawCategory: 'Rumania' });
    expect(byLine.get(20)).toMatchObject({
      key: { category: 'nationals', sex: 'female' },
      rawCategory: 'Ciudadanos de su país ',
      flags: ['category_normalised', 'whitespace_trimmed'],
    });
    expect(byLine.get(21)).toMatchObject({
      key: { dimension: 'repatriation', category: 'abroad' },
    });
    expect(byLine.get(26)).toMatchObject({ key: { category: 'MAR' }, rawCategory: 'Marocains' });
    expect(byLine.get(27)).toMatchObject({ key: { category: 'NGA' }, rawCategory: '尼日利亚人' });
  });

  it('flags the Other-forms total below its age breakdown, and fixes nothing', async () => {
    const { inconsistencies, rows } = await read();
    expect(inconsistencies).toHaveLength(1);
    expect(inconsistencies[0]).toMatchObject({
      iso3: 'NGA',
      year: 2019,
      breakdown: 'age',
      problem: 'parts_exceed_whole',
      whole: { dimension: 'exploitation', category: 'other', sex: 'total', age: 'total' },
      lines: [11, 12, 13],
    });
    expect(rows.find((row) => row.line === 11)?.value).toEqual({ kind: 'count', value: 10 });
  });
});

describe('readDataUnodcRows on damaged input', () => {
  const header = [
    'Iso3_code',
    'Country',
    'Region',
    'Subregion',
    'Indicator',
    'Dimension',
    'Category',
    'Sex',
    'Age',
    'Year',
    'Unit of measurement',
    'txtVALUE',
    'Source',
  ];
  const row = (line: number, changes: Record<number, string>) => ({
    line,
    cells: [
      'NGA',
      'Nigeria',
      'Africa',
      'Sub-Saharan Africa',
      'Detected trafficking victims',
      'Total',
      'Total',
      'Total',
      'Total',
      '2019',
      'Counts',
      '12',
      'GLOTIP',
    ].map((cell, index) => changes[index] ?? cell),
  });

  it('refuses every row of a file without the header', () => {
    const result = readDataUnodcRows([row(1, {}), row(2, {})]);
    expect(result.headerLine).toBeNull();
    expect(result.outcomes).toEqual({
      imported: 0,
      normalised: 0,
      rejected: 2,
      'rejected.no_header': 2,
    });
  });

  it.each([
    [{ 0: 'XYZ' }, 'Iso3_code', 'unknown_country'],
    [{ 9: '19' }, 'Year', 'invalid_year'],
    [{ 4: 'Victims' }, 'Indicator', 'unknown_indicator'],
    [{ 5: 'by age' }, 'Dimension', 'unknown_dimension'],
    [{ 6: 'Female' }, 'Category', 'unknown_category'],
    [{ 7: 'Femenino' }, 'Sex', 'unknown_sex'],
    [{ 8: 'Adults' }, 'Age', 'unknown_age'],
    [{ 10: 'Percent' }, 'Unit of measurement', 'unknown_unit'],
    [{ 11: '' }, 'txtVALUE', 'missing_value'],
    [{ 11: '12.5' }, 'txtVALUE', 'invalid_value'],
    [{ 11: '1.173' }, 'txtVALUE', 'invalid_value'],
  ])('refuses %j in %s as %s', (changes, column, reason) => {
    const result = readDataUnodcRows([{ line: 1, cells: header }, row(2, changes)]);
    expect(result.rejections).toEqual([
      { line: 2, column, value: row(2, changes).cells[header.indexOf(column)], reason },
    ]);
  });

  it('reads header names in any case, with stray spaces, in any column order', () => {
    const shuffled = [...header].reverse().map((name) => ` ${name.toUpperCase()} `);
    const cells = [...row(2, {}).cells].reverse();
    const result = readDataUnodcRows([
      { line: 1, cells: shuffled },
      { line: 2, cells },
    ]);
    expect(result.outcomes).toEqual({ imported: 1, normalised: 0, rejected: 0 });
  });
});

describe('readValue', () => {
  it.each([
    ['12', { kind: 'count', value: 12 }, true],
    ['0', { kind: 'count', value: 0 }, true],
    ['1,173', { kind: 'count', value: 1173 }, false],
    ['12.0', { kind: 'count', value: 12 }, false],
    ['<5', { kind: 'censored', lower: 0, upper: 4 }, true],
    ['< 5', { kind: 'censored', lower: 0, upper: 4 }, false],
    ['<10', { kind: 'censored', lower: 0, upper: 9 }, true],
    ['5-9', { kind: 'censored', lower: 5, upper: 9 }, true],
    ['vigil:not_available', { kind: 'not_available' }, true],
  ])('reads %j', (text, value, canonical) => {
    expect(readValue(text)).toEqual({ ok: true, value, canonical });
  });

  it.each([
    ['61,102,019', 'implausible_value'],
    ['1000001', 'implausible_value'],
    ['<0', 'invalid_value'],
    ['9-5', 'invalid_value'],
    ['-3', 'invalid_value'],
    ['n/a', 'invalid_value'],
  ])('refuses %j', (text, problem) => {
    expect(readValue(text)).toEqual({ ok: false, problem });
  });
});
