import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../core/cases/demo-cases.js';
import { validateReturn } from '../core/glotip/index.js';
import { cellKeyString, returnStatuses } from '../shared/glotip-vocabulary.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { databaseKinds } from '../test-support/test-db.js';
import { addDemoReturns, demoReturnCells, demoReturnPlan, demoReturnSeed } from './demo-returns.js';

describe('demo return cells', () => {
  it('are deterministic and break no critical rule', () => {
    const first = seededRandom(7);
    const second = seededRandom(7);
    for (let round = 0; round < 50; round += 1) {
      const cells = demoReturnCells(first);
      expect(demoReturnCells(second)).toEqual(cells);
      const critical = validateReturn({ year: 2024, currentYear: 2026, cells }).filter(
        (violation) => violation.importance === 'critical',
      );
      expect(critical).toEqual([]);
    }
  });
});

describe.each(databaseKinds)('demo returns on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  it('adds synthetic returns in every workflow status, walked through the real workflow', async () => {
    expect(await addDemoReturns(t.services, t.rootOrgId)).toBe(demoReturnPlan.length);
    const { items } = await t.services.returns.list(
      { actor: { kind: 'system' }, requestId: null },
      { limit: 100, offset: 0 },
    );
    expect(items).toHaveLength(demoReturnPlan.length);
    expect(new Set(items.map((r) => r.status))).toEqual(new Set(returnStatuses));
    expect(items.every((r) => r.synthetic && r.source === 'synthetic' && r.cellCount > 0)).toBe(
      true,
    );
    expect(items.map((r) => r.year).sort()).toEqual(
      demoReturnPlan.map((p) => 2026 - p.yearsAgo).sort(),
    );
    // Locked ones are sealed: one version each, as accepted.
    const sealed = await t.database.db
      .selectFrom('glotip_return_versions')
      .select(['status'])
      .execute();
    expect(sealed.map((v) => v.status)).toEqual(
      demoReturnPlan
        .filter((p) => ['accepted', 'approved', 'published'].includes(p.status))
        .map(() => 'accepted'),
    );
    // The same seed gives the same figures on every installation: the first planned return
    // (five years back) holds the first cells the seed generates.
    const stored = await t.database.db
      .selectFrom('glotip_return_cells')
      .innerJoin('glotip_returns', 'glotip_returns.id', 'glotip_return_cells.return_id')
      .select(['glotip_return_cells.cell_key', 'glotip_return_cells.raw_text'])
      .where('glotip_returns.year', '=', 2021)
      .execute();
    const expected = demoReturnCells(seededRandom(demoReturnSeed)).map((cell) => [
      cellKeyString(cell.key),
      cell.rawText,
    ]);
    expect(stored.map((row) => [row.cell_key, row.raw_text]).sort()).toEqual(expected.sort());
  });
});
