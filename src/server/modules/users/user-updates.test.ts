import { describe, expect, it } from 'vitest';
import {
  expectError,
  expectExactKeys,
  expectNoAccountSecrets,
  userKeys,
} from '../../../test-support/api-expect.js';
import { createRole, testPassword } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';
import { unknownId, usersApiWorld } from '../../../test-support/users-api-world.js';

describe.each(databaseKinds)('users API: updates on %s', (kind) => {
  const w = usersApiWorld(kind);

  describe('PATCH /api/users/:id', () => {
    it('walks the ladder', async () => {
      const target = await w.t.userWithRole('caseworker', w.orgA1);
      const url = `/api/users/${target.userId}`;
      const body = { displayName: 'Renamed Person', language: 'fr' };
      // 401
      expectError(await w.t.call(null, 'PATCH', url, body), 401, 'auth.required');
      // 403: a data manager holds user.read, not user.update
      const dataManager = await w.t.userWithRole('data_manager', w.orgA);
      expectError(await w.t.call(dataManager, 'PATCH', url, body), 403, 'access.denied');
      // 400: email is not changeable here, exact code and field path
      expectError(
        await w.t.call(w.adminA, 'PATCH', url, { ...body, email: 'x@example.org' }),
        400,
        'validation.failed',
        [['body', 'email']],
      );
      // 2xx
      const response = await w.t.call(w.adminA, 'PATCH', url, body);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        id: target.userId,
        displayName: 'Renamed Person',
        language: 'fr',
      });
      // stored, not only echoed
      expect((await w.t.call(w.t.admin, 'GET', url)).json()).toMatchObject({
        displayName: 'Renamed Person',
        language: 'fr',
      });
      // audit
      expect(await w.t.auditActions('user.update')).toEqual([
        { actorId: w.adminA.userId, targetId: target.userId, outcome: 'success' },
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
      const target = await w.t.userWithRole('caseworker', w.orgA1);
      expectError(
        await w.t.call(w.adminA, 'PATCH', `/api/users/${target.userId}`, body),
        400,
        'validation.failed',
        [path],
      );
    });

    it('returns 404 user.not_found for an unknown user', async () => {
      expectError(
        await w.t.call(w.t.admin, 'PATCH', `/api/users/${unknownId}`, { displayName: 'X' }),
        404,
        'user.not_found',
      );
    });

    it('disabling an account ends its sessions', async () => {
      const target = await w.t.userWithRole('caseworker', w.orgA1);
      expect((await w.t.call(target, 'GET', '/api/organisations')).statusCode).toBe(200);
      const response = await w.t.call(w.adminA, 'PATCH', `/api/users/${target.userId}`, {
        disabled: true,
      });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ disabled: true });
      expect((await w.t.call(target, 'GET', '/api/organisations')).statusCode).toBe(401);
    });

    describe('privilege escalation guards', () => {
      const guards: [string, () => Promise<string>][] = [
        ['a system admin', () => Promise.resolve(w.t.admin.userId)],
        [
          'a system admin whose only membership lies inside the admin subtree',
          async () => {
            // Without the root membership, only the system-admin flag stands in the way.
            await w.addMembership(w.t.admin.userId, w.orgA1, 'analyst');
            const [rootMembership] = (
              await w.t.call(
                w.t.admin,
                'GET',
                `/api/memberships?userId=${w.t.admin.userId}&organisationId=${w.t.rootOrgId}`,
              )
            ).json<{ items: { id: string }[] }>().items;
            const removed = await w.t.call(
              w.t.admin,
              'DELETE',
              `/api/memberships/${rootMembership!.id}`,
            );
            expect(removed.statusCode).toBe(204);
            return w.t.admin.userId;
          },
        ],
        [
          'a user of a sibling organisation',
          async () => (await w.t.userWithRole('caseworker', w.orgB)).userId,
        ],
        [
          'a user who also belongs to an organisation outside the admin subtree',
          async () => {
            const target = await w.t.userWithRole('caseworker', w.orgA1);
            await w.addMembership(target.userId, w.orgB, 'analyst');
            return target.userId;
          },
        ],
        [
          'a user holding a verb the admin lacks (a break-glass role)',
          async () => {
            // Resetting such a user's password would let the admin sign in with their powers.
            await createRole(w.t.services, 'emergency', ['case.read', 'case.break_glass']);
            const target = await w.t.userWithRole('caseworker', w.orgA1);
            await w.t.services.users.addMembership(
              { actor: { kind: 'system' }, requestId: null },
              { userId: target.userId, organisationId: w.orgA1, role: 'emergency' },
            );
            return target.userId;
          },
        ],
        [
          'a user who also belongs to the parent organisation',
          async () => {
            const target = await w.t.userWithRole('caseworker', w.orgA);
            await w.addMembership(target.userId, w.t.rootOrgId, 'enumerator');
            return target.userId;
          },
        ],
      ];

      it.each(guards)('refuses an org admin updating %s', async (_label, makeTarget) => {
        const targetId = await makeTarget();
        expectError(
          await w.t.call(w.adminA, 'PATCH', `/api/users/${targetId}`, { disabled: true }),
          403,
          'access.denied',
        );
        expect((await w.t.call(w.t.admin, 'GET', `/api/users/${targetId}`)).json()).toMatchObject({
          disabled: false,
        });

        expect(await w.t.auditActions('user.update')).toEqual([]);
      });

      it.each(guards)(
        'refuses an org admin resetting the password of %s',
        async (_l, makeTarget) => {
          const targetId = await makeTarget();
          expectError(
            await w.t.call(w.adminA, 'POST', `/api/users/${targetId}/password`, {
              newPassword: 'Fresh-Lantern-Orchard-99',
            }),
            403,
            'access.denied',
          );
          expect(await w.t.auditActions('user.reset_password')).toEqual([]);
        },
      );

      it('refuses an org admin updating a user left without memberships', async () => {
        const target = await w.t.userWithRole('caseworker', w.orgA1);
        const listed = await w.t.call(w.t.admin, 'GET', `/api/memberships?userId=${target.userId}`);
        for (const m of listed.json<{ items: { id: string }[] }>().items) {
          expect((await w.t.call(w.t.admin, 'DELETE', `/api/memberships/${m.id}`)).statusCode).toBe(
            204,
          );
        }
        expectError(
          await w.t.call(w.adminA, 'PATCH', `/api/users/${target.userId}`, { disabled: true }),
          403,
          'access.denied',
        );
      });

      it('lets a system admin update a user the org admin may not', async () => {
        const target = await w.t.userWithRole('caseworker', w.orgA1);
        await w.addMembership(target.userId, w.orgB, 'analyst');
        const response = await w.t.call(w.t.admin, 'PATCH', `/api/users/${target.userId}`, {
          disabled: true,
        });
        expect(response.statusCode).toBe(200);
        expect(await w.t.auditActions('user.update')).toEqual([
          { actorId: w.t.admin.userId, targetId: target.userId, outcome: 'success' },
        ]);
      });
    });
  });
});
