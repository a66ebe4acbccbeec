import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorCatalog, type ErrorCode } from '../../../shared/error-codes.js';
import { expectError } from '../../../test-support/api-expect.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

const bodyLimit = 65_536;

/** Checks the one error shape: exactly these keys, the catalog's message, no stack. */
function expectErrorShape(response: LightMyRequestResponse, code: ErrorCode): void {
  expect({ status: response.statusCode, body: response.body }).toMatchObject({
    status: errorCatalog[code].status,
  });
  const body = response.json<Record<string, unknown>>();
  expect(Object.keys(body).sort()).toEqual(['code', 'details', 'message', 'requestId']);
  expect(body.code).toBe(code);
  expect(body.message).toBe(errorCatalog[code].message);
  expect(body.requestId).toBe(response.headers['x-request-id']);
  expect(response.body).not.toMatch(/stack|\bat .+\.(ts|js):\d+|node_modules|sqlite|postgres/i);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
}

describe.each(databaseKinds)('HTTP hardening on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await t.close();
  });

  /** A request from the signed-in system administrator, with cookie and CSRF header. */
  const asAdmin = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: string | Buffer,
    contentType = 'application/json',
  ) =>
    t.app.inject({
      method,
      url,
      headers: {
        cookie: `vigil_session=${t.admin.cookie}`,
        ...(method === 'GET' ? {} : { 'x-csrf-token': t.admin.csrf }),
        ...(payload === undefined ? {} : { 'content-type': contentType }),
      },
      ...(payload === undefined ? {} : { payload }),
    });

  const snapshot = async () => ({
    organisations: await t.database.db
      .selectFrom('organisations')
      .selectAll()
      .orderBy('id')
      .execute(),
    auditHead: (await t.services.audit.verify(t.database.db)).headHash,
  });

  describe('bodies that must change nothing', () => {
    // Each body would be accepted (and stored) if the guard under test were missing.
    const createBody = (rootOrgId: string) =>
      JSON.stringify({ name: 'Harbour', slug: 'harbour', type: 'ngo', parentId: rootOrgId });
    const targets = [
      {
        label: 'POST /api/organisations',
        method: 'POST' as const,
        url: () => '/api/organisations',
        valid: createBody,
      },
      {
        label: 'PATCH /api/organisations/:id',
        method: 'PATCH' as const,
        url: (rootOrgId: string) => `/api/organisations/${rootOrgId}`,
        valid: () => JSON.stringify({ name: 'Harbour' }),
      },
    ];
    const cases: [string, (valid: string) => string | Buffer, number, ErrorCode][] = [
      ['malformed JSON', (valid) => valid.slice(0, -1), 400, 'request.malformed_json'],
      ['a trailing comma', (valid) => `${valid.slice(0, -1)},}`, 400, 'request.malformed_json'],
      [
        'invalid UTF-8 bytes',
        (valid) =>
          Buffer.concat([
            Buffer.from(valid.slice(0, 10)),
            Buffer.from([0xff, 0xfe]),
            Buffer.from(valid.slice(10)),
          ]),
        400,
        'request.invalid_utf8',
      ],
      [
        'a body over the limit (valid JSON padded with spaces)',
        (valid) => valid + ' '.repeat(bodyLimit),
        413,
        'request.body_too_large',
      ],
      [
        'a __proto__ key',
        (valid) => `{"__proto__":{"isSystemAdmin":true},${valid.slice(1)}`,
        400,
        'request.malformed_json',
      ],
      [
        'a __proto__ key spelt with \\u escapes',
        (valid) => `{"\\u005f_pr\\u006fto__":{"isSystemAdmin":true},${valid.slice(1)}`,
        400,
        'request.malformed_json',
      ],
      [
        'a nested __proto__ key',
        (valid) => `${valid.slice(0, -1)},"x":{"__proto__":{"isSystemAdmin":true}}}`,
        400,
        'request.malformed_json',
      ],
      ['an empty body', () => '', 400, 'request.malformed_json'],
    ];

    describe.each(targets)('$label', (target) => {
      it('accepts the untouched body (the refusals below are about the damage)', async () => {
        const response = await asAdmin(
          target.method,
          target.url(t.rootOrgId),
          target.valid(t.rootOrgId),
        );
        expect(response.statusCode).toBeLessThan(300);
      });

      it.each(cases)('refuses %s', async (_label, damage, status, code) => {
        const before = await snapshot();
        const response = await asAdmin(
          target.method,
          target.url(t.rootOrgId),
          damage(target.valid(t.rootOrgId)),
        );
        expectError(response, status, code);
        expectErrorShape(response, code);
        expect(await snapshot()).toEqual(before);
      });

      it.each(['isAdmin', 'path', 'id', 'createdAt'])(
        'refuses the unknown field %s with its path',
        async (field) => {
          const before = await snapshot();
          const body = { ...(JSON.parse(target.valid(t.rootOrgId)) as object), [field]: 'x' };
          const response = await asAdmin(
            target.method,
            target.url(t.rootOrgId),
            JSON.stringify(body),
          );
          expectErrorShape(response, 'validation.failed');
          expect(response.json<{ details: unknown }>().details).toEqual([
            {
              path: ['body', field],
              issue: 'unrecognized_key',
              message: expect.any(String) as string,
            },
          ]);
          expect(await snapshot()).toEqual(before);
        },
      );
    });
  });

  describe('every error has the one shape', () => {
    const requests: [string, ErrorCode, (t: TestApp) => InjectOptions][] = [
      ['anonymous API call', 'auth.required', () => ({ method: 'GET', url: '/api/organisations' })],
      // Refused before the body is read: an anonymous caller never makes the server take in an
      // upload, whatever it sends (broken JSON, or more than any route accepts).
      ...(
        [
          ['broken JSON', '{"organisationId":'],
          ['50 MB', `{"content":"${'A'.repeat(50 * 1024 * 1024)}"}`],
        ] as const
      ).map(([label, payload]): [string, ErrorCode, () => InjectOptions] => [
        `anonymous upload of ${label}`,
        'auth.required',
        () => ({
          method: 'POST',
          url: '/api/imports',
          headers: { 'content-type': 'application/json' },
          payload,
        }),
      ]),
      // The documentation routes come from a plugin; their errors must pass the same mapper.
      ...(['/api/docs', '/api/docs/json'] as const).map(
        (url): [string, ErrorCode, () => InjectOptions] => [
          `garbage bearer token on ${url}`,
          'auth.token_invalid',
          () => ({ method: 'GET', url, headers: { authorization: 'Bearer vgl_garbage' } }),
        ],
      ),
      [
        'garbage bearer token',
        'auth.token_invalid',
        () => ({
          method: 'GET',
          url: '/api/organisations',
          headers: { authorization: 'Bearer x' },
        }),
      ],
      [
        'write without CSRF header',
        'auth.csrf_failed',
        (t) => ({
          method: 'PATCH',
          url: '/api/me',
          headers: {
            cookie: `vigil_session=${t.admin.cookie}`,
            'content-type': 'application/json',
          },
          payload: '{"displayName":"x"}',
        }),
      ],
      [
        'unknown route',
        'request.not_found',
        (t) => ({
          method: 'GET',
          url: '/api/nope',
          headers: { cookie: `vigil_session=${t.admin.cookie}` },
        }),
      ],
      [
        'unknown route outside /api',
        'request.not_found',
        (t) => ({
          method: 'GET',
          url: '/nope',
          headers: { cookie: `vigil_session=${t.admin.cookie}` },
        }),
      ],
      [
        'bad path parameter',
        'validation.failed',
        (t) => ({
          method: 'GET',
          url: '/api/organisations/not-a-uuid',
          headers: { cookie: `vigil_session=${t.admin.cookie}` },
        }),
      ],
      [
        'text/plain body',
        'request.unsupported_media_type',
        (t) => ({
          method: 'POST',
          url: '/api/auth/logout',
          headers: {
            cookie: `vigil_session=${t.admin.cookie}`,
            'x-csrf-token': t.admin.csrf,
            'content-type': 'text/plain',
          },
          payload: 'hello',
        }),
      ],
      [
        'XML body',
        'request.unsupported_media_type',
        () => ({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'content-type': 'application/xml' },
          payload: '<login/>',
        }),
      ],
      [
        'wrong password',
        'auth.invalid_credentials',
        (t) => ({
          method: 'POST',
          url: '/api/auth/login',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ email: t.admin.email, password: 'Not-The-Password-1' }),
        }),
      ],
    ];

    it.each(requests)('%s → %s', async (_label, code, build) => {
      expectErrorShape(await t.app.inject(build(t)), code);
    });

    it('an unexpected failure becomes `internal`: no driver message, no stack, but logged', async () => {
      // A driver-like failure (no DDL here: dropping tables would race other test files).
      const driverError = Object.assign(new Error('relation "api_tokens" does not exist'), {
        code: '42P01',
      });
      vi.spyOn(t.services.tokens, 'list').mockRejectedValue(driverError);
      const response = await asAdmin('GET', '/api/tokens');
      expectErrorShape(response, 'internal');
      expect(response.body).not.toMatch(/api_tokens|relation|42P01/i);
      const requestId = response.json<{ requestId: string }>().requestId;
      expect(
        t.logs.some((line) => line.includes(requestId) && line.includes('unexpected error')),
      ).toBe(true);
    });

    it('the sign-in route is rate limited with the same shape (31st attempt in a minute)', async () => {
      const attempt = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '192.0.2.50',
          headers: { 'content-type': 'application/json' },
          payload: '{"email":"not-an-email","password":"x"}',
        });
      for (let i = 0; i < 30; i += 1) expect((await attempt()).statusCode).toBe(400);
      const limited = await attempt();
      expectErrorShape(limited, 'request.rate_limited');
      expect(limited.headers['retry-after']).toBeDefined();
    });
  });

  it('cuts off a request still arriving after five minutes (Fastify would wait for ever)', () => {
    // Node's HTTP server enforces the limit; a test cannot wait five minutes for it to act.
    expect(t.app.server.requestTimeout).toBe(300_000);
  });

  describe('headers', () => {
    it.each([
      ['GET /api/health', 200, () => t.app.inject({ method: 'GET', url: '/api/health' })],
      ['an anonymous 401', 401, () => t.app.inject({ method: 'GET', url: '/api/organisations' })],
      ['a 404', 404, () => asAdmin('GET', '/api/nope')],
    ])('%s carries the security headers', async (_label, status, send) => {
      const response = await send();
      expect(response.statusCode).toBe(status);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("frame-ancestors 'none'");
      const directives = csp.split(';').map((directive) => directive.trim());
      const scriptSrc = directives.find((directive) => directive.startsWith('script-src '));
      expect(scriptSrc).toBeDefined();
      expect(scriptSrc).not.toContain("'unsafe-inline'");
      expect(scriptSrc).not.toContain("'unsafe-eval'");
      expect(directives).toContain("object-src 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    it.each([
      ['a well-formed id', 'trace-0123456789', true],
      ['an id with spaces', 'not a valid id', false],
      ['a too short id', 'abc', false],
      ['an id with markup', '<script>alert(1)</script>', false],
    ])('x-request-id: %s is echoed only if well-formed', async (_label, given, echoed) => {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/organisations',
        headers: { 'x-request-id': given },
      });
      const returned = response.headers['x-request-id'];
      expect(response.json<{ requestId: string }>().requestId).toBe(returned);
      if (echoed) expect(returned).toBe(given);
      else expect(returned).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  it('GET /api/openapi.json describes the API as OpenAPI 3.1', async () => {
    const response = await asAdmin('GET', '/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    for (const path of [
      '/api/auth/login',
      '/api/organisations',
      '/api/users',
      '/api/roles',
      '/api/tokens',
      '/api/audit',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
