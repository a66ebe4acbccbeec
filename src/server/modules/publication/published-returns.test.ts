import { describe, expect, it } from 'vitest';
import type { GlotipCellKey } from '../../../shared/glotip-vocabulary.js';
import type { StoredCell, StoredReturn } from '../returns/index.js';
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
      { listReturnsForExport: () => Promise.resolve(rows) },
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
});
