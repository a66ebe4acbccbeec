import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, expectExactKeys } from '../../../test-support/api-expect.js';
import { createTestApp, type TestApp, type TestSession } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';
import { buildCase } from '../../../test-support/case-fixtures.js';
import { everyPromptExplained } from '../../../shared/case-vocabulary.js';

describe.each(databaseKinds)('consent and referrals API on %s', (kind) => {
  let t: TestApp;
  let ngo: string;
  let shelterOrg: string;
  let worker: TestSession & { email: string };
  let caseId: string;
  let providerId: string;
  beforeEach(async () => {
    t = await createTestApp(kind);
    ngo = await t.createOrg('ngo', t.rootOrgId);
    shelterOrg = await t.createOrg('shelter', t.rootOrgId);
    worker = await t.userWithRole('caseworker', ngo);
    const created = await t.call(worker, 'POST', '/api/cases', buildCase(ngo));
    caseId = created.json<{ id: string }>().id;
    const provider = await t.call(t.admin, 'POST', '/api/service-providers', {
      name: 'Safe House Goma',
      kinds: ['shelter', 'medical'],
      country: 'COD',
      recipientOrganisationId: shelterOrg,
    });
    expect(provider.statusCode, provider.body).toBe(201);
    providerId = provider.json<{ id: string }>().id;
  });
  afterEach(async () => {
    await t.close();
  });

  const consent = (granted: boolean, prompts = everyPromptExplained) =>
    t.call(worker, 'POST', `/api/cases/${caseId}/consents`, {
      purpose: 'referral',
      granted,
      prompts,
    });
  const refer = (session: TestSession, extra: Record<string, unknown> = {}) =>
    t.call(session, 'POST', `/api/cases/${caseId}/referrals`, {
      providerId,
      serviceKind: 'shelter',
      note: 'Arrives tonight with one child',
      ...extra,
    });

  it('answers a replayed provider (same Idempotency-Key, same user) with the one it added', async () => {
    const add = (key: string) =>
      t.call(
        t.admin,
        'POST',
        '/api/service-providers',
        {
          name: 'Clinic Bukavu',
          kinds: ['medical'],
          country: 'COD',
          recipientOrganisationId: shelterOrg,
        },
        { 'idempotency-key': key },
      );
    const first = await add('provider-0a1b2c3d');
    expect(first.statusCode, first.body).toBe(201);
    const again = await Promise.all([add('provider-0a1b2c3d'), add('provider-0a1b2c3d')]);
    for (const replay of again) expect(replay.json()).toEqual(first.json());
    expect((await add('provider-99887766')).json<{ id: string }>().id).not.toBe(
      first.json<{ id: string }>().id,
    );
    // The one from beforeEach, the first and the one under another key.
    expect(await t.database.db.selectFrom('service_providers').selectAll().execute()).toHaveLength(
      3,
    );
    expect(await t.auditActions('provider.create')).toHaveLength(3);
  });

  describe('consent ledger', () => {
    it('answers a replayed entry (same Idempotency-Key, same user) with the one it made', async () => {
      const record = (session: TestSession, key: string) =>
        t.call(
          session,
          'POST',
          `/api/cases/${caseId}/consents`,
          { purpose: 'research', granted: true, prompts: everyPromptExplained },
          { 'idempotency-key': key },
        );
      const first = await record(worker, 'consent-0a1b2c3d');
      expect(first.statusCode, first.body).toBe(201);
      const firstId = first.json<{ id: string }>().id;
      const again = await Promise.all([
        record(worker, 'consent-0a1b2c3d'),
        record(worker, 'consent-0a1b2c3d'),
      ]);
      for (const replay of again) {
        expect(replay.statusCode, replay.body).toBe(201);
        expect(replay.json<{ id: string }>().id).toBe(firstId);
      }
      // Another key, or the same key from another user, is another submission.
      const colleague = await t.userWithRole('caseworker', ngo);
      expect((await record(worker, 'consent-99887766')).json<{ id: string }>().id).not.toBe(
        firstId,
      );
      expect((await record(colleague, 'consent-0a1b2c3d')).json<{ id: string }>().id).not.toBe(
        firstId,
      );
      expect(await t.database.db.selectFrom('consents').selectAll().execute()).toHaveLength(3);
      expect(await t.auditActions('consent.record')).toHaveLength(3);
      // Replayed after its entry was revoked, the answer says so: no longer in force.
      expect(first.json<{ inForce: boolean }>().inForce).toBe(true);
      const revoked = await t.call(
        worker,
        'POST',
        `/api/cases/${caseId}/consents/${firstId}/revoke`,
      );
      expect(revoked.statusCode, revoked.body).toBe(204);
      expect((await record(worker, 'consent-0a1b2c3d')).json()).toMatchObject({
        id: firstId,
        inForce: false,
        revokedAt: expect.any(String) as unknown,
      });
      expectError(await record(worker, 'short'), 400, 'validation.failed', [
        ['headers', 'idempotency-key'],
      ]);
    });

    it('records informed consent only, lists it in force, revokes it, and audits both', async () => {
      expectError(
        await consent(true, { ...everyPromptExplained, withdrawalExplained: false }),
        400,
        'consent.incomplete',
        [['body', 'prompts', 'withdrawalExplained']],
      );
      const analyst = await t.userWithRole('analyst', ngo);
      expectError(
        await t.call(analyst, 'POST', `/api/cases/${caseId}/consents`, {
          purpose: 'referral',
          granted: true,
          prompts: everyPromptExplained,
        }),
        403,
        'access.denied',
      );
      const recorded = await consent(true);
      expect(recorded.statusCode, recorded.body).toBe(201);
      const entry = recorded.json<{ id: string; inForce: boolean }>();
      expect(entry.inForce).toBe(true);
      const listed = (await t.call(worker, 'GET', `/api/cases/${caseId}/consents`)).json<{
        items: Record<string, unknown>[];
      }>();
      expectExactKeys(listed.items[0], [
        'givenBy',
        'granted',
        'id',
        'inForce',
        'prompts',
        'purpose',
        'recordedAt',
        'revokedAt',
      ]);
      const revoked = await t.call(
        worker,
        'POST',
        `/api/cases/${caseId}/consents/${entry.id}/revoke`,
      );
      expect(revoked.statusCode).toBe(204);
      const after = (await t.call(worker, 'GET', `/api/cases/${caseId}/consents`)).json<{
        items: { inForce: boolean; revokedAt: string | null }[];
      }>();
      expect(after.items[0]).toMatchObject({ inForce: false });
      expect(after.items[0]?.revokedAt).not.toBeNull();
      expect(await t.auditActions('consent.record')).toHaveLength(1);
      expect(await t.auditActions('consent.revoke')).toHaveLength(1);
    });
  });

  describe('referrals', () => {
    it('is refused without referral consent, then sent once consent is in force', async () => {
      expectError(await refer(worker), 403, 'consent.required');
      expect(await t.database.db.selectFrom('referrals').selectAll().execute()).toHaveLength(0);
      await consent(true);
      const sent = await refer(worker);
      expect(sent.statusCode, sent.body).toBe(201);
      expect(sent.json()).toMatchObject({
        status: 'sent',
        overdue: false,
        consentOverridden: false,
      });
      expect(sent.body).not.toContain('Amina');
      expect(await t.auditActions('referral.create')).toHaveLength(1);
    });

    it('after consent is revoked a new referral is blocked and open ones are revoked', async () => {
      const entry = (await consent(true)).json<{ id: string }>();
      const referralId = (await refer(worker)).json<{ id: string }>().id;
      const recipient = await t.userWithRole('caseworker', shelterOrg);
      const packet = () => t.call(recipient, 'GET', `/api/referrals/${referralId}/packet`);
      expect((await packet()).statusCode).toBe(200);

      await t.call(worker, 'POST', `/api/cases/${caseId}/consents/${entry.id}/revoke`);
      expectError(await refer(worker), 403, 'consent.required');
      // The referral sent under that consent ends with it: its packet no longer opens.
      const listed = (await t.call(worker, 'GET', `/api/cases/${caseId}/referrals`)).json<{
        items: { id: string; status: string }[];
      }>();
      expect(listed.items).toEqual([
        expect.objectContaining({ id: referralId, status: 'revoked' }),
      ]);
      expectError(await packet(), 410, 'referral.revoked');
      expect(await t.auditActions('referral.revoke')).toEqual([
        expect.objectContaining({ actorId: worker.userId, targetId: referralId }),
      ]);
    });

    it.runIf(kind === 'postgres')(
      'a consent change and a referral wait for each other on the case (PostgreSQL)',
      async () => {
        await consent(true);
        const settled: string[] = [];
        const pending: Promise<unknown>[] = [];
        await t.database.db.transaction().execute(async (trx) => {
          // Another writer holds the case: both must wait for it, not act on what they read. (A
          // lock that still lets foreign-key checks through, so only the services' own lock
          // makes them wait.)
          await trx
            .selectFrom('cases')
            .select('id')
            .where('id', '=', caseId)
            .forNoKeyUpdate()
            .execute();
          pending.push(consent(false).then(() => settled.push('consent')));
          pending.push(refer(worker).then(() => settled.push('refer')));
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect(settled).toEqual([]);
        });
        await Promise.all(pending);
        expect(settled).toHaveLength(2);
      },
    );

    it.runIf(kind === 'postgres')(
      'revoking consent while the recipient moves the referral: no deadlock, nothing overwritten (PostgreSQL)',
      async () => {
        const entry = (await consent(true)).json<{ id: string }>();
        const referralId = (await refer(worker)).json<{ id: string }>().id;
        const recipient = await t.userWithRole('caseworker', shelterOrg);
        const move = (status: string) =>
          t.call(recipient, 'PATCH', `/api/referrals/${referralId}`, { status });
        expect((await move('acknowledged')).statusCode).toBe(204);
        expect((await move('accepted')).statusCode).toBe(204);
        const answers: Promise<{ statusCode: number; body: string }>[] = [];
        await t.database.db.transaction().execute(async (trx) => {
          // The audit chain's head, which every write takes: held while both start, so the
          // revocation reaches it first and the recipient's change queues behind.
          await trx.selectFrom('audit_head').select('seq').forUpdate().execute();
          answers.push(t.call(worker, 'POST', `/api/cases/${caseId}/consents/${entry.id}/revoke`));
          await new Promise((resolve) => setTimeout(resolve, 150));
          answers.push(move('completed'));
          await new Promise((resolve) => setTimeout(resolve, 300));
        });
        const [revoked, completed] = await Promise.all(answers);
        expect(revoked?.statusCode, revoked?.body).toBe(204);
        // Whichever came first wins; the other is told, not failed.
        expect([204, 409], completed?.body).toContain(completed?.statusCode);
        const row = await t.database.db
          .selectFrom('referrals')
          .select('status')
          .where('id', '=', referralId)
          .executeTakeFirstOrThrow();
        expect(row.status).toBe(completed?.statusCode === 204 ? 'completed' : 'revoked');
        expect(await t.auditActions('referral.revoke')).toHaveLength(
          row.status === 'revoked' ? 1 : 0,
        );
      },
    );

    it('answers a replayed referral (same Idempotency-Key) with the one it made: one packet', async () => {
      await consent(true);
      const send = (key: string) =>
        t.call(
          worker,
          'POST',
          `/api/cases/${caseId}/referrals`,
          { providerId, serviceKind: 'shelter', note: 'Arrives tonight' },
          { 'idempotency-key': key },
        );
      const first = await send('refer-0a1b2c3d');
      expect(first.statusCode, first.body).toBe(201);
      const again = await Promise.all([send('refer-0a1b2c3d'), send('refer-0a1b2c3d')]);
      for (const replay of again) {
        expect(replay.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
      }
      expect((await send('refer-99887766')).json<{ id: string }>().id).not.toBe(
        first.json<{ id: string }>().id,
      );
      expect(await t.database.db.selectFrom('referrals').selectAll().execute()).toHaveLength(2);
      expect(await t.auditActions('referral.create')).toHaveLength(2);
    });

    it('a consent entry that refuses referral revokes the open referrals too', async () => {
      await consent(true);
      const referralId = (await refer(worker)).json<{ id: string }>().id;
      // Consent for another purpose changes nothing.
      const other = await t.call(worker, 'POST', `/api/cases/${caseId}/consents`, {
        purpose: 'research',
        granted: false,
        prompts: everyPromptExplained,
      });
      expect(other.statusCode, other.body).toBe(201);
      const status = async () =>
        (
          await t.database.db
            .selectFrom('referrals')
            .select('status')
            .where('id', '=', referralId)
            .executeTakeFirstOrThrow()
        ).status;
      expect(await status()).toBe('sent');
      expect((await consent(false)).statusCode).toBe(201);
      expect(await status()).toBe('revoked');
    });

    it('lets a user with consent.override refer with a reason, sealed and audited', async () => {
      const reason = 'Child at immediate risk; guardian unreachable after three attempts';
      expectError(await refer(worker, { overrideReason: reason }), 403, 'access.denied');
      const manager = await t.userWithRole('data_manager', ngo);
      const sent = await refer(manager, { overrideReason: reason });
      expect(sent.statusCode, sent.body).toBe(201);
      expect(sent.json()).toMatchObject({ consentOverridden: true });
      const overrides = await t.database.db.selectFrom('consent_overrides').selectAll().execute();
      expect(overrides).toHaveLength(1);
      expect(JSON.stringify(overrides)).not.toContain('guardian');
      expect(await t.auditActions('consent.override')).toContainEqual(
        expect.objectContaining({ actorId: manager.userId }),
      );
    });

    it('the recipient sees only the packet its service needs, and moves the status', async () => {
      await consent(true);
      const referralId = (await refer(worker)).json<{ id: string }>().id;
      const recipient = await t.userWithRole('caseworker', shelterOrg);

      const inbox = (await t.call(recipient, 'GET', '/api/referrals/inbox')).json<{
        items: Record<string, unknown>[];
      }>();
      expect(inbox.items.map((item) => item.id)).toEqual([referralId]);
      // The referring organisation's case id is not the recipient's to know.
      expectExactKeys(inbox.items[0] ?? {}, [
        'acknowledgeBy',
        'acknowledgedAt',
        'caseNumber',
        'consentOverridden',
        'id',
        'overdue',
        'providerId',
        'providerName',
        'sentAt',
        'serviceKind',
        'status',
      ]);
      expect((await t.call(worker, 'GET', '/api/referrals/inbox')).json()).toEqual({ items: [] });

      const packet = await t.call(recipient, 'GET', `/api/referrals/${referralId}/packet`);
      expect(packet.statusCode, packet.body).toBe(200);
      const body = packet.json<{ packet: Record<string, unknown> }>();
      expectExactKeys(body.packet, ['ageYears', 'gender', 'languages', 'name', 'notes', 'phone']);
      expect(body.packet).toMatchObject({
        name: 'Amina Diallo',
        notes: 'Arrives tonight with one child',
      });
      expect(packet.body).not.toContain('2001-04-02');
      expect(await t.auditActions('referral.read_packet')).toHaveLength(1);

      // The recipient cannot open the case itself, nor can the sender open the packet.
      expectError(await t.call(recipient, 'GET', `/api/cases/${caseId}`), 404, 'case.not_found');
      expectError(
        await t.call(worker, 'GET', `/api/referrals/${referralId}/packet`),
        404,
        'referral.not_found',
      );

      const move = (session: TestSession, status: string) =>
        t.call(session, 'PATCH', `/api/referrals/${referralId}`, { status });
      expectError(await move(worker, 'accepted'), 403, 'access.denied');
      expect((await move(recipient, 'acknowledged')).statusCode).toBe(204);
      expectError(await move(recipient, 'sent'), 409, 'referral.invalid_transition');
      expect((await move(recipient, 'accepted')).statusCode).toBe(204);
      expect((await move(worker, 'revoked')).statusCode).toBe(204);
      expectError(await move(recipient, 'completed'), 409, 'referral.invalid_transition');
    });

    it('flags a referral overdue once its acknowledgement deadline passes', async () => {
      await consent(true);
      await refer(worker, { acknowledgeWithinDays: 2 });
      t.clock.advance(3 * 86_400_000);
      const again = await t.signIn(worker.email, 'Correct-Horse-Battery-7781');
      const list = (await t.call(again, 'GET', `/api/cases/${caseId}/referrals`)).json<{
        items: { overdue: boolean }[];
      }>();
      expect(list.items[0]?.overdue).toBe(true);
    });

    it('refuses a provider that does not offer the service', async () => {
      await consent(true);
      expectError(await refer(worker, { serviceKind: 'legal' }), 409, 'provider.unavailable');
    });
  });
});
