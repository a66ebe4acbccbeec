import { describe, expect, it } from 'vitest';
import type { GlotipCellKey } from '../../../shared/glotip-vocabulary.js';
import type { StoredCell, StoredReturn } from '../returns/index.js';
import { exposedSuppressedCells } from '../../../core/disclosure/index.js';
import { isHidden, returnStatTable } from '../../../core/publication/index.js';
import { cellKeyString } from '../../../shared/glotip-vocabulary.js';
import { createPublishedReturns } from './published-returns.js';

const total: GlotipCellKey = {
  indicator: 'detected_victims',
  dimension: 'total',
  category: 'total',
  sex: 'total',
  age: 'total',
};

function stored(id: string, country: string): StoredReturn {
  return {
    id,
    dataSetCode: 'glotip',
    dataSetVersion: 1,
    organisationId: `org-${id}`,
    organisationName: `Rapporteur ${country}`,
    organisationType: 'member_state',
    country,
    organisationPath: [`org-${id}`],
    year: 2022,
    status: 'published',
    version: 1,
    source: 'entered',
    sourceNote: null,
    synthetic: false,
    dueDate: '2023-03-31',
    firstSubmittedAt: '2023-02-01T00:00:00.000Z',
    acceptedBy: null,
    cellCount: 1,
    createdAt: '2023-01-01T00:00:00.000Z',
    updatedAt: '2023-04-01T00:00:00.000Z',
  };
}

function cell(value: number | 'not_applicable', key: GlotipCellKey = total): StoredCell {
  return {
    key,
    value: value === 'not_applicable' ? { kind: 'not_applicable' } : { kind: 'count', value },
    derivedValue: null,
    recordCount: null,
    overrideReason: null,
    rawText: null,
  };
}

const women = (age: GlotipCellKey['age']): GlotipCellKey => ({ ...total, sex: 'female', age });
const brokenCells = [
  cell(3),
  cell(3, women('total')),
  cell('not_applicable', women('minor')),
  cell('not_applicable', women('adult')),
  cell('not_applicable', women('unknown')),
];

describe('published returns', () => {
  it('withholds a return disclosure control cannot protect, and still serves the others', async () => {
    const rows = [
      { ret: stored('good', 'NGA'), cells: [cell(40)] },
      // Three women, yet every age of women "not applicable": the relations pin the hidden 3
      // to 0 through cells that cannot be hidden, so suppression refuses the table.
      { ret: stored('broken', 'GHA'), cells: brokenCells },
    ];
    const published = createPublishedReturns(
      {
        listReturnsForExport: () => Promise.resolve(rows),
        earlierPublished: () => Promise.resolve(undefined),
      },
      () => new Date('2024-01-01T00:00:00Z'),
    );
    const list = await published.list();
    expect(list.map((ret) => ret.country)).toEqual(['NGA']);
    expect(published.withheld()).toEqual(['broken']);
    // A corrected version replaces it and is protected and served.
    rows[1] = { ret: { ...stored('broken', 'GHA'), version: 2 }, cells: [cell(3)] };
    published.forget();
    expect((await published.list()).map((ret) => ret.country)).toEqual(['NGA', 'GHA']);
    expect(published.withheld()).toEqual([]);
  });

  it('keeps hidden what the previous version hid, and hides nothing it showed unchanged', async () => {
    // Sex × age grid, minor and adult only: female 3 / 10, male 6 / 20, unknown 7 / 30.
    const grid = (maleAdult: number): StoredCell[] => {
      const inner: Record<string, [number, number]> = {
        female: [3, 10],
        male: [6, maleAdult],
        unknown: [7, 30],
      };
      const at = (sex: GlotipCellKey['sex'], age: GlotipCellKey['age']): GlotipCellKey => ({
        ...total,
        sex,
        age,
      });
      const cells: StoredCell[] = [];
      let minors = 0;
      let adults = 0;
      for (const [sex, [minor, adult]] of Object.entries(inner)) {
        const s = sex as GlotipCellKey['sex'];
        cells.push(cell(minor, at(s, 'minor')), cell(adult, at(s, 'adult')));
        cells.push(cell(minor + adult, at(s, 'total')));
        minors += minor;
        adults += adult;
      }
      cells.push(cell(minors, at('total', 'minor')), cell(adults, at('total', 'adult')));
      cells.push(cell(minors + adults));
      return cells;
    };
    const v1 = grid(20);
    const v2 = grid(40);
    const published = createPublishedReturns(
      {
        listReturnsForExport: () =>
          Promise.resolve([{ ret: { ...stored('r', 'NGA'), version: 2 }, cells: v2 }]),
        earlierPublished: (_id, version) =>
          Promise.resolve(version > 1 ? { version: 1, cells: v1 } : undefined),
      },
      () => new Date('2024-01-01T00:00:00Z'),
    );
    const [second] = await published.list();
    const v1Only = createPublishedReturns(
      {
        listReturnsForExport: () => Promise.resolve([{ ret: stored('r', 'NGA'), cells: v1 }]),
        earlierPublished: () => Promise.resolve(undefined),
      },
      () => new Date('2024-01-01T00:00:00Z'),
    );
    const [first] = await v1Only.list();
    if (first === undefined || second === undefined) throw new Error('not published');
    const hiddenIn = (ret: typeof first) =>
      new Set(ret.cells.filter((c) => isHidden(c.value)).map((c) => cellKeyString(c.key)));
    const valueIn = (cells: StoredCell[]) =>
      new Map(cells.map((c) => [cellKeyString(c.key), JSON.stringify(c.value)]));
    const [before, after] = [valueIn(v1), valueIn(v2)];
    const changed = (key: string) => before.get(key) !== after.get(key);
    const [hidden1, hidden2] = [hiddenIn(first), hiddenIn(second)];
    // Every cell v1 hid and v2 did not change stays hidden in v2.
    for (const key of hidden1) {
      if (!changed(key)) expect([key, hidden2.has(key)]).toEqual([key, true]);
    }
    // A reader holding both versions knows an unchanged cell shown in either: no figure v1 hid
    // can be recomputed from that.
    const tableOf = (cells: StoredCell[]) =>
      returnStatTable(cells.map((c) => ({ key: c.key, value: c.value })));
    const unknownInV1 = [...hidden1].filter((key) => changed(key) || hidden2.has(key));
    expect(exposedSuppressedCells(tableOf(v1), unknownInV1)).toEqual([]);
    // Nor can a figure v2 hides: none of its complements is a cell v1 showed unchanged.
    const unknownInV2 = [...hidden2].filter((key) => changed(key) || hidden1.has(key));
    expect(unknownInV2).toEqual([...hidden2]);
    expect(exposedSuppressedCells(tableOf(v2), unknownInV2)).toEqual([]);
  });
});
