import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  expectError,
  expectExactKeys,
  expectNoAccountSecrets,
  userKeys,
} from '../../../test-support/api-expect.js';
import {
  createRole,
  createTestApp,
  testPassword,
  type TestApp,
  type TestSession,
} from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

const unknownId = '00000000-0000-4000-8000-000000000000';

interface UserView {
  id: string;
  email: string;
  displayName: string;
  disabled: boolean;
}

describe.each(databaseKinds)('users API on %s', (kind) => {
  let t: TestApp;
  // root ─┬─ a ── a1
  //       └─ b
  let orgA: string;
  let orgA1: string;
  let orgB: string;
  let adminA: TestSession;
  beforeEach(async () => {
    t = await createTestApp(kind);
    orgA = await t.createOrg('org-a', t.rootOrgId);
    orgA1 = await t.createOrg('org-a1', orgA);
    orgB = await t.createOrg('org-b', t.rootOrgId);
    adminA = await t.userWithRole('admin', orgA);
  });
  afterEach(async () => {
    await t.close();
  });

  const newUser = (overrides: Record<string, unknown> = {}) => ({
    email: 'New.Person@Example.org',
    displayName: 'New Person',
    password: testPassword,
    organisationId: orgA1,
    role: 'caseworker',
    ...overrides,
  });

  const addMembership = async (userId: string, organisationId: string, role: string) => {
    const response = await t.call(t.admin, 'POST', '/api/memberships', {
      userId,
      organisationId,
      role,
    });
    expect(response.statusCode).toBe(201);
  };

  describe('GET /api/users', () => {
    it('walks the ladder: 401, then a list scoped to the caller subtree', async () => {
      expectError(await t.call(null, 'GET', '/api/users'), 401, 'auth.required');
      const inA1 = await t.userWithRole('caseworker', orgA1);
      const inB = await t.userWithRole('caseworker', orgB);
      // The admin of A sees the people of A and A1, never those of B or of the root.
      const response = await t.call(adminA, 'GET', '/api/users');
      expect(response.statusCode).toBe(200);
      const ids = response.json<{ items: UserView[] }>().items.map((u) => u.id);
      expect(ids.sort()).toEqual([adminA.userId, inA1.userId].sort());
      expect(ids).not.toContain(inB.userId);
      expect(ids).not.toContain(t.admin.userId);
      // A system admin sees everyone.
      const all = (await t.call(t.admin, 'GET', '/api/users')).json<{ items: UserView[] }>();
      expect(all.items.map((u) => u.id).sort()).toEqual(
        [t.admin.userId, adminA.userId, inA1.userId, inB.userId].sort(),
      );
      // Presenter: exact keys, no secrets anywhere in the body.
      for (const item of all.items) expectExactKeys(item, userKeys);
      expectNoAccountSecrets(response.body);
    });

    it('shows an empty list to a role without user.read (not even the caller)', async () => {
      const caseworker = await t.userWithRole('caseworker', orgA);
      const response = await t.call(caseworker, 'GET', '/api/users');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ items: [] });
    });
  });

  describe('GET /api/users/:id', () => {
    it('walks the ladder', async () => {
      const inA1 = await t.userWithRole('caseworker', orgA1);
      const inB = await t.userWithRole('caseworker', orgB);
      // 401
      expectError(await t.call(null, 'GET', `/api/users/${inA1.userId}`), 401, 'auth.required');
      // 403: the admin of A cannot read a user of B
      expectError(await t.call(adminA, 'GET', `/api/users/${inB.userId}`), 403, 'access.denied');
      // 403: a caseworker cannot read a colleague
      expectError(await t.call(inA1, 'GET', `/api/users/${adminA.userId}`), 403, 'access.denied');
      // 400: the id must be a UUID
      expectError(await t.call(adminA, 'GET', '/api/users/42'), 400, 'validation.failed', [
        ['params', 'id'],
      ]);
      // 404
      expectError(await t.call(t.admin, 'GET', `/api/users/${unknownId}`), 404, 'user.not_found');
      // 2xx: a user in a descendant organisation
      const response = await t.call(adminA, 'GET', `/api/users/${inA1.userId}`);
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
      const caseworker = await t.userWithRole('caseworker', orgA1);
      const response = await t.call(caseworker, 'GET', `/api/users/${caseworker.userId}`);
      expect(response.statusCode).toBe(200);
      expectExactKeys(response.json(), userKeys);
      expectNoAccountSecrets(response.body);
    });

    it('lets the admin of one of several organisations read the user', async () => {
      const inB = await t.userWithRole('caseworker', orgB);
      await addMembership(inB.userId, orgA1, 'analyst');
      expect((await t.call(adminA, 'GET', `/api/users/${inB.userId}`)).statusCode).toBe(200);
    });
  });

  describe('POST /api/users', () => {
    it('walks the ladder', async () => {
      // 401
      expectError(await t.call(null, 'POST', '/api/users', newUser()), 401, 'auth.required');
      // 403: a data manager reads users but cannot create them
      const dataManager = await t.userWithRole('data_manager', orgA);
      expectError(await t.call(dataManager, 'POST', '/api/users', newUser()), 403, 'access.denied');
      // 400: exact code and field path
      expectError(
        await t.call(adminA, 'POST', '/api/users', newUser({ email: 'not-an-email' })),
        400,
        'validation.failed',
        [['body', 'email']],
      );
      // 2xx
      const created = await t.call(adminA, 'POST', '/api/users', newUser());
      expect(created.statusCode).toBe(201);
      const user = created.json<UserView>();
      expect(user).toMatchObject({
        email: 'new.person@example.org', // normalised to lower case
        displayName: 'New Person',
        isSystemAdmin: false,
        disabled: false,
      });
      // audit: the account and its first membership, both by the acting admin
      expect(await t.auditActions('user.create')).toContainEqual({
        actorId: adminA.userId,
        targetId: user.id,
        outcome: 'success',
      });
      const memberships = await t.call(t.admin, 'GET', `/api/memberships?userId=${user.id}`);
      const [membership] = memberships.json<{
        items: { id: string; organisationId: string; role: string }[];
      }>().items;
      expect(membership).toMatchObject({ organisationId: orgA1, role: 'caseworker' });
      expect(await t.auditActions('membership.create')).toContainEqual({
        actorId: adminA.userId,
        targetId: membership?.id,
        outcome: 'success',
      });
      // presenter: never the password (or its hash)
      expectExactKeys(user, userKeys);
      expectNoAccountSecrets(created.body);
      expect(created.body).not.toContain(testPassword);
      // and the account works
      const session = await t.signIn('new.person@example.org', testPassword);
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
        const response = await t.call(adminA, 'POST', '/api/users', newUser({ password }));
        expectError(response, 400, code, [['body', 'password']]);
        expect(response.body).not.toContain(password);
        expect(await t.auditActions('user.create')).not.toContainEqual(
          expect.objectContaining({ actorId: adminA.userId }),
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
        await t.call(adminA, 'POST', '/api/users', newUser(overrides)),
        400,
        'validation.failed',
        [path],
      );
    });

    it('refuses an email that is already registered with 409 user.email_taken', async () => {
      expect((await t.call(adminA, 'POST', '/api/users', newUser())).statusCode).toBe(201);
      expectError(
        await t.call(adminA, 'POST', '/api/users', newUser({ email: 'NEW.person@example.org' })),
        409,
        'user.email_taken',
        [['body', 'email']],
      );
    });

    it('refuses an unknown role with 404 role.not_found on body.role', async () => {
      expectError(
        await t.call(adminA, 'POST', '/api/users', newUser({ role: 'overlord' })),
        404,
        'role.not_found',
        [['body', 'role']],
      );
    });

    it('returns 404 org.not_found for an unknown organisation', async () => {
      expectError(
        await t.call(adminA, 'POST', '/api/users', newUser({ organisationId: unknownId })),
        404,
        'org.not_found',
      );
    });

    describe('privilege escalation guards', () => {
      it('refuses an org admin creating a user in a sibling organisation', async () => {
        expectError(
          await t.call(adminA, 'POST', '/api/users', newUser({ organisationId: orgB })),
          403,
          'access.denied',
        );
      });

      it('refuses an org admin creating a user in the parent organisation', async () => {
        expectError(
          await t.call(adminA, 'POST', '/api/users', newUser({ organisationId: t.rootOrgId })),
          403,
          'access.denied',
        );
      });

      it('refuses a role carrying a verb the org admin does not hold there', async () => {
        // The built-in admin role lacks case.break_glass; handing it out would be escalation.
        await createRole(t.services, 'emergency', ['case.read', 'case.break_glass']);
        const response = await t.call(adminA, 'POST', '/api/users', newUser({ role: 'emergency' }));
        const body = expectError(response, 403, 'access.denied');
        expect(body.details).toMatchObject({ missing: ['case.break_glass'] });
        expect(await t.auditActions('user.create')).not.toContainEqual(
          expect.objectContaining({ actorId: adminA.userId }),
        );
      });

      it('refuses a role whose verbs the admin holds only in another organisation', async () => {
        // Admin of A, but only an analyst in B: cannot create an admin (or anyone) in B.
        await addMembership(adminA.userId, orgB, 'analyst');
        expectError(
          await t.call(
            adminA,
            'POST',
            '/api/users',
            newUser({ organisationId: orgB, role: 'analyst' }),
          ),
          403,
          'access.denied',
        );
      });

      it('never creates a system admin through the API', async () => {
        const created = await t.call(t.admin, 'POST', '/api/users', newUser());
        expect(created.json()).toMatchObject({ isSystemAdmin: false });
      });
    });
  });

  describe('PATCH /api/users/:id', () => {
    it('walks the ladder', async () => {
      const target = await t.userWithRole('caseworker', orgA1);
      const url = `/api/users/${target.userId}`;
      const body = { displayName: 'Renamed Person', language: 'fr' };
      // 401
      expectError(await t.call(null, 'PATCH', url, body), 401, 'auth.required');
      // 403: a data manager holds user.read, not user.update
      const dataManager = await t.userWithRole('data_manager', orgA);
      expectError(await t.call(dataManager, 'PATCH', url, body), 403, 'access.denied');
      // 400: email is not changeable here, exact code and field path
      expectError(
        await t.call(adminA, 'PATCH', url, { ...body, email: 'x@example.org' }),
        400,
        'validation.failed',
        [['body', 'email']],
      );
      // 2xx
      const response = await t.call(adminA, 'PATCH', url, body);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        id: target.userId,
        displayName: 'Renamed Person',
        language: 'fr',
      });
      // stored, not only echoed
      expect((await t.call(t.admin, 'GET', url)).json()).toMatchObject({
        displayName: 'Renamed Person',
        language: 'fr',
      });
      // audit
      expect(await t.auditActions('user.update')).toEqual([
        { actorId: adminA.userId, targetId: target.userId, outcome: 'success' },
      ]);
      // presenter
      expectExactKeys(response.json(), userKeys);
      expectNoAccountSecrets(response.body);
    });

    it.each([
      ['a password', { password: testPassword }, ['body', 'password']],
      ['isSystemAdmin', { isSystemAdmin: true }, ['body', 'isSystemAdmin']],
      ['a non-boolean disabled', { disabled: 'yes' }, ['body', 'disabled']],
      ['an unknown language', { language: 'de' }, ['body', 'language']],
    ])('rejects %s with 400 validation.failed on the field', async (_label, body, path) => {
      const target = await t.userWithRole('caseworker', orgA1);
      expectError(
        await t.call(adminA, 'PATCH', `/api/users/${target.userId}`, body),
        400,
        'validation.failed',
        [path],
      );
    });

    it('returns 404 user.not_found for an unknown user', async () => {
      expectError(
        await t.call(t.admin, 'PATCH', `/api/users/${unknownId}`, { displayName: 'X' }),
        404,
        'user.not_found',
      );
    });

    it('disabling an account ends its sessions', async () => {
      const target = await t.userWithRole('caseworker', orgA1);
      expect((await t.call(target, 'GET', '/api/organisations')).statusCode).toBe(200);
      const response = await t.call(adminA, 'PATCH', `/api/users/${target.userId}`, {
        disabled: true,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ disabled: true });
      expect((await t.call(target, 'GET', '/api/organisations')).statusCode).toBe(401);
    });

    describe('privilege escalation guards', () => {
      const guards: [string, () => Promise<string>][] = [
        ['a system admin', () => Promise.resolve(t.admin.userId)],
        [
          'a system admin whose only membership lies inside the admin subtree',
          async () => {
            // Without the root membership, only the system-admin flag stands in the way.
            await addMembership(t.admin.userId, orgA1, 'analyst');
            const [rootMembership] = (
              await t.call(
                t.admin,
                'GET',
                `/api/memberships?userId=${t.admin.userId}&organisationId=${t.rootOrgId}`,
              )
            ).json<{ items: { id: string }[] }>().items;
            const removed = await t.call(
              t.admin,
              'DELETE',
              `/api/memberships/${rootMembership!.id}`,
            );
            expect(removed.statusCode).toBe(204);
            return t.admin.userId;
          },
        ],
        [
          'a user of a sibling organisation',
          async () => (await t.userWithRole('caseworker', orgB)).userId,
        ],
        [
          'a user who also belongs to an organisation outside the admin subtree',
          async () => {
            const target = await t.userWithRole('caseworker', orgA1);
            await addMembership(target.userId, orgB, 'analyst');
            return target.userId;
          },
        ],
        [
          'a user holding a verb the admin lacks (a break-glass role)',
          async () => {
            // Resetting such a user's password would let the admin sign in with their powers.
            await createRole(t.services, 'emergency', ['case.read', 'case.break_glass']);
            const target = await t.userWithRole('caseworker', orgA1);
            await t.services.users.addMembership(
              { actor: { kind: 'system' }, requestId: null },
              { userId: target.userId, organisationId: orgA1, role: 'emergency' },
            );
            return target.userId;
          },
        ],
        [
          'a user who also belongs to the parent organisation',
          async () => {
            const target = await t.userWithRole('caseworker', orgA);
            await addMembership(target.userId, t.rootOrgId, 'enumerator');
            return target.userId;
          },
        ],
      ];

      it.each(guards)('refuses an org admin updating %s', async (_label, makeTarget) => {
        const targetId = await makeTarget();
        expectError(
          await t.call(adminA, 'PATCH', `/api/users/${targetId}`, { disabled: true }),
          403,
          'access.denied',
        );
        expect((await t.call(t.admin, 'GET', `/api/users/${targetId}`)).json()).toMatchObject({
          disabled: false,
        });

        expect(await t.auditActions('user.update')).toEqual([]);
      });

      it.each(guards)(
        'refuses an org admin resetting the password of %s',
        async (_l, makeTarget) => {
          const targetId = await makeTarget();
          expectError(
            await t.call(adminA, 'POST', `/api/users/${targetId}/password`, {
              newPassword: 'Fresh-Lantern-Orchard-99',
            }),
            403,
            'access.denied',
          );
          expect(await t.auditActions('user.reset_password')).toEqual([]);
        },
      );

      it('refuses an org admin updating a user left without memberships', async () => {
        const target = await t.userWithRole('caseworker', orgA1);
        const listed = await t.call(t.admin, 'GET', `/api/memberships?userId=${target.userId}`);
        for (const m of listed.json<{ items: { id: string }[] }>().items) {
          expect((await t.call(t.admin, 'DELETE', `/api/memberships/${m.id}`)).statusCode).toBe(
            204,
          );
        }
        expectError(
          await t.call(adminA, 'PATCH', `/api/users/${target.userId}`, { disabled: true }),
          403,
          'access.denied',
        );
      });

      it('lets a system admin update a user the org admin may not', async () => {
        const target = await t.userWithRole('caseworker', orgA1);
        await addMembership(target.userId, orgB, 'analyst');
        const response = await t.call(t.admin, 'PATCH', `/api/users/${target.userId}`, {
          disabled: true,
        });
        expect(response.statusCode).toBe(200);
        expect(await t.auditActions('user.update')).toEqual([
          { actorId: t.admin.userId, targetId: target.userId, outcome: 'success' },
        ]);
      });
    });
  });
});
