import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../../../test-support/api-expect.js';
import { buildCase } from '../../../test-support/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

// Adult labour exploitation: deceptive recruitment (strong + medium), exploitative conditions
// (strong + medium), coercion at destination (two strong): every term of the profile rule holds.
const traffickingIndicators = [
  'deceptive_recruitment.nature_of_job',
  'deceptive_recruitment.wages',
  'exploitative_conditions.excessive_hours',
  'exploitative_conditions.low_or_no_pay',
  'coercion_at_destination.document_confiscation',
  'coercion_at_destination.debt_bondage',
];

describe.each(databaseKinds)('screenings API on %s', (kind) => {
  let t: TestApp;
  let ngo: string;
  let caseId: string;
  beforeEach(async () => {
    t = await createTestApp(kind);
    ngo = await t.createOrg('ngo', t.rootOrgId);
    caseId = (await t.call(t.admin, 'POST', '/api/cases', buildCase(ngo))).json<{ id: string }>()
      .id;
  });
  afterEach(async () => {
    await t.close();
  });

  it('walks the ladder and keeps the indicator-set version with the result', async () => {
    const url = `/api/cases/${caseId}/screenings`;
    const body = { profile: 'adult_labour', indicators: traffickingIndicators };
    expectError(await t.call(null, 'POST', url, body), 401, 'auth.required');
    const analyst = await t.userWithRole('analyst', ngo);
    expectError(await t.call(analyst, 'POST', url, body), 403, 'access.denied');
    const worker = await t.userWithRole('caseworker', ngo);
    expectError(
      await t.call(worker, 'POST', url, { ...body, indicators: ['no_such.indicator'] }),
      400,
      'screening.unknown_indicator',
      [['indicators', 0]],
    );
    const saved = await t.call(worker, 'POST', url, body);
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({
      result: { class: 'trafficking', indicatorSet: { id: 'ilo-2009', version: '1' } },
    });
    const list = (await t.call(analyst, 'GET', url)).json<{ items: unknown[] }>();
    expect(list.items).toHaveLength(1);
    const row = await t.database.db.selectFrom('screenings').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ indicator_set_id: 'ilo-2009', indicator_set_version: '1' });
    expect(await t.auditActions('screening.create')).toContainEqual(
      expect.objectContaining({ actorId: worker.userId }),
    );
  });

  it('answers a replayed screening (same Idempotency-Key, same user) with the one it made', async () => {
    const worker = await t.userWithRole('caseworker', ngo);
    const screen = (key: string) =>
      t.call(
        worker,
        'POST',
        `/api/cases/${caseId}/screenings`,
        { profile: 'adult_labour', indicators: traffickingIndicators },
        { 'idempotency-key': key },
      );
    const first = await screen('screen-0a1b2c3d');
    expect(first.statusCode, first.body).toBe(201);
    const firstId = first.json<{ id: string }>().id;
    const again = await Promise.all([screen('screen-0a1b2c3d'), screen('screen-0a1b2c3d')]);
    for (const replay of again) {
      expect(replay.statusCode, replay.body).toBe(201);
      expect(replay.json()).toEqual(first.json());
    }
    expect((await screen('screen-99887766')).json<{ id: string }>().id).not.toBe(firstId);
    expect(await t.database.db.selectFrom('screenings').selectAll().execute()).toHaveLength(2);
    expect(await t.auditActions('screening.create')).toHaveLength(2);
  });
});
