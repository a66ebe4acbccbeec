import { beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../../../test-support/api-expect.js';
import { casesApiWorld, type CaseBody } from '../../../test-support/cases-api-world.js';
import { testPassword, type TestApp } from '../../../test-support/test-app.js';
import { buildCase } from '../../../test-support/case-fixtures.js';
import { databaseKinds } from '../../../test-support/test-db.js';

const unknownId = '00000000-0000-4000-8000-000000000000';

describe.each(databaseKinds)('cases API on %s', (kind) => {
  const w = casesApiWorld(kind);
  const { create } = w;
  let t: TestApp;
  // root ─┬─ ngo ── field
  //       └─ other
  let ngo: string;
  let field: string;
  let other: string;
  beforeEach(() => {
    ({ t, ngo, field, other } = w);
  });

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
});
