import { describe, expect, it } from 'vitest';
import {
  expectError,
  expectExactKeys,
  expectNoAccountSecrets,
  userKeys,
} from '../../../test-support/api-expect.js';
import { createRole, testPassword } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';
import { unknownId, usersApiWorld, type UserView } from '../../../test-support/users-api-world.js';

describe.each(databaseKinds)('users API on %s', (kind) => {
  const w = usersApiWorld(kind);

  describe('GET /api/users', () => {
    it('walks the ladder: 401, then a list scoped to the caller subtree', async () => {
      expectError(await w.t.call(null, 'GET', '/api/users'), 401, 'auth.required');
      const inA1 = await w.t.userWithRole('caseworker', w.orgA1);
      const inB = await w.t.userWithRole('caseworker', w.orgB);
      // The admin of A sees the people of A and A1, never those of B or of the root.
      const response = await w.t.call(w.adminA, 'GET', '/api/users');
      expect(response.statusCode).toBe(200);
      const ids = response.json<{ items: UserView[] }>().items.map((u) => u.id);
      expect(ids.sort()).toEqual([w.adminA.userId, inA1.userId].sort());
      expect(ids).not.toContain(inB.userId);
      expect(ids).not.toContain(w.t.admin.userId);
      // A system admin sees everyone.
      const all = (await w.t.call(w.t.admin, 'GET', '/api/users')).json<{ items: UserView[] }>();
      expect(all.items.map((u) => u.id).sort()).toEqual(
        [w.t.admin.userId, w.adminA.userId, inA1.userId, inB.userId].sort(),
      );
      // Presenter: exact keys, no secrets anywhere in the body.
      for (const item of all.items) expectExactKeys(item, userKeys);
      expectNoAccountSecrets(response.body);
    });

    it('shows an empty list to a role without user.read (not even the caller)', async () => {
      const caseworker = await w.t.userWithRole('caseworker', w.orgA);
      const response = await w.t.call(caseworker, 'GET', '/api/users');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ items: [] });
    });
  });

  describe('GET /api/users/:id', () => {
    it('walks the ladder', async () => {
      const inA1 = await w.t.userWithRole('caseworker', w.orgA1);
      const inB = await w.t.userWithRole('caseworker', w.orgB);
      // 401
      expectError(await w.t.call(null, 'GET', `/api/users/${inA1.userId}`), 401, 'auth.required');
      // 403: the admin of A cannot read a user of B
      expectError(
        await w.t.call(w.adminA, 'GET', `/api/users/${inB.userId}`),
        403,
        'access.denied',
      );
      // 403: a caseworker cannot read a colleague
      expectError(
        await w.t.call(inA1, 'GET', `/api/users/${w.adminA.userId}`),
        403,
        'access.denied',
      );
      // 400: the id must be a UUID
      expectError(await w.t.call(w.adminA, 'GET', '/api/users/42'), 400, 'validation.failed', [
        ['params', 'id'],
      ]);
      // 404
      expectError(
        await w.t.call(w.t.admin, 'GET', `/api/users/${unknownId}`),
        404,
        'user.not_found',
      );
      // 2xx: a user in a descendant organisation
      const response = await w.t.call(w.adminA, 'GET', `/api/users/${inA1.userId}`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        id: inA1.userId,
        email: inA1.email,
        isSystemAdmin: false,
        twoFactorEnabled: false,
        disabled: false,
      });
      // presenter
      expectExactKeys(response.json(), userKeys);
      expectNoAccountSecrets(response.body);
    });

    it('lets any user read their own account', async () => {
      const caseworker = await w.t.userWithRole('caseworker', w.orgA1);
      const response = await w.t.call(caseworker, 'GET', `/api/users/${caseworker.userId}`);
      expect(response.statusCode).toBe(200);
      expectExactKeys(response.json(), userKeys);
      expectNoAccountSecrets(response.body);
    });

    it('lets the admin of one of several organisations read the user', async () => {
      const inB = await w.t.userWithRole('caseworker', w.orgB);
      await w.addMembership(inB.userId, w.orgA1, 'analyst');
      expect((await w.t.call(w.adminA, 'GET', `/api/users/${inB.userId}`)).statusCode).toBe(200);
    });
  });

  describe('POST /api/users', () => {
    it('walks the ladder', async () => {
      // 401
      expectError(await w.t.call(null, 'POST', '/api/users', w.newUser()), 401, 'auth.required');
      // 403: a data manager reads users but cannot create them
      const dataManager = await w.t.userWithRole('data_manager', w.orgA);
      expectError(
        await w.t.call(dataManager, 'POST', '/api/users', w.newUser()),
        403,
        'access.denied',
      );
      // 400: exact code and field path
      expectError(
        await w.t.call(w.adminA, 'POST', '/api/users', w.newUser({ email: 'not-an-email' })),
        400,
        'validation.failed',
        [['body', 'email']],
      );
      // 2xx
      const created = await w.t.call(w.adminA, 'POST', '/api/users', w.newUser());
      expect(created.statusCode).toBe(201);
      const user = created.json<UserView>();
      expect(user).toMatchObject({
        email: 'new.person@example.org', // normalised to lower case
        displayName: 'New Person',
        isSystemAdmin: false,
        disabled: false,
      });
      // audit: the account and its first membership, both by the acting admin
      expect(await w.t.auditActions('user.create')).toContainEqual({
        actorId: w.adminA.userId,
        targetId: user.id,
        outcome: 'success',
      });
      const memberships = await w.t.call(w.t.admin, 'GET', `/api/memberships?userId=${user.id}`);
      const [membership] = memberships.json<{
        items: { id: string; organisationId: string; role: string }[];
      }>().items;
      expect(membership).toMatchObject({ organisationId: w.orgA1, role: 'caseworker' });
      expect(await w.t.auditActions('membership.create')).toContainEqual({
        actorId: w.adminA.userId,
        targetId: membership?.id,
        outcome: 'success',
      });
      // presenter: never the password (or its hash)
      expectExactKeys(user, userKeys);
      expectNoAccountSecrets(created.body);
      expect(created.body).not.toContain(testPassword);
      // and the account works
      const session = await w.t.signIn('new.person@example.org', testPassword);
      expect(session.userId).toBe(user.id);
    });

    it.each([
      ['too short', 'Xk9#pq2', 'password.too_short'],
      ['too common', 'password1234', 'password.too_common'],
      ['too common (keyboard walk)', 'qwertyuiop123', 'password.too_common'],
      ['containing the email', 'new.person-Correct-9', 'password.contains_email'],
      ['too long', 'Aa1!'.repeat(65), 'password.too_long'],
    ] as const)(
      'refuses a password that is %s (%j) with 400 %s on body.password',
      async (_label, password, code) => {
        const response = await w.t.call(w.adminA, 'POST', '/api/users', w.newUser({ password }));
        expectError(response, 400, code, [['body', 'password']]);
        expect(response.body).not.toContain(password);
        expect(await w.t.auditActions('user.create')).not.toContainEqual(
          expect.objectContaining({ actorId: w.adminA.userId }),
        );
      },
    );

    it.each([
      ['a missing role', { role: undefined }, ['body', 'role']],
      ['an unknown field', { isSystemAdmin: true }, ['body', 'isSystemAdmin']],
      ['an unknown language', { language: 'xx' }, ['body', 'language']],
      ['a non-UUID organisation', { organisationId: 'org-a' }, ['body', 'organisationId']],
      ['an empty password', { password: '' }, ['body', 'password']],
    ])('rejects %s with 400 validation.failed on the field', async (_label, overrides, path) => {
      expectError(
        await w.t.call(w.adminA, 'POST', '/api/users', w.newUser(overrides)),
        400,
        'validation.failed',
        [path],
      );
    });

    it('refuses an email that is already registered with 409 user.email_taken', async () => {
      expect((await w.t.call(w.adminA, 'POST', '/api/users', w.newUser())).statusCode).toBe(201);
      expectError(
        await w.t.call(
          w.adminA,
          'POST',
          '/api/users',
          w.newUser({ email: 'NEW.person@example.org' }),
        ),
        409,
        'user.email_taken',
        [['body', 'email']],
      );
    });

    it('answers two registrations of one email at once with one user and one field error', async () => {
      const both = await Promise.all([
        w.t.call(w.adminA, 'POST', '/api/users', w.newUser()),
        w.t.call(w.adminA, 'POST', '/api/users', w.newUser()),
      ]);
      expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const refused = both.find((r) => r.statusCode === 409);
      if (refused === undefined) throw new Error('no refusal');
      expectError(refused, 409, 'user.email_taken', [['body', 'email']]);
    });

    it('refuses an unknown role with 404 role.not_found on body.role', async () => {
      expectError(
        await w.t.call(w.adminA, 'POST', '/api/users', w.newUser({ role: 'overlord' })),
        404,
        'role.not_found',
        [['body', 'role']],
      );
    });

    it('returns 404 org.not_found for an unknown organisation', async () => {
      expectError(
        await w.t.call(w.adminA, 'POST', '/api/users', w.newUser({ organisationId: unknownId })),
        404,
        'org.not_found',
      );
    });

    describe('privilege escalation guards', () => {
      it('refuses an org admin creating a user in a sibling organisation', async () => {
        expectError(
          await w.t.call(w.adminA, 'POST', '/api/users', w.newUser({ organisationId: w.orgB })),
          403,
          'access.denied',
        );
      });

      it('refuses an org admin creating a user in the parent organisation', async () => {
        expectError(
          await w.t.call(
            w.adminA,
            'POST',
            '/api/users',
            w.newUser({ organisationId: w.t.rootOrgId }),
          ),
          403,
          'access.denied',
        );
      });

      it('refuses a role carrying a verb the org admin does not hold there', async () => {
        // The built-in admin role lacks case.break_glass; handing it out would be escalation.
        await createRole(w.t.services, 'emergency', ['case.read', 'case.break_glass']);
        const response = await w.t.call(
          w.adminA,
          'POST',
          '/api/users',
          w.newUser({ role: 'emergency' }),
        );
        const body = expectError(response, 403, 'access.denied');
        expect(body.details).toMatchObject({ missing: ['case.break_glass'] });
        expect(await w.t.auditActions('user.create')).not.toContainEqual(
          expect.objectContaining({ actorId: w.adminA.userId }),
        );
      });

      it('refuses a role whose verbs the admin holds only in another organisation', async () => {
        // Admin of A, but only an analyst in B: cannot create an admin (or anyone) in B.
        await w.addMembership(w.adminA.userId, w.orgB, 'analyst');
        expectError(
          await w.t.call(
            w.adminA,
            'POST',
            '/api/users',
            w.newUser({ organisationId: w.orgB, role: 'analyst' }),
          ),
          403,
          'access.denied',
        );
      });

      it('never creates a system admin through the API', async () => {
        const created = await w.t.call(w.t.admin, 'POST', '/api/users', w.newUser());
        expect(created.json()).toMatchObject({ isSystemAdmin: false });
      });
    });
  });
});
