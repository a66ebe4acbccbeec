import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../../../test-support/api-expect.js';
import { createTestApp, testPassword, type TestApp } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

const minutes = (n: number) => n * 60_000;

describe.each(databaseKinds)('sign-in on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  const login = (email: string, password: string, address?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email, password }),
      ...(address === undefined ? {} : { remoteAddress: address }),
    });

  describe('POST /api/auth/login', () => {
    it('refuses a wrong password, then signs in with the right one and sets a strict cookie', async () => {
      const user = await t.userWithRole('caseworker');

      expectError(
        await login(user.email, 'Wrong-Password-Guess-1'),
        401,
        'auth.invalid_credentials',
      );
      const ok = await login(user.email, testPassword);
      expect(ok.statusCode).toBe(200);
      const body = ok.json<{ status: string; userId: string; csrfToken: string }>();
      expect(body).toMatchObject({ status: 'signed_in', userId: user.userId });
      expect(body.csrfToken.length).toBeGreaterThanOrEqual(16);

      const cookie = ok.cookies.find((c) => c.name === 'vigil_session');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
      // The new session is usable.
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/me',
        headers: { cookie: `vigil_session=${cookie?.value ?? ''}` },
      });
      expect(me.statusCode).toBe(200);
      expect(me.json<{ user: { id: string } }>().user.id).toBe(user.userId);
    });

    it('answers an unknown email exactly as a wrong password (no account enumeration)', async () => {
      const user = await t.userWithRole('caseworker');
      const wrongPassword = await login(user.email, 'Wrong-Password-Guess-1');
      const unknownEmail = await login('nobody-here@example.org', testPassword);
      for (const response of [wrongPassword, unknownEmail]) {
        expectError(response, 401, 'auth.invalid_credentials');
      }
      // Identical but for the request id.
      const withoutId = (body: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'requestId'));
      expect(withoutId(unknownEmail.json())).toEqual(withoutId(wrongPassword.json()));
      expect(unknownEmail.cookies).toEqual([]);
    });

    it('treats the email case-insensitively', async () => {
      const user = await t.userWithRole('caseworker');
      expect((await login(user.email.toUpperCase(), testPassword)).statusCode).toBe(200);
    });

    it('refuses a disabled user with the right password and ends their sessions', async () => {
      const user = await t.userWithRole('caseworker');
      const disabled = await t.call(t.admin, 'PATCH', `/api/users/${user.userId}`, {
        disabled: true,
      });
      expect(disabled.statusCode).toBe(200);

      expectError(await login(user.email, testPassword), 401, 'auth.invalid_credentials');
      expectError(await t.call(user, 'GET', '/api/me'), 401, 'auth.session_expired');
      const failures = await t.auditActions('auth.login');
      expect(failures[0]).toMatchObject({ actorId: user.userId, outcome: 'failure' });
    });

    it('audits failed and successful sign-ins as auth.login with their outcome', async () => {
      const user = await t.userWithRole('caseworker');
      const before = (await t.auditActions('auth.login')).length;

      await login(user.email, 'Wrong-Password-Guess-1');
      await login('nobody-here@example.org', 'Wrong-Password-Guess-1');
      await login(user.email, testPassword);

      const entries = (await t.auditActions('auth.login')).slice(0, 3);
      expect((await t.auditActions('auth.login')).length).toBe(before + 3);
      // Newest first.
      expect(entries).toEqual([
        { actorId: user.userId, targetId: user.userId, outcome: 'success' },
        { actorId: null, targetId: null, outcome: 'failure' },
        { actorId: user.userId, targetId: user.userId, outcome: 'failure' },
      ]);
    });

    it.each([
      ['a missing password', { email: 'a@example.org' }, [['body', 'password']]],
      ['an invalid email', { email: 'not-an-email', password: 'x' }, [['body', 'email']]],
      ['an empty password', { email: 'a@example.org', password: '' }, [['body', 'password']]],
      [
        'an unknown field',
        { email: 'a@example.org', password: 'x', remember: true },
        [['body', 'remember']],
      ],
    ])('answers %s with validation.failed and its path', async (_label, body, paths) => {
      const response = await t.call(null, 'POST', '/api/auth/login', body);
      expectError(response, 400, 'validation.failed', paths);
    });
  });

  describe('lockout', () => {
    it('locks an account after 5 failures, even for the right password, for 15 minutes', async () => {
      const user = await t.userWithRole('caseworker');
      for (let i = 0; i < 5; i += 1) {
        expectError(
          await login(user.email, `Wrong-Password-${i}`),
          401,
          'auth.invalid_credentials',
        );
      }
      const locked = expectError(await login(user.email, testPassword), 429, 'auth.locked');
      expect(locked.details).toMatchObject({ retryAfter: expect.any(String) as string });
      expect((await t.auditActions('auth.login'))[0]).toMatchObject({ outcome: 'denied' });

      // Other accounts are unaffected.
      expect((await login(t.admin.email, testPassword)).statusCode).toBe(200);

      t.clock.advance(minutes(14));
      expectError(await login(user.email, testPassword), 429, 'auth.locked');
      t.clock.advance(minutes(2));
      expect((await login(user.email, testPassword)).statusCode).toBe(200);
    });

    it('does not lock an account after 4 failures', async () => {
      const user = await t.userWithRole('caseworker');
      for (let i = 0; i < 4; i += 1) await login(user.email, `Wrong-Password-${i}`);
      expect((await login(user.email, testPassword)).statusCode).toBe(200);
    });

    it("forgives the account's failures on sign-in, so 4 + 4 failures around it do not lock", async () => {
      const user = await t.userWithRole('caseworker');
      for (let i = 0; i < 4; i += 1) await login(user.email, `Wrong-Password-${i}`);
      expect((await login(user.email, testPassword)).statusCode).toBe(200);
      for (let i = 0; i < 4; i += 1) await login(user.email, `Wrong-Password-${i}`);
      expect((await login(user.email, testPassword)).statusCode).toBe(200);
      // Without that forgiveness the fifth failure in the window would lock the account.
      await login(user.email, 'Wrong-Password-Last');
      expect((await login(user.email, testPassword)).statusCode).toBe(200);
    });

    it('lets failures older than the window count for nothing, whether or not a sign-in came between', async () => {
      const user = await t.userWithRole('caseworker');
      for (let i = 0; i < 4; i += 1) await login(user.email, `Wrong-Password-${i}`);
      t.clock.advance(minutes(31));
      // No failure inside the window: this sign-in has nothing to forgive.
      expect((await login(user.email, testPassword)).statusCode).toBe(200);
      for (let i = 0; i < 4; i += 1) await login(user.email, `Wrong-Password-${i}`);
      expect((await login(user.email, testPassword)).statusCode).toBe(200);
      for (let i = 0; i < 5; i += 1) await login(user.email, `Wrong-Password-${i}`);
      expectError(await login(user.email, testPassword), 429, 'auth.locked');
    });

    it('locks an unknown email like a known one (no enumeration through lockout)', async () => {
      for (let i = 0; i < 5; i += 1) await login('ghost@example.org', `Wrong-Password-${i}`);
      expectError(await login('ghost@example.org', testPassword), 429, 'auth.locked');
    });

    it.each([
      [19, 200],
      [20, 429],
    ])(
      'after %i failures over different emails from one address, the right password gets %i',
      async (failures, status) => {
        const sprayer = '203.0.113.9';
        for (let i = 0; i < failures; i += 1) {
          expectError(
            await login(`victim${i}@example.org`, 'Spray-Password-2024', sprayer),
            401,
            'auth.invalid_credentials',
          );
        }
        const fromSprayer = await login(t.admin.email, testPassword, sprayer);
        expect(fromSprayer.statusCode).toBe(status);
        if (status === 429) expectError(fromSprayer, 429, 'auth.locked');
        // Another address is not affected.
        expect((await login(t.admin.email, testPassword, '198.51.100.7')).statusCode).toBe(200);
        t.clock.advance(minutes(16));
        expect((await login(t.admin.email, testPassword, sprayer)).statusCode).toBe(200);
      },
    );
  });
});
