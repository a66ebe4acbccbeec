import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { GlotipCellKey, GlotipCellValue } from '../../shared/glotip-vocabulary.js';
import { readCsv, writeCsv } from '../../server/platform/tabular/index.js';
import {
  groupDataUnodcReturns,
  readDataUnodcRows,
  sdmxObservations,
  writeSdmxCsv,
  type GlotipReturnCells,
} from './index.js';

const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/glotip/${name}`, import.meta.url));

const victims = (over: Partial<GlotipCellKey>): GlotipCellKey => ({
  indicator: 'detected_victims',
  dimension: 'exploitation',
  category: 'total',
  sex: 'total',
  age: 'total',
  ...over,
});
const count = (value: number): GlotipCellValue => ({ kind: 'count', value });
const below5: GlotipCellValue = { kind: 'censored', lower: 0, upper: 4 };

// A return entered in Vigil with detailed forms: organ removal stated separately, censored cells,
// sexes and ages SDMX has no code for, and another indicator (not part of SDG 16.2.2).
const enteredReturn: GlotipReturnCells = {
  iso3: 'UKR',
  year: 2023,
  source: 'entered',
  cells: [
    { key: victims({ dimension: 'total' }), value: count(64) },
    { key: victims({ dimension: 'total', sex: 'other' }), value: below5 },
    { key: victims({ dimension: 'total', age: 'unknown' }), value: count(3) },
    { key: victims({ category: 'sexual' }), value: count(30) },
    { key: victims({ category: 'labour' }), value: count(20) },
    { key: victims({ category: 'other' }), value: count(14) },
    { key: victims({ category: 'organ_removal' }), value: count(2) },
    { key: victims({ category: 'other', sex: 'female' }), value: count(9) },
    { key: victims({ category: 'organ_removal', sex: 'female' }), value: below5 },
    { key: victims({ category: 'armed_combat' }), value: count(5) },
    { key: victims({ indicator: 'convicted', dimension: 'total' }), value: count(4) },
    { key: victims({ dimension: 'total', sex: 'male' }), value: { kind: 'not_available' } },
  ],
};
// No M49 code, so no REF_AREA: left out and reported.
const taiwanReturn: GlotipReturnCells = {
  iso3: 'TWN',
  year: 2023,
  source: 'entered',
  cells: [{ key: victims({ dimension: 'total' }), value: count(7) }],
};

async function goldenInput(): Promise<GlotipReturnCells[]> {
  const table = await readCsv(readFileSync(fixturePath('dataunodc-sample.csv')));
  const read = readDataUnodcRows([{ line: table.headerLine, cells: table.header }, ...table.rows]);
  return [...groupDataUnodcReturns(read.rows), enteredReturn, taiwanReturn];
}

describe('writeSdmxCsv', () => {
  it('matches the golden file byte for byte', async () => {
    const written = writeCsv(writeSdmxCsv(await goldenInput()));
    expect(written).toBe(readFileSync(fixturePath('sdmx-golden.csv'), 'utf8'));
  });

  it('follows each count with its rate per 100,000 where the population is known', () => {
    const written = writeSdmxCsv([enteredReturn, taiwanReturn], {
      population: (iso3, year) => (iso3 === 'UKR' && year === 2023 ? 40_000_000 : null),
    });
    const pick = (series: string, sex = '_T') =>
      written.find((row) => row[3] === series && row[5] === sex && row[6] === '_T');
    // 64 per 40 million = 0.16 per 100,000; the number row stays as it was.
    expect(pick('VC_HTF_DETV')?.slice(8, 13)).toEqual(['64', 'NUMBER', '0', 'A', 'F']);
    expect(pick('VC_HTF_DETVR')?.slice(8, 13)).toEqual(['0.16', 'PER_100000_POP', '0', 'A', 'F']);
    expect(pick('VC_HTF_DETVSXR')?.[8]).toBe('0.075');
    // A censored count gives a censored rate, never a figure.
    expect(pick('VC_HTF_DETVOGR', 'F')?.slice(8, 14)).toEqual([
      '',
      'PER_100000_POP',
      '0',
      '',
      'C',
      'censored: 0 to 4',
    ]);
    // Every number observation has its rate right after it, and nothing more.
    const series = written.slice(1).map((row) => row[3] ?? '');
    expect(series.filter((code) => code.endsWith('R'))).toHaveLength(series.length / 2);
    series.forEach((code, index) => {
      if (index % 2 === 1) expect(code).toBe(`${series[index - 1] ?? ''}R`);
    });
    // Without populations, no rate is written.
    expect(writeSdmxCsv([enteredReturn]).some((row) => row[9] === 'PER_100000_POP')).toBe(false);
  });

  it('reports the returns it cannot place', async () => {
    expect(sdmxObservations(await goldenInput()).skipped).toEqual([
      { iso3: 'TWN', year: 2023, reason: 'no_m49_code' },
    ]);
  });

  it('subtracts organ removal from other forms only as intervals, never guessing', () => {
    const observations = sdmxObservations([enteredReturn]).observations;
    const op = observations.filter((observation) => observation.series === 'VC_HTF_DETVOP');
    expect(op.map(({ sex, value }) => [sex, value])).toEqual([
      ['_T', { kind: 'count', value: 12 }],
      ['F', { kind: 'censored', lower: 5, upper: 9 }],
    ]);
    const og = observations.filter((observation) => observation.series === 'VC_HTF_DETVOG');
    expect(og.map(({ sex, value }) => [sex, value])).toEqual([
      ['_T', { kind: 'count', value: 2 }],
      ['F', below5],
    ]);
  });

  it('writes no OP when organ removal exceeds other forms', () => {
    const broken: GlotipReturnCells = {
      ...enteredReturn,
      cells: [
        { key: victims({ category: 'other' }), value: count(1) },
        { key: victims({ category: 'organ_removal' }), value: count(2) },
      ],
    };
    const series = sdmxObservations([broken]).observations.map((observation) => observation.series);
    expect(series).toEqual(['VC_HTF_DETVOG']);
  });

  it('takes the dataflow and reporting type as options', () => {
    const [, first] = writeSdmxCsv([enteredReturn], {
      dataflow: 'IAEG-SDGs:DF_SDG_GLH(1.22)',
      reportingType: 'G',
    });
    expect(first?.slice(0, 3)).toEqual(['IAEG-SDGs:DF_SDG_GLH(1.22)', 'A', 'G']);
  });
});
