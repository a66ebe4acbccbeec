import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  CompletenessResponse,
  DataSetResponse,
  GlotipStatsCell,
  RuleResponse,
} from '../../../shared/return-schemas.js';
import { expectedReturnCells } from '../../../core/glotip/index.js';
import { expectError } from '../../../test-support/api-expect.js';
import {
  cellKey,
  countOf,
  createEntity,
  createReturnHierarchy,
  createReturnWithCells,
  detailOf,
  type ReturnHierarchy,
} from '../../../test-support/return-fixtures.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

const system = { actor: { kind: 'system' } as const, requestId: null };
const below5 = { kind: 'censored', lower: 0, upper: 4 } as const;

describe.each(databaseKinds)(
  'GLOTIP data sets, rules, completeness and statistics on %s',
  (kind) => {
    let t: TestApp;
    let h: ReturnHierarchy;
    beforeEach(async () => {
      t = await createTestApp(kind);
      h = await createReturnHierarchy(t);
    });
    afterEach(async () => {
      await t.close();
    });

    it('serves the data set and its rules in the reader’s language', async () => {
      expectError(await t.call(null, 'GET', '/api/glotip/data-sets'), 401, 'auth.required');
      const sets = (await t.call(h.analyst, 'GET', '/api/glotip/data-sets')).json<{
        items: DataSetResponse[];
      }>();
      expect(sets.items.map((s) => [s.code, s.version])).toEqual([['GLOTIP', 1]]);
      expect(sets.items[0]?.cells).toContainEqual(cellKey('offences'));
      expect(sets.items[0]?.cells).not.toContainEqual(cellKey('offences', { sex: 'female' }));
      const en = (await t.call(h.analyst, 'GET', '/api/glotip/rules')).json<{
        items: RuleResponse[];
      }>();
      const fr = (await t.call(h.analyst, 'GET', '/api/glotip/rules?lang=fr')).json<{
        items: RuleResponse[];
      }>();
      const rule = (items: RuleResponse[]) => items.find((r) => r.id === 'parts.sex_age_total');
      expect(rule(en.items)?.importance).toBe('critical');
      expect(rule(fr.items)?.description).not.toBe(rule(en.items)?.description);
    });

    it('measures completeness and timeliness per reporting entity under the viewer', async () => {
      const expectedCells = expectedReturnCells().length;
      const ret = await createReturnWithCells(t, h.entry, h.ngo, 2025);
      detailOf(await t.call(h.entry, 'POST', `/api/returns/${ret.id}/submit`, {}));
      const read = async (session = h.national1) =>
        (
          await t.call(session, 'GET', '/api/returns/completeness?year=2025')
        ).json<CompletenessResponse>();
      const before = await read();
      // The national level has children and no return: it approves rather than reports.
      expect(before).toMatchObject({
        year: 2025,
        expectedEntities: 2,
        entitiesWithReturn: 1,
        entitiesSubmitted: 1,
        entitiesOnTime: 1,
      });
      expect(
        before.entries.map((e) => [e.organisationId, e.status, e.reportedCells, e.onTime]),
      ).toEqual([
        [h.ngo, 'submitted', 3, true],
        [h.otherNgo, null, 0, null],
      ]);
      expect(before.entries[0]).toMatchObject({
        expectedCells,
        share: 3 / expectedCells,
        dueDate: '2026-06-30',
        timeliness: 'on_time',
      });
      t.clock.advance(40 * 24 * 3600 * 1000);
      // Sessions do not survive 40 days: a fresh one at the same level.
      const late = await read(await t.userWithRole('reviewer', h.national));
      expect(late.entries.map((e) => [e.timeliness, e.daysLate, e.onTime])).toEqual([
        ['on_time', null, true],
        ['overdue', 11, false],
      ]);
      const own = await read(await t.userWithRole('data_manager', h.ngo));
      expect(own.entries.map((e) => e.organisationId)).toEqual([h.ngo]);
      const caseworker = await t.userWithRole('caseworker', h.ngo);
      expectError(
        await t.call(caseworker, 'GET', '/api/returns/completeness?year=2025'),
        403,
        'access.denied',
      );
      expect(await t.auditActions('return.completeness_read')).toContainEqual(
        expect.objectContaining({ actorId: h.national1.userId }),
      );
    });

    it('answers the statistics query with checked figures only, censoring flags and source', async () => {
      const uganda = await createEntity(t, 'uganda', h.unodc, 'member_state', 'UGA');
      const accepted = await createReturnWithCells(t, h.entry, h.ngo, 2025);
      detailOf(await t.call(h.entry, 'POST', `/api/returns/${accepted.id}/submit`, {}));
      detailOf(await t.call(h.national1, 'POST', `/api/returns/${accepted.id}/accept`, {}));
      await createReturnWithCells(t, h.entry, h.ngo, 2024); // draft: never in statistics
      await t.services.returns.saveSystemCells(system, {
        organisationId: uganda,
        year: 2024,
        source: 'dataunodc',
        mode: 'published',
        cells: [
          { key: cellKey('detected_victims'), value: countOf(40), rawText: '40' },
          {
            key: cellKey('detected_victims', { dimension: 'exploitation', category: 'labour' }),
            value: below5,
            rawText: '<5',
          },
          { key: cellKey('convicted'), value: countOf(2), rawText: '2' },
        ],
      });
      const query = async (session: ReturnHierarchy['entry'], search: string) => {
        const response = await t.call(session, 'GET', `/api/stats/glotip${search}`);
        expect(response.statusCode, response.body).toBe(200);
        return response.json<{ items: GlotipStatsCell[]; total: number }>();
      };

      const all = await query(h.unodc1, '?indicator=detected_victims');
      expect(all.total).toBe(5);
      expect(new Set(all.items.map((c) => `${c.organisationId}/${String(c.year)}`))).toEqual(
        new Set([`${h.ngo}/2025`, `${uganda}/2024`]),
      );
      const labour = await query(h.unodc1, '?country=UGA&dimension=exploitation');
      expect(labour.items).toEqual([
        expect.objectContaining({
          organisationId: uganda,
          country: 'UGA',
          year: 2024,
          status: 'published',
          source: 'dataunodc',
          synthetic: false,
          value: below5,
          censored: true,
          lower: 0,
          upper: 4,
        }),
      ]);
      const counts = await query(h.unodc1, '?year=2025&indicator=detected_victims&sex=female');
      expect(counts.items.map((c) => [c.country, c.censored, c.lower, c.upper, c.source])).toEqual([
        ['COD', false, 6, 6, 'entered'],
      ]);
      const paged = await query(h.unodc1, '?limit=2&offset=4');
      expect([paged.total, paged.items.length]).toEqual([6, 2]);
      // The analyst reads statistics of the NGO only.
      const analyst = await query(h.analyst, '');
      expect(new Set(analyst.items.map((c) => c.organisationId))).toEqual(new Set([h.ngo]));
      const caseworker = await t.userWithRole('caseworker', h.ngo);
      expectError(await t.call(caseworker, 'GET', '/api/stats/glotip'), 403, 'access.denied');
      expectError(
        await t.call(h.analyst, 'GET', '/api/stats/glotip?indicator=victims'),
        400,
        'validation.failed',
        [['querystring', 'indicator']],
      );
      expect(await t.auditActions('return.stats_read')).toContainEqual(
        expect.objectContaining({ actorId: h.analyst.userId }),
      );
    });
  },
);
