import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReturnDetail, ReturnSummary } from '../../../shared/return-schemas.js';
import { expectError, expectExactKeys } from '../../../test-support/api-expect.js';
import {
  cellKey,
  countOf,
  createReturnHierarchy,
  createReturnWithCells,
  detailOf,
  type ReturnHierarchy,
} from '../../../test-support/return-fixtures.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

const system = { actor: { kind: 'system' } as const, requestId: null };
const unknownId = '00000000-0000-4000-8000-000000000000';

describe.each(databaseKinds)('return cells and system writes on %s', (kind) => {
  let t: TestApp;
  let h: ReturnHierarchy;
  beforeEach(async () => {
    t = await createTestApp(kind);
    h = await createReturnHierarchy(t);
  });
  afterEach(async () => {
    await t.close();
  });

  it('creates one return per entity and year, within the collection years', async () => {
    const created = await createReturnWithCells(t, h.entry, h.ngo, 2025, []);
    expect(created).toMatchObject({
      dataSetCode: 'GLOTIP',
      status: 'draft',
      version: 1,
      source: 'entered',
      synthetic: false,
      dueDate: '2026-06-30',
      cellCount: 0,
    });
    expectError(
      await t.call(h.entry, 'POST', '/api/returns', { organisationId: h.ngo, year: 2025 }),
      409,
      'return.exists',
    );
    expectError(
      await t.call(h.entry, 'POST', '/api/returns', { organisationId: h.ngo, year: 2027 }),
      400,
      'validation.failed',
      [['body', 'year']],
    );
    expectError(
      await t.call(h.entry, 'POST', '/api/returns', { organisationId: h.otherNgo, year: 2025 }),
      403,
      'access.denied',
    );
  });

  it('checks each cell against the data set and names the offending field', async () => {
    const ret = await createReturnWithCells(t, h.entry, h.ngo, 2025, []);
    const response = await t.call(h.entry, 'PUT', `/api/returns/${ret.id}/cells`, {
      cells: [
        { key: cellKey('offences', { sex: 'female' }), value: countOf(1) },
        { key: cellKey('prosecuted', { dimension: 'citizenship' }), value: countOf(1) },
        { key: cellKey('detected_victims'), value: { kind: 'count', value: -1 } },
      ],
    });
    expectError(response, 400, 'validation.failed', [
      ['body', 'cells', 1, 'key', 'category'],
      ['body', 'cells', 2, 'value', 'value'],
    ]);
    expectError(
      await t.call(h.entry, 'PUT', `/api/returns/${ret.id}/cells`, {
        cells: [
          { key: cellKey('offences', { sex: 'female' }), value: countOf(1) },
          {
            key: cellKey('prosecuted', { dimension: 'citizenship', category: 'COD' }),
            value: countOf(1),
          },
          { key: cellKey('detected_victims'), value: countOf(1) },
          { key: cellKey('detected_victims'), value: countOf(2) },
        ],
      }),
      400,
      'validation.failed',
      [
        ['body', 'cells', 0, 'key', 'sex'],
        ['body', 'cells', 1, 'key', 'dimension'],
        ['body', 'cells', 3, 'key'],
      ],
    );
  });

  it('hides a return from readers outside its subtree (404) and from the presenter private fields', async () => {
    const ret = await createReturnWithCells(t, h.entry, h.ngo, 2025);
    const outsider = await t.userWithRole('data_manager', h.otherNgo);
    expectError(await t.call(outsider, 'GET', `/api/returns/${ret.id}`), 404, 'return.not_found');
    expectError(await t.call(h.entry, 'GET', `/api/returns/${unknownId}`), 404, 'return.not_found');
    const seen = detailOf(await t.call(h.analyst, 'GET', `/api/returns/${ret.id}`));
    expect(seen.actions).toEqual([]);
    const raw = JSON.stringify(seen);
    for (const hidden of ['acceptedBy', 'accepted_by', 'createdBy', 'organisationPath']) {
      expect(raw).not.toContain(hidden);
    }
    const list = (await t.call(outsider, 'GET', '/api/returns?year=2025')).json<{
      items: ReturnSummary[];
      total: number;
    }>();
    expect(list.total).toBe(0);
    const mine = (await t.call(h.national1, 'GET', '/api/returns?year=2025')).json<{
      items: ReturnSummary[];
    }>();
    expect(mine.items.map((r) => r.id)).toEqual([ret.id]);
    expectExactKeys(
      mine.items[0],
      Object.keys(seen).filter((k) => !(detailOnly as readonly string[]).includes(k)),
    );
  });

  it('keeps a derived value beside an override, and demands the override reason', async () => {
    const derived = await t.services.returns.saveSystemCells(system, {
      organisationId: h.ngo,
      year: 2025,
      source: 'derived',
      mode: 'draft',
      cells: [
        { key: cellKey('detected_victims'), value: countOf(12), derivedValue: 12, recordCount: 12 },
      ],
    });
    expect(derived).toMatchObject({ created: true, changed: true });
    const id = derived.ret.id;
    expectError(
      await t.call(h.entry, 'PUT', `/api/returns/${id}/cells`, {
        cells: [{ key: cellKey('detected_victims'), value: countOf(14) }],
      }),
      400,
      'validation.failed',
      [['body', 'cells', 0, 'overrideReason']],
    );
    expectError(
      await t.call(h.entry, 'PUT', `/api/returns/${id}/cells`, {
        cells: [{ key: cellKey('detected_victims'), value: null }],
      }),
      400,
      'validation.failed',
      [['body', 'cells', 0, 'value']],
    );
    const overridden = detailOf(
      await t.call(h.entry, 'PUT', `/api/returns/${id}/cells`, {
        cells: [
          {
            key: cellKey('detected_victims'),
            value: countOf(14),
            overrideReason: 'Two victims identified by the police are not in Vigil.',
          },
        ],
      }),
    );
    expect(overridden.cells[0]).toMatchObject({
      value: countOf(14),
      derivedValue: 12,
      recordCount: 12,
      overrideReason: 'Two victims identified by the police are not in Vigil.',
    });
    // Re-deriving moves the derived figure only; the person's override stands.
    await t.services.returns.saveSystemCells(system, {
      organisationId: h.ngo,
      year: 2025,
      source: 'derived',
      mode: 'draft',
      cells: [
        { key: cellKey('detected_victims'), value: countOf(13), derivedValue: 13, recordCount: 13 },
      ],
    });
    const after = detailOf(await t.call(h.entry, 'GET', `/api/returns/${id}`));
    expect(after.cells[0]).toMatchObject({ value: countOf(14), derivedValue: 13 });
    expect(after.source).toBe('derived');
  });

  it('re-derives without stale cells: one no longer counted goes, an overridden one stays at zero', async () => {
    const derive = (
      cells: { key: ReturnType<typeof cellKey>; count: number }[],
      synthetic: boolean,
    ) =>
      t.services.returns.saveSystemCells(system, {
        organisationId: h.ngo,
        year: 2025,
        source: 'derived',
        mode: 'draft',
        synthetic,
        cells: cells.map(({ key, count }) => ({
          key,
          value: countOf(count),
          derivedValue: count,
          recordCount: count,
        })),
      });
    const total = cellKey('detected_victims');
    const syrians = cellKey('detected_victims', { dimension: 'citizenship', category: 'SYR' });
    const iraqis = cellKey('detected_victims', { dimension: 'citizenship', category: 'IRQ' });
    const { ret } = await derive(
      [
        { key: total, count: 5 },
        { key: syrians, count: 3 },
        { key: iraqis, count: 2 },
      ],
      true,
    );
    expect(detailOf(await t.call(h.entry, 'GET', `/api/returns/${ret.id}`)).synthetic).toBe(true);
    // A hand-entered figure is no derivation's: re-deriving leaves it alone.
    const offences = cellKey('offences');
    detailOf(
      await t.call(h.entry, 'PUT', `/api/returns/${ret.id}/cells`, {
        cells: [
          { key: offences, value: countOf(4) },
          { key: iraqis, value: countOf(3), overrideReason: 'One more in the police register.' },
        ],
      }),
    );
    await derive([{ key: total, count: 1 }], false);
    const after = detailOf(await t.call(h.entry, 'GET', `/api/returns/${ret.id}`));
    expect(after.synthetic).toBe(false);
    expect(after.cells.map((cell) => cell.key)).toEqual(
      expect.arrayContaining([total, iraqis, offences]),
    );
    expect(after.cells).toHaveLength(3);
    expect(after.cells.find((cell) => cell.key.category === 'IRQ')).toMatchObject({
      value: countOf(3),
      derivedValue: 0,
      recordCount: 0,
      overrideReason: 'One more in the police register.',
    });
    expect(after.cells.find((cell) => cell.key.indicator === 'offences')).toMatchObject({
      value: countOf(4),
      derivedValue: null,
    });
  });

  it('imports published UNODC figures: a new sealed version over a locked return, none when unchanged', async () => {
    const ret = await createReturnWithCells(t, h.entry, h.ngo, 2025);
    detailOf(await t.call(h.entry, 'POST', `/api/returns/${ret.id}/submit`, {}));
    detailOf(await t.call(h.national1, 'POST', `/api/returns/${ret.id}/accept`, {}));
    await expect(
      t.services.returns.saveSystemCells(system, {
        organisationId: h.ngo,
        year: 2025,
        source: 'derived',
        mode: 'draft',
        cells: [{ key: cellKey('offences'), value: countOf(1) }],
      }),
    ).rejects.toMatchObject({ code: 'return.locked' });

    const figures = {
      organisationId: h.ngo,
      year: 2025,
      source: 'dataunodc' as const,
      sourceNote: 'data_glotip.xlsx, 14/04/2025',
      mode: 'published' as const,
      cells: [
        { key: cellKey('detected_victims'), value: countOf(9), rawText: '9' },
        {
          key: cellKey('detected_victims', { sex: 'male' }),
          value: { kind: 'censored' as const, lower: 0, upper: 4 },
          rawText: '<5',
        },
      ],
    };
    const imported = await t.services.returns.saveSystemCells(system, figures);
    expect(imported).toMatchObject({ created: false, changed: true });
    expect(imported.ret).toMatchObject({ status: 'published', version: 2, source: 'dataunodc' });
    const again = await t.services.returns.saveSystemCells(system, figures);
    expect(again).toMatchObject({ changed: false });
    expect(again.ret.version).toBe(2);

    const versions = (await t.call(h.entry, 'GET', `/api/returns/${ret.id}/versions`)).json<{
      items: { version: number; status: string; cellCount: number }[];
    }>();
    expect(versions.items.map((v) => [v.version, v.status, v.cellCount])).toEqual([
      [1, 'accepted', 3],
      [2, 'published', 2],
    ]);
    const detail = detailOf(await t.call(h.entry, 'GET', `/api/returns/${ret.id}`));
    expect(detail.cells.map((c) => c.rawText)).toEqual(['<5', '9']);
    expect(await t.auditActions('return.import_published')).toHaveLength(1);
  });

  it('lists what awaits each person in their inbox', async () => {
    const a = await createReturnWithCells(t, h.entry, h.ngo, 2025);
    const b = await createReturnWithCells(t, h.entry, h.ngo, 2024);
    detailOf(await t.call(h.entry, 'POST', `/api/returns/${b.id}/submit`, {}));
    const inbox = async (session: ReturnHierarchy['entry']) =>
      (await t.call(session, 'GET', '/api/returns/inbox'))
        .json<{ items: (ReturnSummary & { actions: string[] })[] }>()
        .items.map((item) => [item.id, item.actions]);
    expect(await inbox(h.entry)).toEqual([[a.id, ['submit']]]);
    expect(await inbox(h.national1)).toEqual([[b.id, ['return', 'accept']]]);
    expect(await inbox(h.analyst)).toEqual([]);
    detailOf(await t.call(h.national1, 'POST', `/api/returns/${b.id}/accept`, {}));
    expect(await inbox(h.national1)).toEqual([]);
    expect(await inbox(h.unodc1)).toEqual([[b.id, ['approve']]]);
  });
  it.runIf(kind === 'postgres')(
    'two derivations for the same entity and year at once write one return (PostgreSQL)',
    async () => {
      const derive = (count: number) =>
        t.services.returns.saveSystemCells(system, {
          organisationId: h.ngo,
          year: 2025,
          source: 'derived',
          mode: 'draft',
          cells: [{ key: cellKey('detected_victims'), value: countOf(count), derivedValue: count }],
        });
      const results: Promise<Awaited<ReturnType<typeof derive>>>[] = [];
      await t.database.db.transaction().execute(async (trx) => {
        // Held so the first derivation waits to commit after the second looked for the return.
        await trx.selectFrom('audit_head').select('seq').forUpdate().execute();
        results.push(derive(12));
        await new Promise((resolve) => setTimeout(resolve, 150));
        results.push(derive(13));
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      const [first, second] = await Promise.all(results);
      expect(first?.created).toBe(true);
      expect(second).toMatchObject({ created: false, changed: true });
      expect(second?.ret.id).toBe(first?.ret.id);
      const stored = await t.database.db.selectFrom('glotip_returns').select('id').execute();
      expect(stored).toHaveLength(1);
    },
  );
});

const detailOnly: readonly (keyof ReturnDetail)[] = [
  'cells',
  'violations',
  'history',
  'actions',
  'approvalLevels',
  'lastSealedVersion',
];
