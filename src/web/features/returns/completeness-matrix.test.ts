import { describe, expect, it } from 'vitest';
import { completenessMatrix } from './completeness-matrix.js';
import type { Completeness } from './returns-api.js';

const entry = (organisationId: string, organisationName: string, share: number) => ({
  organisationId,
  organisationName,
  organisationType: 'ngo' as const,
  returnId: null,
  status: null,
  expectedCells: 10,
  reportedCells: share * 10,
  notAvailableCells: 0,
  share,
  dueDate: '2025-06-30',
  submittedAt: null,
  timeliness: 'not_yet_due' as const,
  daysLate: null,
  onTime: null,
});

const report = (year: number, entries: Completeness['entries']): Completeness => ({
  year,
  expectedEntities: entries.length,
  entitiesWithReturn: 0,
  entitiesSubmitted: 0,
  entitiesOnTime: 0,
  entries,
});

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';

describe('completeness matrix', () => {
  it('makes one row per entity across years, named as in its latest year, sorted by name', () => {
    const { rows } = completenessMatrix([
      report(2024, [entry(a, 'Zeta (new name)', 1)]),
      report(2023, [entry(a, 'Alpha (old name)', 0.5), entry(b, 'Beta', 0)]),
    ]);
    expect(rows.map((row) => row.organisationName)).toEqual(['Beta', 'Zeta (new name)']);
    const zeta = rows[1];
    expect(zeta?.years.get(2023)?.share).toBe(0.5);
    expect(zeta?.years.get(2024)?.share).toBe(1);
    expect(rows[0]?.years.has(2024)).toBe(false);
  });

  it('is empty without reports', () => {
    expect(completenessMatrix([]).rows).toEqual([]);
  });
});
