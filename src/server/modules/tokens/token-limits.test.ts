import { describe, expect, it } from 'vitest';
import { expectError } from '../../../test-support/api-expect.js';
import { buildCase } from '../../../test-support/case-fixtures.js';
import { casesApiWorld } from '../../../test-support/cases-api-world.js';
import { createRole } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

// What an API token may not do although its owner could hand it the verbs: reach a child
// organisation's cases through verbs that stop at the organisation holding them, change its
// owner's account, or meet another owner's Idempotency-Keys.
describe.each(databaseKinds)('API token limits on %s', (kind) => {
  const w = casesApiWorld(kind);
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const get = (secret: string, url: string) =>
    w.t.app.inject({ method: 'GET', url, headers: bearer(secret) });

  /** A caseworker of `ngo` (above `field`) who may also make tokens: a custom role. */
  const keeperOfNgo = async () => {
    await createRole(w.t.services, 'case_tokens', [
      'token.manage',
      'case.read',
      'case.read_identifying',
      'case.create',
    ]);
    return w.t.userWithRole('case_tokens', w.ngo);
  };
  const tokenFor = async (
    owner: Parameters<typeof w.t.call>[0],
    organisationId: string,
    verbs: string[],
  ) => {
    const response = await w.t.call(owner, 'POST', '/api/tokens', {
      name: 'integration',
      organisationId,
      verbs,
    });
    return response;
  };

  it('does not carry a parent’s caseworker into a child organisation’s cases', async () => {
    const owner = await keeperOfNgo();
    const inField = await w.create(w.field);
    // Signed in, the caseworker of the parent does not see the child's case.
    expectError(await w.t.call(owner, 'GET', `/api/cases/${inField.id}`), 404, 'case.not_found');
    // Nor may they make a token that would.
    const refused = await tokenFor(owner, w.field, ['case.read', 'case.read_identifying']);
    expectError(refused, 403, 'token.verbs_exceed_grant', [['body', 'verbs']]);
    // A token made before this rule, holding the verbs anyway, does not see it either.
    const { secret } = await w.t.database.db.transaction().execute((trx) =>
      w.t.services.tokens.createFor(
        trx,
        { actor: { kind: 'system' }, requestId: null },
        owner.userId,
        {
          name: 'older',
          organisationId: w.field,
          verbs: ['case.read', 'case.read_identifying'],
          expiresInDays: 30,
        },
      ),
    );
    expectError(await get(secret, `/api/cases/${inField.id}`), 404, 'case.not_found');
    // In the organisation where the owner holds the verbs, the token works as they do.
    const inNgo = await w.create(w.ngo);
    const own = await tokenFor(owner, w.ngo, ['case.read', 'case.read_identifying']);
    expect(own.statusCode, own.body).toBe(201);
    const seen = await get(own.json<{ secret: string }>().secret, `/api/cases/${inNgo.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json<{ victim: { identity: unknown } }>().victim.identity).not.toBeNull();
  });

  it('reads its owner’s account but changes nothing of it', async () => {
    const owner = await keeperOfNgo();
    const made = await tokenFor(owner, w.ngo, ['case.read']);
    const { secret } = made.json<{ secret: string }>();
    const me = await get(secret, '/api/me');
    expect(me.statusCode, me.body).toBe(200);
    const writes: [method: 'PATCH' | 'POST', url: string, body: unknown][] = [
      ['PATCH', '/api/me', { displayName: 'Taken over' }],
      ['POST', '/api/me/password', { currentPassword: 'x', newPassword: 'y' }],
      ['POST', '/api/me/totp', {}],
      ['POST', '/api/me/totp/confirm', { code: '123456' }],
      ['POST', '/api/me/recovery-codes', {}],
    ];
    for (const [method, url, body] of writes) {
      const response = await w.t.app.inject({
        method,
        url,
        headers: bearer(secret),
        payload: body as Record<string, unknown>,
      });
      expect([url, response.statusCode, response.json<{ code: string }>().code]).toEqual([
        url,
        403,
        'access.denied',
      ]);
    }
    const after = (await w.t.call(owner, 'GET', '/api/me')).json<{
      user: { displayName: string };
    }>();
    expect(after.user.displayName).not.toBe('Taken over');
  });

  it('keeps one owner’s Idempotency-Keys apart from another’s', async () => {
    const first = await keeperOfNgo();
    const second = await w.t.userWithRole('case_tokens', w.other);
    const tokenOf = async (owner: typeof first, organisationId: string) =>
      (await tokenFor(owner, organisationId, ['case.create', 'case.read'])).json<{
        secret: string;
      }>().secret;
    const post = (secret: string, organisationId: string) =>
      w.t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: { ...bearer(secret), 'idempotency-key': 'row-00000001' },
        payload: buildCase(organisationId),
      });
    const one = await post(await tokenOf(first, w.ngo), w.ngo);
    expect(one.statusCode, one.body).toBe(201);
    const two = await post(await tokenOf(second, w.other), w.other);
    expect(two.statusCode, two.body).toBe(201);
    expect(two.json<{ id: string }>().id).not.toBe(one.json<{ id: string }>().id);
  });
});
