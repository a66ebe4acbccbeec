import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { glotipDataSet } from '../glotip/data-set-definition.js';
import {
  cellKeyString,
  citizenshipSpecials,
  conflictLinkCategories,
  exploitationDetails,
  exploitationGroups,
  type GlotipCellKey,
  type GlotipCellValue,
  type GlotipDimension,
} from '../../shared/glotip-vocabulary.js';
import { readCsv, readXlsx, writeCsv, writeXlsx } from '../../server/platform/tabular/index.js';
import {
  categoryLabel,
  dataUnodcColumns,
  groupDataUnodcReturns,
  readDataUnodcRows,
  writeDataUnodcRows,
  type DataUnodcRow,
  type GlotipReturnCells,
} from './index.js';

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`../../../test/fixtures/glotip/${name}`, import.meta.url)));

const asRows = (lines: readonly (readonly string[])[]) =>
  lines.map((cells, index) => ({ line: index + 1, cells }));

// What must survive a round trip: whose figure, which cell, its value, the raw category text.
const essence = (rows: readonly DataUnodcRow[]) =>
  rows
    .map((row) =>
      [
        row.iso3,
        row.year,
        row.source,
        cellKeyString(row.key),
        JSON.stringify(row.value),
        row.rawCategory,
      ].join('¦'),
    )
    .sort();

describe('dataUNODC export then import', () => {
  it('writes the 13 dataUNODC columns', () => {
    expect(writeDataUnodcRows([])).toEqual([[...dataUnodcColumns]]);
    expect(dataUnodcColumns).toHaveLength(13);
  });

  it('is lossless for the sample, through CSV and XLSX files', async () => {
    const table = await readCsv(fixture('dataunodc-sample.csv'));
    const first = readDataUnodcRows([
      { line: table.headerLine, cells: table.header },
      ...table.rows,
    ]);
    const written = writeDataUnodcRows(groupDataUnodcReturns(first.rows));

    const csv = await readCsv(writeCsv(written));
    const fromCsv = readDataUnodcRows([{ line: csv.headerLine, cells: csv.header }, ...csv.rows]);
    const xlsx = await readXlsx(
      await writeXlsx({
        sheetName: 'data_glotip_1',
        headerRows: [['UNODC'], ['14/04/2025'], written[0] ?? []],
        rows: written.slice(1),
      }),
    );
    const fromXlsx = readDataUnodcRows(xlsx.rows);

    for (const again of [fromCsv, fromXlsx]) {
      expect(again.rejections).toEqual([]);
      expect(essence(again.rows)).toEqual(essence(first.rows));
      // The same inconsistency travels with the data: nothing was "fixed" on the way.
      expect(again.inconsistencies).toHaveLength(first.inconsistencies.length);
    }
  });

  it('writes M49 names and dataUNODC words', () => {
    const [, line] = writeDataUnodcRows([
      {
        iso3: 'BOL',
        year: 2021,
        source: 'GLOTIP',
        cells: [
          {
            key: {
              indicator: 'convicted',
              dimension: 'citizenship',
              category: 'PER',
              sex: 'male',
              age: 'adult',
            },
            value: { kind: 'censored', lower: 0, upper: 4 },
          },
        ],
      },
    ]);
    expect(line).toEqual([
      'BOL',
      'Bolivia (Plurinational State of)',
      'Americas',
      'Latin America and the Caribbean',
      'Persons convicted',
      'by citizenship',
      'Peru',
      'Male',
      '18 years or over',
      '2021',
      'Counts',
      '<5',
      'GLOTIP',
    ]);
  });

  it('keeps raw category text only when it still reads as the same category', () => {
    const key: GlotipCellKey = {
      indicator: 'detected_victims',
      dimension: 'citizenship',
      category: 'NGA',
      sex: 'total',
      age: 'total',
    };
    const written = writeDataUnodcRows([
      {
        iso3: 'ESP',
        year: 2018,
        source: 'GLOTIP',
        cells: [
          { key, value: { kind: 'count', value: 3 }, rawCategory: 'Nigerians' },
          {
            key: { ...key, sex: 'female' },
            value: { kind: 'count', value: 2 },
            rawCategory: 'Narnians',
          },
        ],
      },
    ]);
    expect(written.slice(1).map((line) => line[6])).toEqual(['Nigerians', 'Nigeria']);
  });
});

// Generated returns: every indicator, dimension, category kind and value kind, unique cells.
const iso3s = ['NGA', 'ROU', 'ESP', 'BOL', 'CIV', 'COG', 'COD', 'TWN', 'PSE', 'YUG', 'USA', 'GBR'];
const categoriesOf = (dimension: GlotipDimension): string[] => {
  switch (dimension) {
    case 'total':
      return ['total'];
    case 'exploitation':
      return [...exploitationGroups, ...Object.keys(exploitationDetails)];
    case 'citizenship':
    case 'repatriation':
      return [...iso3s, ...citizenshipSpecials];
    case 'conflict':
      return [...conflictLinkCategories];
  }
};
const generatedDimensions: readonly GlotipDimension[] = [
  'total',
  'exploitation',
  'citizenship',
  'repatriation',
  'conflict',
];
// Keys the data set collects: anything else is refused on reading (`not_collected`).
const keyArbitrary: fc.Arbitrary<GlotipCellKey> = fc
  .constantFrom(...glotipDataSet.indicators)
  .chain((definition) =>
    fc.record({
      indicator: fc.constant(definition.indicator),
      dimension: fc.constantFrom(
        ...definition.dimensions.filter((dimension): dimension is GlotipDimension =>
          generatedDimensions.includes(dimension),
        ),
      ),
      sex: fc.constantFrom(...definition.sexes),
      age: fc.constantFrom(...definition.ages),
      pick: fc.nat(),
    }),
  )
  .map(({ pick, ...key }) => {
    const categories = categoriesOf(key.dimension);
    return { ...key, category: categories[pick % categories.length] ?? 'total' };
  });
const valueArbitrary: fc.Arbitrary<GlotipCellValue> = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }).map((value) => ({ kind: 'count' as const, value })),
  fc.constant({ kind: 'censored' as const, lower: 0, upper: 4 }),
  fc
    .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }))
    .map(([lower, width]) => ({ kind: 'censored' as const, lower, upper: lower + width })),
  fc.constant({ kind: 'not_available' as const }),
  fc.constant({ kind: 'not_applicable' as const }),
);
// Raw text: none, a variant of the canonical label, a known alias, or garbage (not kept).
const rawArbitrary = (key: GlotipCellKey) =>
  fc.option(
    fc.oneof(
      fc.constant(categoryLabel(key.dimension, key.category)),
      fc.constant(` ${categoryLabel(key.dimension, key.category).toUpperCase()} `),
      fc.constant(
        key.category === 'NGA' ? 'Nigerians' : key.category === 'ROU' ? 'Rumania' : 'Total',
      ),
      fc.string(),
    ),
  );
const returnsArbitrary: fc.Arbitrary<GlotipReturnCells[]> = fc.uniqueArray(
  fc.record({
    iso3: fc.constantFrom(...iso3s),
    year: fc.integer({ min: 1990, max: 2100 }),
    source: fc.string({ maxLength: 12 }).map((source) => source.trim()),
    cells: fc.uniqueArray(
      keyArbitrary.chain((key) =>
        fc.record({ key: fc.constant(key), value: valueArbitrary, rawCategory: rawArbitrary(key) }),
      ),
      { selector: (cell) => cellKeyString(cell.key), maxLength: 12 },
    ),
  }),
  { selector: (entry) => `${entry.iso3}|${entry.year}`, maxLength: 5 },
);

describe('dataUNODC round trip over generated returns', () => {
  it('reads back every figure written, with the raw text the writer kept', () => {
    fc.assert(
      fc.property(returnsArbitrary, (returns) => {
        const written = writeDataUnodcRows(returns);
        const read = readDataUnodcRows(asRows(written));
        expect(read.rejections).toEqual([]);
        // The writer emits one line per cell, in order: its Category is the raw text to expect
        // back, which is the cell's own raw text whenever that reads as the same category.
        const categories = written.slice(1).map((line) => line[6] ?? '');
        const cells = returns.flatMap((entry) => entry.cells.map((cell) => ({ entry, cell })));
        const expected = cells
          .map(({ entry, cell }, index) => {
            const category = categories[index] ?? '';
            const raw = cell.rawCategory ?? null;
            if (raw !== null && raw !== category) {
              expect(category).toBe(categoryLabel(cell.key.dimension, cell.key.category));
            }
            return [
              entry.iso3,
              entry.year,
              entry.source,
              cellKeyString(cell.key),
              JSON.stringify(cell.value),
              category,
            ].join('¦');
          })
          .sort();
        expect(essence(read.rows)).toEqual(expected);
        // Written twice, the file is the same: what the reader keeps is what the writer wrote.
        expect(writeDataUnodcRows(groupDataUnodcReturns(read.rows))).toEqual(written);
      }),
      { numRuns: 200 },
    );
  });
});
