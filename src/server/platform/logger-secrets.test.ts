import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, testPassword, type TestApp } from '../../test-support/test-app.js';
import { databaseKinds } from '../../test-support/test-db.js';
import { generateTotp } from './crypto/index.js';

// Secret-like strings: letters and digits, at least 12 long, with an upper-case letter, a
// lower-case letter and a digit so that they cannot occur by chance in a log line (request
// ids are lower-case hex, keys are words, times are digits).
const secretLike = fc
  .string({
    unit: fc.constantFrom(
      ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.split(''),
    ),
    minLength: 12,
    maxLength: 48,
  })
  .filter((s) => /[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s));

const sixteenMinutes = 16 * 60_000;

describe.each(databaseKinds)('no secret reaches the logs on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  const leaks = (secret: string) => t.logs.filter((line) => line.includes(secret));

  it('logs each request (so the checks below look at real log lines)', async () => {
    const requestId = 'probe-request-0001';
    await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': requestId },
    });
    expect(t.logs.some((line) => line.includes(requestId))).toBe(true);
  });

  it('secrets the server issues are never logged', async () => {
    const ok = async (response: Promise<LightMyRequestResponse>) => {
      const settled = await response;
      expect(settled.statusCode, settled.body).toBeLessThan(300);
      return settled;
    };
    const user = await t.userWithRole('admin');
    const { secret: token } = (
      await ok(
        t.call(user, 'POST', '/api/tokens', {
          name: 'ci',
          organisationId: t.rootOrgId,
          verbs: ['org.read'],
        }),
      )
    ).json<{ secret: string }>();
    await ok(
      t.app.inject({
        method: 'GET',
        url: '/api/organisations',
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    const { secret: totpSecret, uri } = (await ok(t.call(user, 'POST', '/api/me/totp'))).json<{
      secret: string;
      uri: string;
    }>();
    const { recoveryCodes } = (
      await ok(
        t.call(user, 'POST', '/api/me/totp/confirm', {
          code: generateTotp(totpSecret, t.clock.now()),
        }),
      )
    ).json<{ recoveryCodes: string[] }>();
    const { challenge } = (
      await ok(
        t.call(null, 'POST', '/api/auth/login', { email: user.email, password: testPassword }),
      )
    ).json<{ challenge: string }>();
    await ok(t.call(null, 'POST', '/api/auth/totp', { challenge, recoveryCode: recoveryCodes[0] }));
    const newPassword = 'Meadow-Compass-Thistle-8830';
    await ok(
      t.call(user, 'POST', '/api/me/password', { currentPassword: testPassword, newPassword }),
    );

    const secrets = {
      testPassword,
      newPassword,
      sessionCookie: user.cookie,
      csrfToken: user.csrf,
      adminCookie: t.admin.cookie,
      token,
      totpSecret,
      uri,
      challenge,
      ...Object.fromEntries(recoveryCodes.map((code, i) => [`recoveryCode${i}`, code])),
    };
    for (const [name, secret] of Object.entries(secrets)) {
      expect({ name, lines: leaks(secret) }).toEqual({ name, lines: [] });
    }
  });

  it('secrets callers submit are never logged (property)', async () => {
    await fc.assert(
      fc.asyncProperty(secretLike, async (secret) => {
        // Keep the account and address locks out of the way so every password is verified.
        t.clock.advance(sixteenMinutes);
        const json = { 'content-type': 'application/json' };
        const session = { cookie: `vigil_session=${t.admin.cookie}`, 'x-csrf-token': t.admin.csrf };
        const responses = await Promise.all([
          // As a password, at sign-in and when changing it.
          t.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            headers: json,
            payload: JSON.stringify({ email: t.admin.email, password: secret }),
          }),
          t.app.inject({
            method: 'POST',
            url: '/api/me/password',
            headers: { ...json, ...session },
            payload: JSON.stringify({ currentPassword: secret, newPassword: secret }),
          }),
          // As a bearer token, a session cookie and a CSRF token.
          t.app.inject({
            method: 'GET',
            url: '/api/organisations',
            headers: { authorization: `Bearer ${secret}` },
          }),
          t.app.inject({
            method: 'GET',
            url: '/api/organisations',
            headers: { authorization: `Bearer vgl_${secret}` },
          }),
          t.app.inject({
            method: 'GET',
            url: '/api/me',
            headers: { cookie: `vigil_session=${secret}` },
          }),
          t.app.inject({
            method: 'PATCH',
            url: '/api/me',
            headers: { ...json, cookie: session.cookie, 'x-csrf-token': secret },
            payload: JSON.stringify({ displayName: 'x' }),
          }),
          // As a two-factor challenge, an unknown field and a query string.
          t.app.inject({
            method: 'POST',
            url: '/api/auth/totp',
            headers: json,
            payload: JSON.stringify({ challenge: `${secret}${secret}`, code: '123456' }),
          }),
          t.app.inject({
            method: 'POST',
            url: '/api/organisations',
            headers: { ...json, ...session },
            payload: JSON.stringify({ [secret]: secret }),
          }),
          t.app.inject({
            method: 'GET',
            url: `/api/tokens?organisationId=${secret}`,
            headers: { cookie: session.cookie },
          }),
        ]);
        // Every attempt was refused; none of them may have been logged with the secret.
        expect(responses.every((r) => r.statusCode >= 400)).toBe(true);
        expect(leaks(secret)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
