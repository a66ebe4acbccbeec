import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../../../test-support/api-expect.js';
import {
  createTestApp,
  testPassword,
  type TestApp,
  type TestSession,
} from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';
import { generateTotp } from '../../platform/crypto/index.js';

const step = 30_000;
const minutes = (n: number) => n * 60_000;

describe.each(databaseKinds)('two-factor authentication on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  const code = (secret: string) => generateTotp(secret, t.clock.now());

  /** Enrols the session's user; the clock then moves one step so the next code is fresh. */
  const enrol = async (session: TestSession) => {
    const begun = await t.call(session, 'POST', '/api/me/totp');
    expect(begun.statusCode).toBe(200);
    const { secret } = begun.json<{ secret: string }>();
    const confirmed = await t.call(session, 'POST', '/api/me/totp/confirm', { code: code(secret) });
    expect(confirmed.statusCode).toBe(200);
    t.clock.advance(step);
    return { secret, recoveryCodes: confirmed.json<{ recoveryCodes: string[] }>().recoveryCodes };
  };

  const login = async (email: string) => {
    const response = await t.call(null, 'POST', '/api/auth/login', {
      email,
      password: testPassword,
    });
    expect(response.statusCode).toBe(200);
    return response.json<{ status: string; challenge: string }>();
  };

  const secondStep = (body: Record<string, string>) => t.call(null, 'POST', '/api/auth/totp', body);

  describe('enrolment', () => {
    it('POST /api/me/totp returns a secret and an otpauth URI; 401 without a session', async () => {
      expectError(await t.call(null, 'POST', '/api/me/totp'), 401, 'auth.required');
      const user = await t.userWithRole('caseworker');
      const response = await t.call(user, 'POST', '/api/me/totp');
      expect(response.statusCode).toBe(200);
      const { secret, uri } = response.json<{ secret: string; uri: string }>();
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(uri).toMatch(/^otpauth:\/\/totp\//);
      expect(uri).toContain(`secret=${secret}`);
    });

    it('refuses a wrong confirmation code and keeps the account single-factor', async () => {
      const user = await t.userWithRole('caseworker');
      const { secret } = (await t.call(user, 'POST', '/api/me/totp')).json<{ secret: string }>();
      const wrong = code(secret) === '000000' ? '111111' : '000000';
      expectError(
        await t.call(user, 'POST', '/api/me/totp/confirm', { code: wrong }),
        400,
        'auth.totp_code_incorrect',
        [['body', 'code']],
      );
      expectError(
        await t.call(user, 'POST', '/api/me/totp/confirm', { code: '12345' }),
        400,
        'validation.failed',
        [['body', 'code']],
      );
      expect((await login(user.email)).status).toBe('signed_in');
    });

    it('refuses to confirm before enrolment has begun', async () => {
      const user = await t.userWithRole('caseworker');
      expectError(
        await t.call(user, 'POST', '/api/me/totp/confirm', { code: '123456' }),
        409,
        'auth.totp_not_pending',
      );
    });

    it('stores the secret sealed: the users row never holds it in clear', async () => {
      const user = await t.userWithRole('caseworker');
      const { secret } = await enrol(user);
      const row = await t.database.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', user.userId)
        .executeTakeFirstOrThrow();
      expect(row.totp_secret_sealed).not.toBeNull();
      expect(row.totp_enabled_at).not.toBeNull();
      const stored = JSON.stringify(row);
      for (const form of [secret, secret.toLowerCase(), Buffer.from(secret).toString('base64')]) {
        expect(stored).not.toContain(form);
      }
      expect(await t.auditActions('user.totp_enable')).toMatchObject([{ actorId: user.userId }]);
    });

    it.runIf(kind === 'postgres')(
      'two enrolments begun at once take turns: one data key, a secret that opens (PostgreSQL)',
      async () => {
        const user = await t.userWithRole('caseworker');
        const keys = async () =>
          (await t.database.db.selectFrom('data_keys').select('id').execute()).length;
        const before = await keys();
        const begun: Promise<{ statusCode: number; body: string }>[] = [];
        await t.database.db.transaction().execute(async (trx) => {
          // Held so the first enrolment waits to commit while the second reads the user.
          await trx.selectFrom('audit_head').select('seq').forUpdate().execute();
          begun.push(t.call(user, 'POST', '/api/me/totp'));
          await new Promise((resolve) => setTimeout(resolve, 150));
          begun.push(t.call(user, 'POST', '/api/me/totp'));
          await new Promise((resolve) => setTimeout(resolve, 300));
        });
        const answers = await Promise.all(begun);
        expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200]);
        // The second saw the key the first made: no key sealing nothing, no secret under a
        // key the account does not name.
        expect(await keys()).toBe(before + 1);
        const last = JSON.parse(answers[1]?.body ?? '{}') as { secret: string };
        const confirmed = await t.call(user, 'POST', '/api/me/totp/confirm', {
          code: code(last.secret),
        });
        expect(confirmed.statusCode, confirmed.body).toBe(200);
      },
    );

    it('refuses a second enrolment while one is active', async () => {
      const user = await t.userWithRole('caseworker');
      await enrol(user);
      expectError(await t.call(user, 'POST', '/api/me/totp'), 409, 'auth.totp_already_enabled');
    });
  });

  describe('sign-in with a second factor', () => {
    it('asks for a code after the password, then signs in with it', async () => {
      const user = await t.userWithRole('caseworker');
      const { secret } = await enrol(user);

      const first = await t.call(null, 'POST', '/api/auth/login', {
        email: user.email,
        password: testPassword,
      });
      expect(first.json()).toEqual({
        status: 'totp_required',
        challenge: expect.any(String) as string,
      });
      // The password alone yields no session.
      expect(first.cookies).toEqual([]);
      const { challenge } = first.json<{ challenge: string }>();

      const second = await secondStep({ challenge, code: code(secret) });
      expect(second.statusCode).toBe(200);
      expect(second.json()).toMatchObject({ status: 'signed_in', userId: user.userId });
      const cookie = second.cookies.find((c) => c.name === 'vigil_session')?.value ?? '';
      const session = { userId: user.userId, cookie, csrf: '' };
      expect((await t.call(session, 'GET', '/api/me')).statusCode).toBe(200);
      expect((await t.auditActions('auth.login'))[0]).toMatchObject({
        actorId: user.userId,
        outcome: 'success',
      });
    });

    it('refuses a wrong code, then accepts the right one on the same challenge', async () => {
      const user = await t.userWithRole('caseworker');
      const { secret } = await enrol(user);
      const { challenge } = await login(user.email);
      const right = code(secret);
      const wrong = right === '000000' ? '111111' : '000000';
      expectError(await secondStep({ challenge, code: wrong }), 401, 'auth.totp_invalid');
      expect((await t.auditActions('auth.totp'))[0]).toMatchObject({ outcome: 'failure' });
      expect((await secondStep({ challenge, code: right })).statusCode).toBe(200);
    });

    it('refuses a code replayed within its time step, accepts the next step’s code', async () => {
      const user = await t.userWithRole('caseworker');
      const { secret } = await enrol(user);
      const used = code(secret);
      expect(
        (await secondStep({ challenge: (await login(user.email)).challenge, code: used }))
          .statusCode,
      ).toBe(200);

      const { challenge } = await login(user.email);
      expectError(await secondStep({ challenge, code: used }), 401, 'auth.totp_invalid');
      t.clock.advance(step);
      expect((await secondStep({ challenge, code: code(secret) })).statusCode).toBe(200);
    });

    it('refuses the confirmation code itself at sign-in (same step as enrolment)', async () => {
      const user = await t.userWithRole('caseworker');
      const { secret } = (await t.call(user, 'POST', '/api/me/totp')).json<{ secret: string }>();
      const confirmation = code(secret);
      await t.call(user, 'POST', '/api/me/totp/confirm', { code: confirmation });
      const { challenge } = await login(user.email);
      expectError(await secondStep({ challenge, code: confirmation }), 401, 'auth.totp_invalid');
    });

    it('accepts each recovery code once', async () => {
      const user = await t.userWithRole('caseworker');
      const { recoveryCodes } = await enrol(user);
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      const [firstCode, secondCode] = recoveryCodes as [string, string];

      const use = async (recoveryCode: string) =>
        secondStep({ challenge: (await login(user.email)).challenge, recoveryCode });
      expect((await use(firstCode)).statusCode).toBe(200);
      expectError(await use(firstCode), 401, 'auth.totp_invalid');
      expect((await use(secondCode)).statusCode).toBe(200);
      expectError(await use(secondCode), 401, 'auth.totp_invalid');
    });

    it.each([
      [4.5, 200],
      [5, 401],
      [6, 401],
    ])('a challenge used after %f minutes answers %i', async (after, status) => {
      const user = await t.userWithRole('caseworker');
      const { secret } = await enrol(user);
      const { challenge } = await login(user.email);
      t.clock.advance(minutes(after));
      const response = await secondStep({ challenge, code: code(secret) });
      expect(response.statusCode).toBe(status);
      if (status === 401) expectError(response, 401, 'auth.challenge_invalid');
    });

    it('a challenge is used once', async () => {
      const user = await t.userWithRole('caseworker');
      const { secret } = await enrol(user);
      const { challenge } = await login(user.email);
      expect((await secondStep({ challenge, code: code(secret) })).statusCode).toBe(200);
      t.clock.advance(step);
      expectError(
        await secondStep({ challenge, code: code(secret) }),
        401,
        'auth.challenge_invalid',
      );
    });

    it('a challenge dies after 5 wrong codes, even for the right code', async () => {
      const user = await t.userWithRole('caseworker');
      const { secret } = await enrol(user);
      const { challenge } = await login(user.email);
      const right = code(secret);
      const wrong = right === '000000' ? '111111' : '000000';
      for (let i = 0; i < 5; i += 1) {
        expectError(await secondStep({ challenge, code: wrong }), 401, 'auth.totp_invalid');
      }
      expectError(await secondStep({ challenge, code: right }), 401, 'auth.challenge_invalid');
    });

    it('the same code sent at once on two challenges signs in once', async () => {
      const user = await t.userWithRole('caseworker');
      const { secret } = await enrol(user);
      const challenges = [(await login(user.email)).challenge, (await login(user.email)).challenge];
      const right = code(secret);
      const answers = await Promise.all(
        challenges.map((challenge) => secondStep({ challenge, code: right })),
      );
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 401]);
    });

    it('two recovery codes sent at once on one challenge sign in once', async () => {
      const user = await t.userWithRole('caseworker');
      const { recoveryCodes } = await enrol(user);
      const { challenge } = await login(user.email);
      const answers = await Promise.all(
        recoveryCodes.slice(0, 2).map((recoveryCode) => secondStep({ challenge, recoveryCode })),
      );
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 401]);
      // The losing request used up no recovery code: only the winner's is gone.
      const left = await t.database.db
        .selectFrom('recovery_codes')
        .select('id')
        .where('user_id', '=', user.userId)
        .where('used_at', 'is', null)
        .execute();
      expect(left).toHaveLength(9);
    });

    it('wrong codes sent at once are each counted: no more than five are checked', async () => {
      const user = await t.userWithRole('caseworker');
      const { secret } = await enrol(user);
      const { challenge } = await login(user.email);
      const wrong = code(secret) === '000000' ? '111111' : '000000';
      const answers = await Promise.all(
        Array.from({ length: 12 }, () => secondStep({ challenge, code: wrong })),
      );
      const checked = answers.filter(
        (answer) => answer.json<{ code?: string }>().code === 'auth.totp_invalid',
      );
      expect(
        answers.every((answer) => answer.statusCode === 401 || answer.statusCode === 429),
      ).toBe(true);
      expect(checked.length).toBeLessThanOrEqual(5);
      expectError(
        await secondStep({ challenge, code: code(secret) }),
        401,
        'auth.challenge_invalid',
      );
    });

    it.each([
      ['an unknown challenge', { challenge: 'x'.repeat(43), code: '123456' }, 401],
      ['neither code nor recovery code', { challenge: 'x'.repeat(43) }, 400],
      [
        'both code and recovery code',
        { challenge: 'x'.repeat(43), code: '123456', recoveryCode: 'abcde-fghjk' },
        400,
      ],
    ])('refuses %s', async (_label, body, status) => {
      const response = await secondStep(body);
      if (status === 401) expectError(response, 401, 'auth.challenge_invalid');
      else expectError(response, 400, 'validation.failed', [['body', 'code']]);
    });
  });

  describe('an organisation that requires two-factor authentication', () => {
    it('confines a non-enrolled member to enrolment until they confirm, in the same session', async () => {
      const created = await t.call(t.admin, 'POST', '/api/organisations', {
        name: 'Shelter',
        slug: 'shelter',
        type: 'ngo',
        parentId: t.rootOrgId,
        requireTwoFactor: true,
      });
      expect(created.statusCode).toBe(201);
      const user = await t.userWithRole('caseworker', created.json<{ id: string }>().id);

      expectError(
        await t.call(user, 'GET', '/api/organisations'),
        403,
        'auth.totp_enrolment_required',
      );
      expectError(
        await t.call(user, 'PATCH', '/api/me', { displayName: 'Not yet' }),
        403,
        'auth.totp_enrolment_required',
      );
      const meBefore = await t.call(user, 'GET', '/api/me');
      expect(meBefore.statusCode).toBe(200);
      expect(meBefore.json()).toMatchObject({ twoFactorEnrolmentRequired: true });

      const begun = await t.call(user, 'POST', '/api/me/totp');
      expect(begun.statusCode).toBe(200);
      const { secret } = begun.json<{ secret: string }>();
      expect(
        (await t.call(user, 'POST', '/api/me/totp/confirm', { code: code(secret) })).statusCode,
      ).toBe(200);

      const after = await t.call(user, 'GET', '/api/organisations');
      expect(after.statusCode).toBe(200);
      expect(after.json<{ items: unknown[] }>().items).toHaveLength(1);
      expect((await t.call(user, 'GET', '/api/me')).json()).toMatchObject({
        twoFactorEnrolmentRequired: false,
      });
    });

    it('does not confine members of organisations without the requirement', async () => {
      const user = await t.userWithRole('caseworker');
      expect((await t.call(user, 'GET', '/api/organisations')).statusCode).toBe(200);
    });

    it('refuses to switch two-factor off for a member', async () => {
      const orgId = await t.createOrg('strict', t.rootOrgId);
      await t.services.organisations.update({ actor: { kind: 'system' }, requestId: null }, orgId, {
        requireTwoFactor: true,
      });
      const user = await t.userWithRole('caseworker', orgId);
      const { secret } = (await t.call(user, 'POST', '/api/me/totp')).json<{ secret: string }>();
      expect(
        (await t.call(user, 'POST', '/api/me/totp/confirm', { code: code(secret) })).statusCode,
      ).toBe(200);
      expectError(
        await t.call(user, 'POST', '/api/me/totp/disable', { password: testPassword }),
        409,
        'auth.totp_required_by_organisation',
      );
      expect((await t.call(user, 'GET', '/api/me')).json()).toMatchObject({
        user: { twoFactorEnabled: true },
      });
    });
  });

  describe('lockout across both factors', () => {
    it('counts wrong second-factor codes towards the account lockout', async () => {
      const user = await t.userWithRole('caseworker');
      const { secret } = await enrol(user);
      const wrong = code(secret) === '000000' ? '111111' : '000000';
      // Five challenges, one wrong code each: a fresh challenge must not reset the count.
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const { challenge } = await login(user.email);
        expectError(await secondStep({ challenge, code: wrong }), 401, 'auth.totp_invalid');
      }
      const { challenge } = await login(user.email).catch(() => ({ challenge: '' }));
      const locked =
        challenge === ''
          ? await t.call(null, 'POST', '/api/auth/login', {
              email: user.email,
              password: testPassword,
            })
          : await secondStep({ challenge, code: code(secret) });
      expectError(locked, 429, 'auth.locked');
    });
  });
});
