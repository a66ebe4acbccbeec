import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../../../test-support/api-expect.js';
import {
  createTestApp,
  testPassword,
  type TestApp,
  type TestSession,
} from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

const minutes = (n: number) => n * 60_000;
const newPassword = 'Lantern-Orchard-Quietly-5190';

describe.each(databaseKinds)('sessions on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  const me = (session: TestSession) => t.call(session, 'GET', '/api/me');

  describe('idle timeout (30 minutes)', () => {
    it.each([
      [29, 200],
      [31, 401],
    ])('after %i idle minutes GET /api/me answers %i', async (idle, status) => {
      const user = await t.userWithRole('caseworker');
      t.clock.advance(minutes(idle));
      const response = await me(user);
      expect(response.statusCode).toBe(status);
      if (status === 401) expectError(response, 401, 'auth.session_expired');
    });

    it('counts idleness from the last request, not from sign-in', async () => {
      const user = await t.userWithRole('caseworker');
      t.clock.advance(minutes(25));
      expect((await me(user)).statusCode).toBe(200);
      t.clock.advance(minutes(25));
      expect((await me(user)).statusCode).toBe(200);
      t.clock.advance(minutes(31));
      expectError(await me(user), 401, 'auth.session_expired');
    });
  });

  describe('activity recording (last_seen_at is written at most once a minute)', () => {
    const lastSeen = async (userId: string) =>
      (
        await t.database.db
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('user_id', '=', userId)
          .executeTakeFirstOrThrow()
      ).last_seen_at;
    const seconds = (n: number) => n * 1000;

    it('does not rewrite last_seen_at within a minute of the last write, then does', async () => {
      const user = await t.userWithRole('caseworker');
      const signedInAt = await lastSeen(user.userId);
      t.clock.advance(seconds(30));
      expect((await me(user)).statusCode).toBe(200);
      expect(await lastSeen(user.userId)).toBe(signedInAt);
      t.clock.advance(seconds(31));
      expect((await me(user)).statusCode).toBe(200);
      expect(await lastSeen(user.userId)).toBe(t.clock.now().toISOString());
    });

    it('keeps a session used every 59 seconds alive past the idle timeout', async () => {
      const user = await t.userWithRole('caseworker');
      for (let elapsed = 0; elapsed < minutes(45); elapsed += seconds(59)) {
        t.clock.advance(seconds(59));
        expect((await me(user)).statusCode).toBe(200);
      }
    });

    it('never lets a session outlive the idle timeout after its last request', async () => {
      const user = await t.userWithRole('caseworker');
      t.clock.advance(seconds(30));
      expect((await me(user)).statusCode).toBe(200);
      // That request fell within the minute, so it was not recorded: idleness counts from the
      // sign-in, and the session ends no later than 30 minutes after the last request.
      t.clock.advance(minutes(30));
      expectError(await me(user), 401, 'auth.session_expired');
    });
  });

  it('ends even an active session after 12 hours (absolute timeout)', async () => {
    const user = await t.userWithRole('caseworker');
    const statuses: [number, number][] = [];
    for (let elapsed = 20; elapsed <= 12 * 60; elapsed += 20) {
      t.clock.advance(minutes(20));
      statuses.push([elapsed, (await me(user)).statusCode]);
    }
    expect(statuses.filter(([elapsed]) => elapsed < 12 * 60).every(([, s]) => s === 200)).toBe(
      true,
    );
    expect(statuses.at(-1)).toEqual([12 * 60, 401]);
    expectError(await me(user), 401, 'auth.session_expired');
  });

  it('POST /api/auth/logout revokes the session and clears the cookie', async () => {
    const user = await t.userWithRole('caseworker');
    const other = await t.signIn(user.email, testPassword);

    const out = await t.call(user, 'POST', '/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'vigil_session')?.value).toBe('');
    expectError(await me(user), 401, 'auth.session_expired');
    // Only that session ended.
    expect((await me(other)).statusCode).toBe(200);
    expect((await t.auditActions('auth.logout'))[0]).toMatchObject({ actorId: user.userId });
    // Logging out twice is not possible with a dead session.
    expectError(await t.call(user, 'POST', '/api/auth/logout'), 401, 'auth.session_expired');
  });

  describe('POST /api/me/password', () => {
    it('walks the ladder: 401, 400 wrong current password, 400 weak new password', async () => {
      const user = await t.userWithRole('caseworker');
      const body = { currentPassword: testPassword, newPassword };
      expectError(await t.call(null, 'POST', '/api/me/password', body), 401, 'auth.required');
      expectError(
        await t.call(user, 'POST', '/api/me/password', {
          ...body,
          currentPassword: 'Wrong-One-77',
        }),
        400,
        'auth.password_incorrect',
        [['body', 'currentPassword']],
      );
      expectError(
        await t.call(user, 'POST', '/api/me/password', { ...body, newPassword: 'short' }),
        400,
        'password.too_short',
        [['body', 'newPassword']],
      );
      // Nothing changed: the old password still signs in.
      expect((await me(await t.signIn(user.email, testPassword))).statusCode).toBe(200);
    });

    it('revokes every other session and returns a new working one', async () => {
      const user = await t.userWithRole('caseworker');
      const laptop = await t.signIn(user.email, testPassword);

      const changed = await t.call(user, 'POST', '/api/me/password', {
        currentPassword: testPassword,
        newPassword,
      });
      expect(changed.statusCode).toBe(200);
      const { csrfToken } = changed.json<{ csrfToken: string }>();
      const cookie = changed.cookies.find((c) => c.name === 'vigil_session');
      expect(cookie?.httpOnly).toBe(true);
      const fresh: TestSession = {
        userId: user.userId,
        cookie: cookie?.value ?? '',
        csrf: csrfToken,
      };
      expect(fresh.cookie).not.toBe(user.cookie);

      expectError(await me(laptop), 401, 'auth.session_expired');
      expectError(await me(user), 401, 'auth.session_expired');
      expect((await me(fresh)).statusCode).toBe(200);
      // The new CSRF token goes with the new cookie for writes.
      expect((await t.call(fresh, 'PATCH', '/api/me', { displayName: 'Renamed' })).statusCode).toBe(
        200,
      );

      await expect(t.signIn(user.email, testPassword)).rejects.toThrow(/401/);
      expect((await me(await t.signIn(user.email, newPassword))).statusCode).toBe(200);
      expect((await t.auditActions('user.change_password'))[0]).toMatchObject({
        actorId: user.userId,
        targetId: user.userId,
      });
    });
  });

  describe('POST /api/users/:id/password (administrator reset)', () => {
    it('walks the ladder and revokes every session of the target', async () => {
      const target = await t.userWithRole('caseworker');
      const url = `/api/users/${target.userId}/password`;
      const body = { newPassword };

      expectError(await t.call(null, 'POST', url, body), 401, 'auth.required');
      const colleague = await t.userWithRole('caseworker');
      expectError(await t.call(colleague, 'POST', url, body), 403, 'access.denied');
      expectError(
        await t.call(t.admin, 'POST', url, { newPassword: 'password' }),
        400,
        'password.too_short',
        [['body', 'newPassword']],
      );
      expect((await me(target)).statusCode).toBe(200);

      expect((await t.call(t.admin, 'POST', url, body)).statusCode).toBe(204);
      expectError(await me(target), 401, 'auth.session_expired');
      // The administrator's own session is untouched.
      expect((await me(t.admin)).statusCode).toBe(200);
      await expect(t.signIn(target.email, testPassword)).rejects.toThrow(/401/);
      expect((await me(await t.signIn(target.email, newPassword))).statusCode).toBe(200);
      expect((await t.auditActions('user.reset_password'))[0]).toMatchObject({
        actorId: t.admin.userId,
        targetId: target.userId,
      });
    });
  });

  it('rejects a forged or unknown session cookie', async () => {
    const forged: TestSession = { userId: t.admin.userId, cookie: 'forged-cookie', csrf: 'x' };
    expectError(await me(forged), 401, 'auth.session_expired');
  });
});
