import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, expectExactKeys } from '../../../test-support/api-expect.js';
import {
  createRole,
  createTestApp,
  type TestApp,
  type TestSession,
} from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

const day = 86_400_000;
const tokenKeys = [
  'createdAt',
  'expiresAt',
  'id',
  'lastUsedAt',
  'name',
  'organisationId',
  'revokedAt',
  'verbs',
] as const;

interface CreatedToken {
  id: string;
  secret: string;
  verbs: string[];
}

describe.each(databaseKinds)('API tokens on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  const createToken = async (
    session: TestSession,
    body: { organisationId: string; verbs: string[]; expiresInDays?: number },
  ): Promise<CreatedToken> => {
    const response = await t.call(session, 'POST', '/api/tokens', { name: 'integration', ...body });
    expect(response.statusCode).toBe(201);
    return response.json<CreatedToken>();
  };

  const withBearer = (authorization: string, url: string) =>
    t.app.inject({ method: 'GET', url, headers: { authorization } });

  const childOrg = () => t.createOrg('field-office', t.rootOrgId);

  describe('POST /api/tokens', () => {
    it('walks the ladder and shows the secret once', async () => {
      const body = { name: 'nightly export', organisationId: t.rootOrgId, verbs: ['org.read'] };
      // 401
      expectError(await t.call(null, 'POST', '/api/tokens', body), 401, 'auth.required');
      // 403: a caseworker does not hold token.manage
      const caseworker = await t.userWithRole('caseworker');
      expectError(await t.call(caseworker, 'POST', '/api/tokens', body), 403, 'access.denied');
      // 400 with exact paths
      expectError(
        await t.call(t.admin, 'POST', '/api/tokens', { ...body, verbs: ['org.fly'] }),
        400,
        'validation.failed',
        [['body', 'verbs', 0]],
      );
      expectError(
        await t.call(t.admin, 'POST', '/api/tokens', { ...body, verbs: [] }),
        400,
        'validation.failed',
        [['body', 'verbs']],
      );
      expectError(
        await t.call(t.admin, 'POST', '/api/tokens', { ...body, expiresInDays: 400 }),
        400,
        'validation.failed',
        [['body', 'expiresInDays']],
      );
      expect((await t.call(t.admin, 'GET', '/api/tokens')).json()).toEqual({ items: [] });

      // 201
      const created = await t.call(t.admin, 'POST', '/api/tokens', body);
      expect(created.statusCode).toBe(201);
      const token = created.json<CreatedToken & Record<string, unknown>>();
      expectExactKeys(token, [...tokenKeys, 'secret']);
      expect(token.secret).toMatch(/^vgl_[A-Za-z0-9_-]{40,}$/);
      expect(token).toMatchObject({ verbs: ['org.read'], revokedAt: null, lastUsedAt: null });
      expect(Date.parse(token.expiresAt as string) - t.clock.now().getTime()).toBe(90 * day);

      // Never again: the list carries neither the secret nor its hash.
      const listed = await t.call(t.admin, 'GET', '/api/tokens');
      expect(listed.statusCode).toBe(200);
      const items = listed.json<{ items: Record<string, unknown>[] }>().items;
      expect(items.map((item) => item.id)).toEqual([token.id]);
      expectExactKeys(items[0], tokenKeys);
      expect(listed.body).not.toContain(token.secret);
      expect(listed.body).not.toContain(token.secret.slice(4));

      // The audit entry.
      expect(await t.auditActions('token.create')).toEqual([
        { actorId: t.admin.userId, targetId: token.id, outcome: 'success' },
      ]);
      // Only a hash is stored.
      const row = await t.database.db
        .selectFrom('api_tokens')
        .selectAll()
        .where('id', '=', token.id)
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(token.secret.slice(4));
    });

    it.each([
      [
        'a verb the creator’s role lacks (org admin asking for case.break_glass)',
        'admin',
        ['org.read', 'case.break_glass'],
      ],
      ['a custom role asking beyond its verbs', 'token_keeper', ['org.read', 'user.create']],
    ])('refuses %s with token.verbs_exceed_grant', async (_label, role, verbs) => {
      await createRole(t.services, 'token_keeper', ['token.manage', 'org.read']);
      const creator = await t.userWithRole(role);
      const response = await t.call(creator, 'POST', '/api/tokens', {
        name: 'too strong',
        organisationId: t.rootOrgId,
        verbs,
      });
      const error = expectError(response, 403, 'token.verbs_exceed_grant', [['body', 'verbs']]);
      expect(error.details).toMatchObject([{ issue: 'exceeds_grant' }]);
      expect(await t.auditActions('token.create')).toEqual([]);
      // Within the grant, the same creator succeeds.
      await createToken(creator, { organisationId: t.rootOrgId, verbs: ['org.read'] });
    });

    it('refuses a token for an organisation outside the creator’s grant', async () => {
      const child = await childOrg();
      const childAdmin = await t.userWithRole('admin', child);
      expectError(
        await t.call(childAdmin, 'POST', '/api/tokens', {
          name: 'escalation',
          organisationId: t.rootOrgId,
          verbs: ['org.read'],
        }),
        403,
        'access.denied',
      );
    });

    it('a token cannot mint tokens', async () => {
      const token = await createToken(t.admin, {
        organisationId: t.rootOrgId,
        verbs: ['token.manage', 'org.read'],
      });
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: { authorization: `Bearer ${token.secret}`, 'content-type': 'application/json' },
        payload: JSON.stringify({
          name: 'child',
          organisationId: t.rootOrgId,
          verbs: ['org.read'],
        }),
      });
      expectError(response, 403, 'access.denied');
    });
  });

  describe('bearer authentication', () => {
    it('works for GET /api/organisations within the token’s organisation only', async () => {
      const child = await childOrg();
      const token = await createToken(t.admin, { organisationId: child, verbs: ['org.read'] });
      const auth = `Bearer ${token.secret}`;

      const listed = await withBearer(auth, '/api/organisations');
      expect(listed.statusCode).toBe(200);
      expect(listed.json<{ items: { id: string }[] }>().items.map((o) => o.id)).toEqual([child]);
      expect((await withBearer(auth, `/api/organisations/${child}`)).statusCode).toBe(200);
      expectError(
        await withBearer(auth, `/api/organisations/${t.rootOrgId}`),
        403,
        'access.denied',
      );
      // The token is not a session: it gets no enrolment or CSRF token.
      expect((await withBearer(auth, '/api/me')).json()).toMatchObject({ csrfToken: null });
      // Use is recorded.
      const [listedToken] = (await t.call(t.admin, 'GET', '/api/tokens')).json<{
        items: { lastUsedAt: string | null }[];
      }>().items;
      expect(listedToken?.lastUsedAt).toBe(t.clock.now().toISOString());
    });

    it('a token carries only its verbs, not all of its creator’s', async () => {
      const token = await createToken(t.admin, {
        organisationId: t.rootOrgId,
        verbs: ['org.read'],
      });
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/organisations',
        headers: { authorization: `Bearer ${token.secret}`, 'content-type': 'application/json' },
        payload: JSON.stringify({ name: 'X', slug: 'x-org', type: 'ngo', parentId: t.rootOrgId }),
      });
      expectError(response, 403, 'access.denied');
    });

    it.each([
      [23 * 60, 200],
      [24 * 60 + 1, 401],
    ])('a one-day token used after %i minutes answers %i', async (after, status) => {
      const token = await createToken(t.admin, {
        organisationId: t.rootOrgId,
        verbs: ['org.read'],
        expiresInDays: 1,
      });
      t.clock.advance(after * 60_000);
      const response = await withBearer(`Bearer ${token.secret}`, '/api/organisations');
      expect(response.statusCode).toBe(status);
      if (status === 401) expectError(response, 401, 'auth.token_invalid');
    });

    it('DELETE /api/tokens/:id revokes it', async () => {
      const token = await createToken(t.admin, {
        organisationId: t.rootOrgId,
        verbs: ['org.read'],
      });
      const auth = `Bearer ${token.secret}`;
      expect((await withBearer(auth, '/api/organisations')).statusCode).toBe(200);

      const stranger = await t.userWithRole('caseworker');
      expectError(
        await t.call(stranger, 'DELETE', `/api/tokens/${token.id}`),
        403,
        'access.denied',
      );
      expect((await withBearer(auth, '/api/organisations')).statusCode).toBe(200);

      expect((await t.call(t.admin, 'DELETE', `/api/tokens/${token.id}`)).statusCode).toBe(204);
      expectError(await withBearer(auth, '/api/organisations'), 401, 'auth.token_invalid');
      expect(await t.auditActions('token.revoke')).toMatchObject([
        { actorId: t.admin.userId, targetId: token.id },
      ]);
      const [listed] = (await t.call(t.admin, 'GET', '/api/tokens')).json<{
        items: { revokedAt: string | null }[];
      }>().items;
      expect(listed?.revokedAt).toBe(t.clock.now().toISOString());
    });

    it.each([
      ['a scheme without a token', 'Bearer'],
      ['a token with a space in it', 'Bearer vgl_abc def'],
      ['another scheme', 'Basic dXNlcjpwYXNz'],
      ['a token without the vgl_ prefix', 'Bearer abcdefghijklmnopqrstuvwxyz0123456789'],
      ['an unknown token', 'Bearer vgl_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'],
    ])('refuses %s with auth.token_invalid', async (_label, header) => {
      expectError(await withBearer(header, '/api/organisations'), 401, 'auth.token_invalid');
    });

    it('refuses a real token with one character changed', async () => {
      const token = await createToken(t.admin, {
        organisationId: t.rootOrgId,
        verbs: ['org.read'],
      });
      const last = token.secret.at(-1) === 'A' ? 'B' : 'A';
      expectError(
        await withBearer(`Bearer ${token.secret.slice(0, -1)}${last}`, '/api/organisations'),
        401,
        'auth.token_invalid',
      );
    });

    it.each([
      ['its owner’s membership is deleted', 'membership'],
      ['its owner’s role loses the verb', 'role'],
    ])('loses power when %s', async (_label, change) => {
      await createRole(t.services, 'token_keeper', ['token.manage', 'org.read']);
      const child = await childOrg();
      const owner = await t.userWithRole('token_keeper', child);
      const token = await createToken(owner, { organisationId: child, verbs: ['org.read'] });
      const auth = `Bearer ${token.secret}`;
      expect((await withBearer(auth, `/api/organisations/${child}`)).statusCode).toBe(200);

      if (change === 'membership') {
        const memberships = await t.call(t.admin, 'GET', `/api/memberships?userId=${owner.userId}`);
        const [membership] = memberships.json<{ items: { id: string }[] }>().items;
        const removed = await t.call(t.admin, 'DELETE', `/api/memberships/${membership?.id ?? ''}`);
        expect(removed.statusCode).toBe(204);
      } else {
        const updated = await t.call(t.admin, 'PUT', '/api/roles/token_keeper', {
          verbs: ['token.manage'],
        });
        expect(updated.statusCode).toBe(200);
      }

      expectError(await withBearer(auth, `/api/organisations/${child}`), 403, 'access.denied');
      const listed = await withBearer(auth, '/api/organisations');
      expect(listed.json<{ items: unknown[] }>().items).toEqual([]);
    });

    it('dies with its owner’s account', async () => {
      const owner = await t.userWithRole('admin');
      const token = await createToken(owner, { organisationId: t.rootOrgId, verbs: ['org.read'] });
      await t.call(t.admin, 'PATCH', `/api/users/${owner.userId}`, { disabled: true });
      expectError(
        await withBearer(`Bearer ${token.secret}`, '/api/organisations'),
        401,
        'auth.token_invalid',
      );
    });
  });
});
