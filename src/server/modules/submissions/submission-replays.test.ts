import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../../../test-support/api-expect.js';
import { buildCase } from '../../../test-support/case-fixtures.js';
import { everyPromptExplained } from '../../../shared/case-vocabulary.js';
import { createTestApp, type TestApp, type TestSession } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

// A key sent again with other content is refused (422) and changes nothing, on every creating
// endpoint that takes an Idempotency-Key; the same content is still answered as a replay.

/** Refused as a reused key; the answer names the case the first request concerned, if any. */
const reused = (response: Awaited<ReturnType<TestApp['call']>>, caseId: string | null) => {
  const body = expectError(response, 422, 'request.idempotency_key_reused');
  expect(body.details).toEqual(caseId === null ? {} : { caseId });
};

describe.each(databaseKinds)('Idempotency-Key reuse on %s', (kind) => {
  let t: TestApp;
  let ngo: string;
  let shelterOrg: string;
  let worker: TestSession & { email: string };
  let caseId: string;
  let providerId: string;
  const count = async (
    table: 'cases' | 'consents' | 'screenings' | 'referrals' | 'service_providers',
  ) => (await t.database.db.selectFrom(table).select('id').execute()).length;
  const keyed = (key: string) => ({ 'idempotency-key': key });

  beforeEach(async () => {
    t = await createTestApp(kind);
    ngo = await t.createOrg('ngo', t.rootOrgId);
    shelterOrg = await t.createOrg('shelter', t.rootOrgId);
    worker = await t.userWithRole('caseworker', ngo);
    caseId = (await t.call(worker, 'POST', '/api/cases', buildCase(ngo))).json<{ id: string }>().id;
    const provider = await t.call(t.admin, 'POST', '/api/service-providers', {
      name: 'Safe House Goma',
      kinds: ['shelter'],
      country: 'COD',
      recipientOrganisationId: shelterOrg,
    });
    providerId = provider.json<{ id: string }>().id;
  });
  afterEach(async () => {
    await t.close();
  });

  it('cases: other answers under the same key are refused, the same answers replayed', async () => {
    const first = await t.call(worker, 'POST', '/api/cases', buildCase(ngo), keyed('case-form-1'));
    expect(first.statusCode, first.body).toBe(201);
    const before = await count('cases');
    const changed = buildCase(ngo, { victim: { gender: 'Masculine' } });
    reused(
      await t.call(worker, 'POST', '/api/cases', changed, keyed('case-form-1')),
      first.json<{ id: string }>().id,
    );
    // The same key for another organisation is another request too.
    const elsewhere = await t.createOrg('elsewhere', t.rootOrgId);
    const admins = await t.call(
      t.admin,
      'POST',
      '/api/cases',
      buildCase(ngo),
      keyed('admin-key-1'),
    );
    expect(admins.statusCode, admins.body).toBe(201);
    reused(
      await t.call(t.admin, 'POST', '/api/cases', buildCase(elsewhere), keyed('admin-key-1')),
      admins.json<{ id: string }>().id,
    );
    expect(await count('cases')).toBe(before + 1);
    const replay = await t.call(worker, 'POST', '/api/cases', buildCase(ngo), keyed('case-form-1'));
    expect(replay.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
    expect(await count('cases')).toBe(before + 1);
  });

  it('consent, screening and referral: other content or another case is refused', async () => {
    const secondCase = (await t.call(worker, 'POST', '/api/cases', buildCase(ngo))).json<{
      id: string;
    }>().id;
    const consent = (onCase: string, granted: boolean) =>
      t.call(
        worker,
        'POST',
        `/api/cases/${onCase}/consents`,
        { purpose: 'referral', granted, prompts: everyPromptExplained },
        keyed('consent-key-1'),
      );
    expect((await consent(caseId, true)).statusCode).toBe(201);
    reused(await consent(caseId, false), caseId);
    reused(await consent(secondCase, true), caseId);
    expect(await count('consents')).toBe(1);
    expect((await consent(caseId, true)).statusCode).toBe(201);

    const screen = (indicators: string[]) =>
      t.call(
        worker,
        'POST',
        `/api/cases/${caseId}/screenings`,
        { profile: 'adult_labour', indicators },
        keyed('screening-key-1'),
      );
    expect((await screen(['deceptive_recruitment.wages'])).statusCode).toBe(201);
    reused(
      await screen(['deceptive_recruitment.wages', 'coercion_at_destination.debt_bondage']),
      caseId,
    );
    expect(await count('screenings')).toBe(1);

    const refer = (note: string) =>
      t.call(
        worker,
        'POST',
        `/api/cases/${caseId}/referrals`,
        { providerId, serviceKind: 'shelter', note },
        keyed('referral-key-1'),
      );
    const sent = await refer('Arrives tonight');
    expect(sent.statusCode, sent.body).toBe(201);
    reused(await refer('Arrives tomorrow'), caseId);
    expect(await count('referrals')).toBe(1);
    expect((await refer('Arrives tonight')).json<{ id: string }>().id).toBe(
      sent.json<{ id: string }>().id,
    );
    expect(await t.auditActions('referral.create')).toHaveLength(1);
  });

  it('one key sent for two cases at the same moment makes one entry; the other is refused', async () => {
    const secondCase = (await t.call(worker, 'POST', '/api/cases', buildCase(ngo))).json<{
      id: string;
    }>().id;
    const consent = (onCase: string) =>
      t.call(
        worker,
        'POST',
        `/api/cases/${onCase}/consents`,
        { purpose: 'research', granted: true, prompts: everyPromptExplained },
        keyed('consent-both-1'),
      );
    const answers = await Promise.all([consent(caseId), consent(secondCase)]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 422]);
    // The refusal names the case the key went to, as a refusal of a later replay would.
    const winner = answers[0].statusCode === 201 ? caseId : secondCase;
    const loser = answers.find((one) => one.statusCode === 422);
    if (loser === undefined) throw new Error('no request was refused');
    reused(loser, winner);
    expect(await count('consents')).toBe(1);
    expect(await t.auditActions('consent.record')).toHaveLength(1);
  });

  it('service providers: another provider under the same key is refused', async () => {
    const add = (name: string) =>
      t.call(
        t.admin,
        'POST',
        '/api/service-providers',
        { name, kinds: ['medical'], country: 'COD', recipientOrganisationId: shelterOrg },
        keyed('provider-key-1'),
      );
    expect((await add('Clinic A')).statusCode).toBe(201);
    reused(await add('Clinic B'), null);
    expect(await count('service_providers')).toBe(2);
    expect((await add('Clinic A')).statusCode).toBe(201);
    expect(await count('service_providers')).toBe(2);
  });

  it('what was submitted about a person is deleted when the person is forgotten', async () => {
    const kept = await t.call(
      worker,
      'POST',
      `/api/cases/${caseId}/consents`,
      { purpose: 'research', granted: true, prompts: everyPromptExplained },
      keyed('other-case-consent-1'),
    );
    expect(kept.statusCode, kept.body).toBe(201);
    const created = await t.call(
      worker,
      'POST',
      '/api/cases',
      buildCase(ngo),
      keyed('forget-me-1'),
    );
    const id = created.json<{ id: string; caseNumber: string }>().id;
    await t.call(
      worker,
      'POST',
      `/api/cases/${id}/consents`,
      { purpose: 'research', granted: true, prompts: everyPromptExplained },
      keyed('forget-consent-1'),
    );
    const ofCase = async () =>
      (
        await t.database.db
          .selectFrom('submissions')
          .select('scope')
          .where('case_id', '=', id)
          .execute()
      )
        .map((row) => row.scope)
        .sort();
    expect(await ofCase()).toEqual(['case', 'consent']);
    const forgotten = await t.call(t.admin, 'POST', `/api/cases/${id}/forget`, {
      confirmCaseNumber: created.json<{ caseNumber: string }>().caseNumber,
    });
    expect(forgotten.statusCode, forgotten.body).toBe(204);
    expect(await ofCase()).toEqual([]);
    // Other cases' submissions stay.
    expect(await t.database.db.selectFrom('submissions').select('case_id').execute()).toEqual([
      { case_id: caseId },
    ]);
  });
});

describe('Idempotency-Key in OpenAPI', () => {
  it('is a documented optional header of every creating endpoint that takes one', async () => {
    const t = await createTestApp('sqlite');
    try {
      const doc = (await t.call(t.admin, 'GET', '/api/openapi.json')).json<{
        paths: Record<
          string,
          { post?: { parameters?: { in: string; name: string; required?: boolean }[] } }
        >;
      }>();
      for (const path of [
        '/api/cases',
        '/api/cases/{id}/consents',
        '/api/cases/{id}/screenings',
        '/api/cases/{id}/referrals',
        '/api/service-providers',
      ]) {
        const header = doc.paths[path]?.post?.parameters?.find(
          (parameter) => parameter.in === 'header' && parameter.name === 'idempotency-key',
        );
        expect(header, path).toBeDefined();
        expect(header?.required ?? false, path).toBe(false);
      }
    } finally {
      await t.close();
    }
  });
});
