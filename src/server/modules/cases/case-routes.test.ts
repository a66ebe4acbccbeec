import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../../../test-support/api-expect.js';
import {
  createRole,
  createTestApp,
  testPassword,
  type TestApp,
} from '../../../test-support/test-app.js';
import { buildCase } from '../../../test-support/case-fixtures.js';
import { databaseKinds } from '../../../test-support/test-db.js';
import { caseOverseers } from './break-glass-repo.js';

const unknownId = '00000000-0000-4000-8000-000000000000';

interface CaseBody {
  id: string;
  caseNumber: string;
  version: number;
  view: string;
  forgotten: boolean;
  victim: {
    identity: Record<string, unknown> | null;
    ageAtIdentification: number | null;
    ageBand: string | null;
    gender: string;
  };
  perpetrators: { name: string | null; affiliation: string | null }[];
  events: { place: string | null; country: string | null }[];
}

describe.each(databaseKinds)('cases API on %s', (kind) => {
  let t: TestApp;
  // root ─┬─ ngo ── field
  //       └─ other
  let ngo: string;
  let field: string;
  let other: string;
  beforeEach(async () => {
    t = await createTestApp(kind);
    ngo = await t.createOrg('ngo', t.rootOrgId);
    field = await t.createOrg('field', ngo);
    other = await t.createOrg('other', t.rootOrgId);
  });
  afterEach(async () => {
    await t.close();
  });

  const create = async (orgId: string, overrides: Record<string, unknown> = {}) => {
    const response = await t.call(t.admin, 'POST', '/api/cases', buildCase(orgId, overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json<CaseBody>();
  };

  describe('POST /api/cases', () => {
    it('walks the ladder: 401, 403, 400, 201, audit', async () => {
      expectError(await t.call(null, 'POST', '/api/cases', buildCase(ngo)), 401, 'auth.required');
      const analyst = await t.userWithRole('analyst', ngo);
      expectError(
        await t.call(analyst, 'POST', '/api/cases', buildCase(ngo)),
        403,
        'access.denied',
      );
      const worker = await t.userWithRole('caseworker', ngo);
      expectError(
        await t.call(
          worker,
          'POST',
          '/api/cases',
          buildCase(ngo, { victim: { citizenship: ['XX1'], gender: 'Woman' } }),
        ),
        400,
        'validation.failed',
        [
          ['body', 'victim', 'citizenship', 0],
          ['body', 'victim', 'gender'],
        ],
      );
      const response = await t.call(worker, 'POST', '/api/cases', buildCase(ngo));
      expect(response.statusCode, response.body).toBe(201);
      const body = response.json<CaseBody>();
      expect(body.caseNumber).toBe('2025-00001');
      expect(body.victim.ageAtIdentification).toBe(23);
      expect(body.victim.ageBand).toBe('21-23');
      expect(await t.auditActions('case.create')).toContainEqual(
        expect.objectContaining({ actorId: worker.userId, targetId: body.id }),
      );
    });

    it('answers a replayed submission (same Idempotency-Key, same user) with the case it made', async () => {
      const worker = await t.userWithRole('caseworker', ngo);
      const other = await t.userWithRole('caseworker', ngo);
      const submit = (session: typeof worker, key: string) =>
        t.call(session, 'POST', '/api/cases', buildCase(ngo), { 'idempotency-key': key });
      const first = await submit(worker, 'form-3f2a9c1e');
      expect(first.statusCode, first.body).toBe(201);
      const replay = await submit(worker, 'form-3f2a9c1e');
      expect(replay.statusCode, replay.body).toBe(201);
      expect(replay.json<CaseBody>().id).toBe(first.json<CaseBody>().id);
      // Two at once, as a double click sends them: still one case.
      const twice = await Promise.all([
        submit(worker, 'form-77aa01bc'),
        submit(worker, 'form-77aa01bc'),
      ]);
      expect(new Set(twice.map((r) => r.json<CaseBody>().id)).size).toBe(1);
      // Another user's key is theirs alone; without a key every submission is a new case.
      const theirs = await submit(other, 'form-3f2a9c1e');
      expect(theirs.json<CaseBody>().id).not.toBe(first.json<CaseBody>().id);
      await t.call(worker, 'POST', '/api/cases', buildCase(ngo));
      const listed = await t.call(t.admin, 'GET', `/api/cases?organisationId=${ngo}`);
      expect(listed.json<{ total: number }>().total).toBe(4);
      expect(await t.auditActions('case.create')).toHaveLength(4);
      expectError(await submit(worker, 'no spaces!'), 400, 'validation.failed', [
        ['headers', 'idempotency-key'],
      ]);
    });

    it('refuses an unknown crisis and a taken case number with their codes', async () => {
      expectError(
        await t.call(
          t.admin,
          'POST',
          '/api/cases',
          buildCase(ngo, { victim: { conflict: { related: 'Yes', crisisId: unknownId } } }),
        ),
        400,
        'validation.failed',
        [['body', 'victim', 'conflict', 'crisisId']],
      );
      await create(ngo, { caseNumber: 'GOMA-1' });
      expectError(
        await t.call(t.admin, 'POST', '/api/cases', buildCase(ngo, { caseNumber: 'GOMA-1' })),
        409,
        'case.number_taken',
        [['body', 'caseNumber']],
      );
    });

    it('numbers cases per organisation and year, skipping numbers already taken', async () => {
      await create(ngo, { caseNumber: '2025-00002' });
      expect((await create(ngo)).caseNumber).toBe('2025-00001');
      expect((await create(ngo)).caseNumber).toBe('2025-00003');
      expect((await create(other)).caseNumber).toBe('2025-00001');
      expect((await create(ngo, { registrationYear: 2024 })).caseNumber).toBe('2024-00001');
    });

    it('stores identifying fields sealed, never in plain columns', async () => {
      const created = await create(ngo);
      const row = await t.database.db
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', created.id)
        .executeTakeFirstOrThrow();
      const text = JSON.stringify(row);
      for (const secret of ['Amina', 'Diallo', '2001-04-02', '+243812345678', 'transit']) {
        expect(text).not.toContain(secret);
      }
      const children = await t.database.db.selectFrom('case_perpetrators').selectAll().execute();
      expect(JSON.stringify(children)).not.toContain('Commander');
      expect(row.gender).toBe('Feminine');
      expect(row.conflict_related).toBe('Yes');
    });
  });

  const reason = { reason: 'Victim in immediate danger at the border crossing tonight' };
  /** A user of `orgId` holding a custom role that may open other organisations' cases. */
  const responderIn = async (orgId: string) => {
    await createRole(t.services, 'emergency', [
      'case.read',
      'case.read_identifying',
      'case.break_glass',
    ]);
    return t.userWithRole('emergency', orgId);
  };

  describe('each role’s view of the same case', () => {
    it('caseworker full, analyst analytic, outsider nothing, data manager above sees the child', async () => {
      const created = await create(field);
      const worker = await t.userWithRole('caseworker', field);
      const analyst = await t.userWithRole('analyst', field);
      const outsider = await t.userWithRole('caseworker', other);
      const parentWorker = await t.userWithRole('caseworker', ngo);
      const manager = await t.userWithRole('data_manager', ngo);

      const full = (await t.call(worker, 'GET', `/api/cases/${created.id}`)).json<CaseBody>();
      expect(full.view).toBe('full');
      expect(full.victim.identity).toMatchObject({ firstName: 'Amina', phone: '+243812345678' });
      expect(full.perpetrators[0]?.name).toBe('Commander X');
      expect(full.events[0]?.place).toBe('Camp near Rutshuru');

      const response = await t.call(analyst, 'GET', `/api/cases/${created.id}`);
      expect(response.statusCode).toBe(200);
      const analytic = response.json<CaseBody>();
      expect(analytic.view).toBe('analytic');
      expect(analytic.victim.identity).toBeNull();
      expect(analytic.perpetrators[0]).toMatchObject({
        name: null,
        affiliation: 'NonStateArmedGroup',
      });
      expect(analytic.events[0]).toMatchObject({ place: null, country: 'COD' });
      for (const secret of ['Amina', 'Diallo', '2001-04-02', '+2438', 'Commander', 'Rutshuru']) {
        expect(response.body).not.toContain(secret);
      }

      // A caseworker's case.read covers their own organisation only, not the ones below it.
      expectError(await t.call(outsider, 'GET', `/api/cases/${created.id}`), 404, 'case.not_found');
      expectError(
        await t.call(parentWorker, 'GET', `/api/cases/${created.id}`),
        404,
        'case.not_found',
      );
      const managed = (await t.call(manager, 'GET', `/api/cases/${created.id}`)).json<CaseBody>();
      expect(managed.view).toBe('full');

      const reads = await t.auditActions('case.read');
      for (const reader of [worker, analyst, manager]) {
        expect(reads).toContainEqual(
          expect.objectContaining({ actorId: reader.userId, targetId: created.id }),
        );
      }
    });

    it('an analyst of the holder who is a caseworker above it gets the analytic view', async () => {
      const created = await create(field);
      const both = await t.userWithRole('caseworker', ngo);
      const added = await t.call(t.admin, 'POST', '/api/memberships', {
        userId: both.userId,
        organisationId: field,
        role: 'analyst',
      });
      expect(added.statusCode, added.body).toBe(201);
      const again = await t.signIn(both.email, testPassword);
      const response = await t.call(again, 'GET', `/api/cases/${created.id}`);
      expect(response.statusCode).toBe(200);
      expect(response.json<CaseBody>().view).toBe('analytic');
      expect(response.body).not.toContain('Amina');
    });

    it('lists only visible cases, without identifying fields, and audits the listing', async () => {
      const mine = await create(ngo);
      await create(other);
      const worker = await t.userWithRole('caseworker', ngo);
      const response = await t.call(worker, 'GET', '/api/cases');
      expect(response.statusCode).toBe(200);
      const body = response.json<{ items: { id: string }[]; total: number }>();
      expect(body.items.map((item) => item.id)).toEqual([mine.id]);
      expect(body.total).toBe(1);
      expect(response.body).not.toContain('Amina');
      expect(await t.auditActions('case.list')).toContainEqual(
        expect.objectContaining({ actorId: worker.userId }),
      );
      const search = await t.call(worker, 'GET', `/api/cases?caseNumber=${mine.caseNumber}`);
      expect(search.json<{ total: number }>().total).toBe(1);
      expectError(
        await t.call(worker, 'GET', '/api/cases?exploitationType=Nope'),
        400,
        'validation.failed',
        [['querystring', 'exploitationType']],
      );
    });

    it('refuses the listings to a user with no right to them anywhere', async () => {
      const enumerator = await t.userWithRole('enumerator', ngo);
      for (const url of ['/api/cases', '/api/referrals/inbox', '/api/imports']) {
        expectError(await t.call(enumerator, 'GET', url), 403, 'access.denied');
      }
      const analyst = await t.userWithRole('analyst', ngo);
      expect((await t.call(analyst, 'GET', '/api/cases')).statusCode).toBe(200);
      expectError(await t.call(analyst, 'GET', '/api/referrals/inbox'), 403, 'access.denied');
      expectError(await t.call(analyst, 'GET', '/api/imports'), 403, 'access.denied');
    });
  });

  describe('PATCH /api/cases/:id', () => {
    it('updates with a version guard, and an analyst cannot write blind', async () => {
      const created = await create(ngo);
      const worker = await t.userWithRole('caseworker', ngo);
      const ok = await t.call(worker, 'PATCH', `/api/cases/${created.id}`, {
        version: 1,
        status: 'FollowUp',
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json<CaseBody>().version).toBe(2);
      expectError(
        await t.call(worker, 'PATCH', `/api/cases/${created.id}`, { version: 1, status: 'Closed' }),
        409,
        'case.version_conflict',
      );
      const analyst = await t.userWithRole('analyst', ngo);
      expectError(
        await t.call(analyst, 'PATCH', `/api/cases/${created.id}`, {
          version: 2,
          status: 'Closed',
        }),
        403,
        'access.denied',
      );
      expect(await t.auditActions('case.update')).toHaveLength(1);
    });
  });

  describe('break-glass', () => {
    it('notifies whoever oversees the case from above, else the system administrators', async () => {
      const responder = await responderIn(other);
      // `field` has no data manager of its own; the one of `ngo`, above it, oversees its cases.
      const inField = await create(field);
      const aboveManager = await t.userWithRole('data_manager', ngo);
      const sideManager = await t.userWithRole('data_manager', other);
      const granted = await t.call(
        responder,
        'POST',
        `/api/cases/${inField.id}/break-glass`,
        reason,
      );
      expect(granted.statusCode, granted.body).toBe(201);
      const notified = async (session: Parameters<TestApp['call']>[0]) =>
        (await t.call(session, 'GET', '/api/notifications'))
          .json<{ items: { kind: string; targetId: string }[] }>()
          .items.some((item) => item.kind === 'case.break_glass' && item.targetId === inField.id);
      expect(await notified(aboveManager)).toBe(true);
      expect(await notified(sideManager)).toBe(false);

      // An organisation path that nobody oversees falls back on the system administrators.
      const lonely = await t.createOrg('lonely', t.rootOrgId);
      expect(await caseOverseers(t.database.db, [lonely])).toEqual([t.admin.userId]);
      expect(await caseOverseers(t.database.db, [ngo, field])).toEqual([aboveManager.userId]);
    });

    it('needs the verb and a reason, notifies the holder’s data manager, and is audited', async () => {
      const created = await create(other);
      const manager = await t.userWithRole('data_manager', other);
      const responder = await responderIn(ngo);
      const worker = await t.userWithRole('caseworker', ngo);
      const url = `/api/cases/${created.id}/break-glass`;

      expectError(
        await t.call(responder, 'GET', `/api/cases/${created.id}`),
        404,
        'case.not_found',
      );
      expectError(await t.call(worker, 'POST', url, reason), 403, 'access.denied');
      expectError(
        await t.call(responder, 'POST', url, { reason: 'urgent' }),
        400,
        'validation.failed',
        [['body', 'reason']],
      );
      const granted = await t.call(responder, 'POST', url, reason);
      expect(granted.statusCode, granted.body).toBe(201);

      const read = (await t.call(responder, 'GET', `/api/cases/${created.id}`)).json<
        CaseBody & { breakGlass: boolean }
      >();
      expect(read.breakGlass).toBe(true);
      expect(read.victim.identity).toMatchObject({ firstName: 'Amina' });
      // Emergency access is for reading: changing the case stays with its holder.
      expectError(
        await t.call(responder, 'PATCH', `/api/cases/${created.id}`, {
          version: 1,
          status: 'Closed',
        }),
        403,
        'access.denied',
      );
      expect(await t.auditActions('case.break_glass')).toContainEqual(
        expect.objectContaining({ actorId: responder.userId, targetId: created.id }),
      );
      expect(await t.auditActions('case.read_break_glass')).toHaveLength(1);
      // Each part of the case read under the grant is audited as well.
      for (const part of ['consents', 'screenings', 'referrals']) {
        const response = await t.call(responder, 'GET', `/api/cases/${created.id}/${part}`);
        expect(response.statusCode, response.body).toBe(200);
        expect(await t.auditActions(`case.read_${part}`)).toEqual([
          expect.objectContaining({ actorId: responder.userId, targetId: created.id }),
        ]);
      }
      const notes = (await t.call(manager, 'GET', '/api/notifications')).json<{
        items: { kind: string; targetId: string }[];
      }>();
      expect(notes.items).toContainEqual(
        expect.objectContaining({ kind: 'case.break_glass', targetId: created.id }),
      );

      // The grant expires.
      t.clock.advance(5 * 60 * 60 * 1000);
      const again = await t.signIn(responder.email, 'Correct-Horse-Battery-7781');
      expectError(await t.call(again, 'GET', `/api/cases/${created.id}`), 404, 'case.not_found');
    });
  });

  describe('forget this person', () => {
    it('shreds identifying fields, keeps analytic facts, and is audited', async () => {
      const created = await create(ngo);
      const worker = await t.userWithRole('caseworker', ngo);
      const url = `/api/cases/${created.id}/forget`;
      expectError(
        await t.call(worker, 'POST', url, { confirmCaseNumber: 'WRONG' }),
        400,
        'case.forget_unconfirmed',
        [['body', 'confirmCaseNumber']],
      );
      const analyst = await t.userWithRole('analyst', ngo);
      expectError(
        await t.call(analyst, 'POST', url, { confirmCaseNumber: created.caseNumber }),
        403,
        'access.denied',
      );
      // Reasons sealed under the case's key elsewhere: an emergency access, a consent override.
      const responder = await responderIn(other);
      const glass = await t.call(responder, 'POST', `/api/cases/${created.id}/break-glass`, reason);
      expect(glass.statusCode, glass.body).toBe(201);
      const provider = await t.call(t.admin, 'POST', '/api/service-providers', {
        name: 'Clinic',
        kinds: ['medical'],
        country: 'COD',
        recipientOrganisationId: other,
      });
      const referred = await t.call(t.admin, 'POST', `/api/cases/${created.id}/referrals`, {
        providerId: provider.json<{ id: string }>().id,
        serviceKind: 'medical',
        overrideReason: 'Injured and unconscious; cannot be asked for consent tonight',
      });
      expect(referred.statusCode, referred.body).toBe(201);

      const done = await t.call(worker, 'POST', url, { confirmCaseNumber: created.caseNumber });
      expect(done.statusCode, done.body).toBe(204);
      for (const table of ['consent_overrides', 'break_glass_grants'] as const) {
        const reasons = await t.database.db
          .selectFrom(table)
          .select('reason_sealed')
          .where('case_id', '=', created.id)
          .execute();
        expect([table, reasons]).toEqual([table, [{ reason_sealed: null }]]);
      }

      const after = (await t.call(worker, 'GET', `/api/cases/${created.id}`)).json<CaseBody>();
      expect(after.forgotten).toBe(true);
      expect(after.victim.identity).toBeNull();
      expect(after.perpetrators[0]?.name).toBeNull();
      expect(after.victim.gender).toBe('Feminine');
      expect(after.victim.ageBand).toBe('21-23');
      const key = await t.database.db
        .selectFrom('data_keys')
        .innerJoin('cases', 'cases.data_key_id', 'data_keys.id')
        .select(['data_keys.wrapped', 'cases.identity_sealed'])
        .where('cases.id', '=', created.id)
        .executeTakeFirstOrThrow();
      expect(key).toEqual({ wrapped: null, identity_sealed: null });
      expect(await t.auditActions('case.forget')).toContainEqual(
        expect.objectContaining({ actorId: worker.userId, targetId: created.id }),
      );
      expectError(
        await t.call(worker, 'POST', url, { confirmCaseNumber: created.caseNumber }),
        410,
        'case.forgotten',
      );
    });
  });
});
