import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../../../test-support/api-expect.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

interface Write {
  method: 'POST' | 'PATCH' | 'DELETE';
  url: (ids: { rootOrgId: string; tokenId: string }) => string;
  body?: unknown;
}

// One write per method, each on something whose state the test reads back.
const writes: [string, Write][] = [
  [
    'POST /api/organisations',
    {
      method: 'POST',
      url: () => '/api/organisations',
      body: { name: 'Forged', slug: 'forged', type: 'ngo' },
    },
  ],
  [
    'PATCH /api/organisations/:id',
    {
      method: 'PATCH',
      url: ({ rootOrgId }) => `/api/organisations/${rootOrgId}`,
      body: { name: 'Renamed by a forged request' },
    },
  ],
  ['DELETE /api/tokens/:id', { method: 'DELETE', url: ({ tokenId }) => `/api/tokens/${tokenId}` }],
  ['PATCH /api/me', { method: 'PATCH', url: () => '/api/me', body: { displayName: 'Forged' } }],
  ['POST /api/auth/logout', { method: 'POST', url: () => '/api/auth/logout' }],
];

describe.each(databaseKinds)('CSRF protection on %s', (kind) => {
  let t: TestApp;
  let tokenId: string;
  let tokenSecret: string;
  beforeEach(async () => {
    t = await createTestApp(kind);
    const created = await t.call(t.admin, 'POST', '/api/tokens', {
      name: 'ci',
      organisationId: t.rootOrgId,
      verbs: ['org.read', 'org.create'],
    });
    expect(created.statusCode).toBe(201);
    ({ id: tokenId, secret: tokenSecret } = created.json<{ id: string; secret: string }>());
  });
  afterEach(async () => {
    await t.close();
  });

  /** Everything a forged write could change, read back as the system. */
  const snapshot = async () => {
    const db = t.database.db;
    return {
      organisations: await db.selectFrom('organisations').selectAll().orderBy('id').execute(),
      tokens: await db.selectFrom('api_tokens').selectAll().orderBy('id').execute(),
      users: await db.selectFrom('users').select(['id', 'display_name']).orderBy('id').execute(),
      sessions: await db
        .selectFrom('sessions')
        .select(['id_hash', 'revoked_at'])
        .orderBy('id_hash')
        .execute(),
      auditHead: (await t.services.audit.verify(db)).headHash,
    };
  };

  const send = (write: Write, csrf: string | undefined) =>
    t.app.inject({
      method: write.method,
      url: write.url({ rootOrgId: t.rootOrgId, tokenId }),
      headers: {
        cookie: `vigil_session=${t.admin.cookie}`,
        ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }),
        ...(write.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(write.body === undefined ? {} : { payload: JSON.stringify(write.body) }),
    });

  describe.each(writes)('%s with the session cookie', (_label, write) => {
    it.each([
      ['no x-csrf-token', () => undefined],
      ['an empty x-csrf-token', () => ''],
      ['a made-up x-csrf-token', () => 'not-the-token-of-this-session'],
      ['the token with one character changed', () => `${t.admin.csrf.slice(0, -1)}!`],
      ['another session’s x-csrf-token', async () => (await t.userWithRole('caseworker')).csrf],
    ])('is refused with %s and changes nothing', async (_how, csrfOf) => {
      const csrf = await csrfOf();
      const before = await snapshot();
      expectError(await send(write, csrf), 403, 'auth.csrf_failed');
      expect(await snapshot()).toEqual(before);
    });

    it('succeeds with the session’s own x-csrf-token (the refusal was about CSRF)', async () => {
      const response = await send(write, t.admin.csrf);
      expect(response.statusCode).toBeGreaterThanOrEqual(200);
      expect(response.statusCode).toBeLessThan(300);
    });
  });

  it.each(['/api/organisations', '/api/me', '/api/tokens', `/api/users`])(
    'GET %s needs no x-csrf-token',
    async (url) => {
      const response = await t.app.inject({
        method: 'GET',
        url,
        headers: { cookie: `vigil_session=${t.admin.cookie}` },
      });
      expect(response.statusCode).toBe(200);
    },
  );

  it('a bearer-token write needs no x-csrf-token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { authorization: `Bearer ${tokenSecret}`, 'content-type': 'application/json' },
      payload: JSON.stringify({
        name: 'Field office',
        slug: 'field-office',
        type: 'ngo',
        parentId: t.rootOrgId,
      }),
    });
    expect(response.statusCode).toBe(201);
    expect((await t.auditActions('org.create'))[0]).toMatchObject({ actorId: tokenId });
  });
});
