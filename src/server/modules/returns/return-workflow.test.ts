import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReturnDiff, ReturnVersion } from '../../../shared/return-schemas.js';
import { expectError } from '../../../test-support/api-expect.js';
import {
  cellKey,
  consistentCells,
  countOf,
  createReturnHierarchy,
  createReturnWithCells,
  detailOf,
  type ReturnHierarchy,
} from '../../../test-support/return-fixtures.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

describe.each(databaseKinds)('returns workflow on %s', (kind) => {
  let t: TestApp;
  let h: ReturnHierarchy;
  beforeEach(async () => {
    t = await createTestApp(kind);
    h = await createReturnHierarchy(t);
  });
  afterEach(async () => {
    await t.close();
  });

  const post = (session: ReturnHierarchy['entry'] | null, id: string, step: string, body = {}) =>
    t.call(session, 'POST', `/api/returns/${id}/${step}`, body);

  it('walks draft → submitted → accepted → approved → published, each step by its level only', async () => {
    expectError(
      await t.call(null, 'POST', '/api/returns', { organisationId: h.ngo, year: 2025 }),
      401,
      'auth.required',
    );
    expectError(
      await t.call(h.analyst, 'POST', '/api/returns', { organisationId: h.ngo, year: 2025 }),
      403,
      'access.denied',
    );
    const draft = await createReturnWithCells(t, h.entry, h.ngo, 2025);
    expect(draft.status).toBe('draft');
    expect(draft.cells).toHaveLength(3);
    expect(draft.actions).toEqual(['edit', 'submit']);
    expect(draft.approvalLevels.accept.organisationId).toBe(h.national);
    expect(draft.approvalLevels.approve.organisationId).toBe(h.unodc);

    // Submit: the reporting entity's data manager, nobody who only reads or reviews there.
    expectError(await post(h.analyst, draft.id, 'submit'), 403, 'access.denied');
    expectError(await post(h.ngoReviewer, draft.id, 'submit'), 403, 'access.denied');
    const submitted = detailOf(await post(h.entry, draft.id, 'submit'));
    expect(submitted.status).toBe('submitted');
    expect(submitted.submittedAt).toBe(t.clock.now().toISOString());
    expectError(
      await t.call(h.entry, 'PUT', `/api/returns/${draft.id}/cells`, { cells: consistentCells }),
      409,
      'return.under_review',
    );
    expectError(await post(h.entry, draft.id, 'submit'), 409, 'return.invalid_transition');

    // Accept: the parent level. The entity's own reviewer and the data manager may not.
    expectError(await post(h.entry, draft.id, 'accept'), 403, 'access.denied');
    expectError(await post(h.ngoReviewer, draft.id, 'accept'), 403, 'access.denied');
    const national = detailOf(await t.call(h.national1, 'GET', `/api/returns/${draft.id}`));
    expect(national.actions).toEqual(['return', 'accept']);
    const accepted = detailOf(await post(h.national1, draft.id, 'accept'));
    expect(accepted).toMatchObject({ status: 'accepted', locked: true, lastSealedVersion: 1 });

    // Locked: no cell write, whoever asks.
    for (const session of [h.entry, t.admin]) {
      expectError(
        await t.call(session, 'PUT', `/api/returns/${draft.id}/cells`, { cells: consistentCells }),
        409,
        'return.locked',
      );
    }

    // Approve: the grandparent level; the national level cannot approve its own acceptance.
    expectError(await post(h.national2, draft.id, 'approve'), 403, 'access.denied');
    expectError(await post(h.unodc1, draft.id, 'publish'), 409, 'return.invalid_transition');
    const approved = detailOf(await post(h.unodc1, draft.id, 'approve', { comment: 'Checked.' }));
    expect(approved.status).toBe('approved');

    // Publish: publication.manage at the approval level (a national reviewer holds it below).
    expectError(await post(h.entry, draft.id, 'publish'), 403, 'access.denied');
    expectError(await post(h.national1, draft.id, 'publish'), 403, 'access.denied');
    const published = detailOf(await post(h.unodc2, draft.id, 'publish'));
    expect(published.status).toBe('published');
    expect(published.actions).toEqual(['reopen']);
    expect(published.history.map((e) => [e.action, e.toStatus, e.levelOrganisationId])).toEqual([
      ['create', 'draft', h.ngo],
      ['submit', 'submitted', h.ngo],
      ['accept', 'accepted', h.national],
      ['approve', 'approved', h.unodc],
      ['publish', 'published', h.unodc],
    ]);
    expect(published.history[3]).toMatchObject({ actorId: h.unodc1.userId, comment: 'Checked.' });

    for (const [action, actor] of [
      ['return.create', h.entry],
      ['return.cells_update', h.entry],
      ['return.submit', h.entry],
      ['return.accept', h.national1],
      ['return.approve', h.unodc1],
      ['return.publish', h.unodc2],
      ['return.read', h.national1],
    ] as const) {
      expect(await t.auditActions(action)).toContainEqual(
        expect.objectContaining({ actorId: actor.userId, targetId: draft.id, outcome: 'success' }),
      );
    }
  });

  it('keeps acceptor and approver apart (four eyes), even for a reviewer above both levels', async () => {
    const ret = await createReturnWithCells(t, h.entry, h.ngo, 2025);
    detailOf(await post(h.entry, ret.id, 'submit'));
    detailOf(await post(h.unodc1, ret.id, 'accept'));
    const seen = detailOf(await t.call(h.unodc1, 'GET', `/api/returns/${ret.id}`));
    expect(seen.actions).toEqual(['reopen']);
    expectError(await post(h.unodc1, ret.id, 'approve'), 403, 'return.same_reviewer');
    expect(detailOf(await post(h.unodc2, ret.id, 'approve')).status).toBe('approved');
  });

  it('sends a return back with a required comment, and the entity edits and resubmits', async () => {
    const ret = await createReturnWithCells(t, h.entry, h.ngo, 2025);
    detailOf(await post(h.entry, ret.id, 'submit'));
    expectError(await post(h.national1, ret.id, 'return', {}), 400, 'validation.failed', [
      ['body', 'comment'],
    ]);
    expectError(
      await post(h.ngoReviewer, ret.id, 'return', { comment: 'Fix it' }),
      403,
      'access.denied',
    );
    const back = detailOf(
      await post(h.national1, ret.id, 'return', { comment: 'Male figure looks low.' }),
    );
    expect(back.status).toBe('returned');
    expect(back.history.at(-1)).toMatchObject({
      action: 'return',
      comment: 'Male figure looks low.',
      actorId: h.national1.userId,
    });
    const edited = detailOf(
      await t.call(h.entry, 'PUT', `/api/returns/${ret.id}/cells`, {
        cells: [{ key: cellKey('offences'), value: countOf(2) }],
      }),
    );
    expect(edited.cells).toHaveLength(4);
    expect(detailOf(await post(h.entry, ret.id, 'submit')).status).toBe('submitted');
  });

  it('blocks submission on a critical rule (422) and on a warning without a comment', async () => {
    const bad = await createReturnWithCells(t, h.entry, h.ngo, 2025, [
      { key: cellKey('detected_victims'), value: countOf(10) },
      { key: cellKey('detected_victims', { sex: 'female' }), value: countOf(16) },
    ]);
    expect(bad.violations.map((v) => [v.ruleId, v.importance])).toEqual([
      ['parts.sex_age_total', 'critical'],
    ]);
    const refused = expectError(
      await post(h.entry, bad.id, 'submit'),
      422,
      'return.critical_violations',
    );
    expect(refused.details).toMatchObject({ violations: [{ ruleId: 'parts.sex_age_total' }] });

    const warned = await createReturnWithCells(t, h.entry, h.ngo, 2024, [
      { key: cellKey('prosecuted'), value: countOf(3) },
      { key: cellKey('convicted'), value: countOf(5) },
    ]);
    const warning = warned.violations[0];
    expect(warning).toMatchObject({ ruleId: 'order.prosecuted_convicted', importance: 'warning' });
    if (warning === undefined) throw new Error('expected a warning');
    const uncommented = expectError(
      await post(h.entry, warned.id, 'submit', { warningComments: {} }),
      422,
      'return.warning_comment_required',
    );
    expect(uncommented.details).toMatchObject({ violations: [{ subject: warning.subject }] });
    const submitted = detailOf(
      await post(h.entry, warned.id, 'submit', {
        warningComments: { [warning.subject]: 'Convictions include cases from 2022.' },
      }),
    );
    expect(submitted.status).toBe('submitted');
    expect(submitted.violations[0]?.comment).toBe('Convictions include cases from 2022.');
  });

  it('reopens with a reason into a new version whose diff against the approved one is exact', async () => {
    const ret = await createReturnWithCells(t, h.entry, h.ngo, 2025);
    detailOf(await post(h.entry, ret.id, 'submit'));
    detailOf(await post(h.national1, ret.id, 'accept'));
    detailOf(await post(h.unodc1, ret.id, 'approve'));

    expectError(
      await post(h.unodc1, ret.id, 'reopen', { reason: 'typo' }),
      400,
      'validation.failed',
      [['body', 'reason']],
    );
    // Approved at the UNODC level: only that level reopens it.
    expectError(
      await post(h.national1, ret.id, 'reopen', { reason: 'A late police report arrived.' }),
      403,
      'access.denied',
    );
    const reopened = detailOf(
      await post(h.unodc1, ret.id, 'reopen', { reason: 'A late police report arrived.' }),
    );
    expect(reopened).toMatchObject({ status: 'draft', version: 2, locked: false });
    expect(reopened.history.at(-1)).toMatchObject({
      action: 'reopen',
      fromStatus: 'approved',
      version: 2,
      comment: 'A late police report arrived.',
    });

    detailOf(
      await t.call(h.entry, 'PUT', `/api/returns/${ret.id}/cells`, {
        cells: [
          { key: cellKey('detected_victims'), value: countOf(11) },
          { key: cellKey('detected_victims', { sex: 'female' }), value: countOf(7) },
          { key: cellKey('detected_victims', { sex: 'male' }), value: null },
          {
            key: cellKey('detected_victims', { sex: 'unknown' }),
            value: { kind: 'censored', lower: 0, upper: 4 },
          },
        ],
      }),
    );
    const diff = (await t.call(h.entry, 'GET', `/api/returns/${ret.id}/diff`)).json<ReturnDiff>();
    expect(diff).toEqual({
      returnId: ret.id,
      fromVersion: 1,
      toVersion: 2,
      changes: [
        {
          key: cellKey('detected_victims', { sex: 'female' }),
          before: countOf(6),
          after: countOf(7),
        },
        { key: cellKey('detected_victims', { sex: 'male' }), before: countOf(4), after: null },
        { key: cellKey('detected_victims'), before: countOf(10), after: countOf(11) },
        {
          key: cellKey('detected_victims', { sex: 'unknown' }),
          before: null,
          after: { kind: 'censored', lower: 0, upper: 4 },
        },
      ],
    });

    // Version 1 still holds what was approved.
    const v1 = (
      await t.call(h.entry, 'GET', `/api/returns/${ret.id}/versions/1`)
    ).json<ReturnVersion>();
    expect(v1.cells.map((c) => c.value)).toEqual([countOf(6), countOf(4), countOf(10)]);
    expect(v1.hash).toMatch(/^[0-9a-f]{64}$/);
    expectError(
      await t.call(h.entry, 'GET', `/api/returns/${ret.id}/versions/2`),
      404,
      'return.version_not_found',
    );
    expect(await t.auditActions('return.reopen')).toContainEqual(
      expect.objectContaining({ actorId: h.unodc1.userId, targetId: ret.id }),
    );
  });

  it('refuses at the database any change to a sealed version', async () => {
    const ret = await createReturnWithCells(t, h.entry, h.ngo, 2025);
    detailOf(await post(h.entry, ret.id, 'submit'));
    detailOf(await post(h.national1, ret.id, 'accept'));
    const db = t.database.db;
    await expect(
      db
        .updateTable('glotip_return_versions')
        .set({ cells: '[]' })
        .where('return_id', '=', ret.id)
        .execute(),
    ).rejects.toThrow();
    await expect(
      db.deleteFrom('glotip_return_versions').where('return_id', '=', ret.id).execute(),
    ).rejects.toThrow();
    await expect(sql`update glotip_return_events set comment = 'x'`.execute(db)).rejects.toThrow();
    const stored = await db
      .selectFrom('glotip_return_versions')
      .select(['version', 'cell_count'])
      .where('return_id', '=', ret.id)
      .execute();
    expect(stored).toEqual([{ version: 1, cell_count: 3 }]);
  });
});
