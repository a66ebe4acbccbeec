import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtInRoleNames, builtInRoles } from '../../../shared/permissions.js';
import { expectError, expectExactKeys } from '../../../test-support/api-expect.js';
import {
  createRole,
  createTestApp,
  type TestApp,
  type TestSession,
} from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

const roleKeys = ['builtIn', 'name', 'verbs'];

interface RoleView {
  name: string;
  verbs: string[];
  builtIn: boolean;
}

describe.each(databaseKinds)('roles API on %s', (kind) => {
  let t: TestApp;
  let orgA: string;
  /** An org admin (every admin verb, role.manage included) who is not a system admin. */
  let adminA: TestSession;
  beforeEach(async () => {
    t = await createTestApp(kind);
    orgA = await t.createOrg('org-a', t.rootOrgId);
    adminA = await t.userWithRole('admin', orgA);
    await createRole(t.services, 'intake', ['org.read', 'case.create']);
  });
  afterEach(async () => {
    await t.close();
  });

  const rolesOf = async (session: TestSession) => {
    const response = await t.call(session, 'GET', '/api/roles');
    expect(response.statusCode).toBe(200);
    return response.json<{ items: RoleView[] }>().items;
  };

  describe('GET /api/roles', () => {
    it('walks the ladder', async () => {
      // 401
      expectError(await t.call(null, 'GET', '/api/roles'), 401, 'auth.required');
      // 403: a caseworker holds no role.read anywhere
      const caseworker = await t.userWithRole('caseworker', orgA);
      expectError(await t.call(caseworker, 'GET', '/api/roles'), 403, 'access.denied');
      // 2xx: an org admin (role.read) sees built-in and custom roles
      const items = await rolesOf(adminA);
      expect(items.map((r) => r.name).sort()).toEqual([...builtInRoleNames, 'intake'].sort());
      expect(items.find((r) => r.name === 'intake')).toEqual({
        name: 'intake',
        verbs: ['org.read', 'case.create'],
        builtIn: false,
      });
      for (const name of builtInRoleNames) {
        const role = items.find((r) => r.name === name);
        expect(role).toEqual({ name, verbs: [...builtInRoles[name]], builtIn: true });
      }
      // presenter: exact keys (no created_at or stored JSON)
      for (const item of items) expectExactKeys(item, roleKeys);
    });

    it('lets a custom role holding role.read list roles', async () => {
      await createRole(t.services, 'role_reader', ['role.read']);
      const reader = await t.userWithRole('role_reader', orgA);
      expect((await rolesOf(reader)).length).toBe(builtInRoleNames.length + 2);
    });
  });

  describe('POST /api/roles', () => {
    const body = () => ({ name: 'hotline', verbs: ['org.read', 'case.create', 'case.read'] });

    it('walks the ladder', async () => {
      // 401
      expectError(await t.call(null, 'POST', '/api/roles', body()), 401, 'auth.required');
      // 403: an org admin holds role.manage, but roles are installation-wide
      expectError(await t.call(adminA, 'POST', '/api/roles', body()), 403, 'access.denied');
      // 400: exact code and field path
      expectError(
        await t.call(t.admin, 'POST', '/api/roles', { ...body(), name: 'Hotline' }),
        400,
        'validation.failed',
        [['body', 'name']],
      );
      // 2xx
      const response = await t.call(t.admin, 'POST', '/api/roles', body());
      expect(response.statusCode).toBe(201);
      const role = response.json<RoleView>();
      expect(role).toEqual({ ...body(), builtIn: false });
      // audit
      expect(await t.auditActions('role.create')).toContainEqual({
        actorId: t.admin.userId,
        targetId: 'hotline',
        outcome: 'success',
      });
      // presenter
      expectExactKeys(role, roleKeys);
      // listed afterwards
      expect((await rolesOf(t.admin)).find((r) => r.name === 'hotline')).toEqual(role);
    });

    it.each([
      ['a name with a hyphen', { name: 'hot-line' }, ['body', 'name']],
      ['a one-letter name', { name: 'h' }, ['body', 'name']],
      ['a name starting with a digit', { name: '1hotline' }, ['body', 'name']],
      ['no verbs', { verbs: [] }, ['body', 'verbs']],
      ['an unknown verb', { verbs: ['org.read', 'world.destroy'] }, ['body', 'verbs', 1]],
      ['an unknown field', { builtIn: true }, ['body', 'builtIn']],
    ])('rejects %s with 400 validation.failed on the field', async (_label, overrides, path) => {
      expectError(
        await t.call(t.admin, 'POST', '/api/roles', { ...body(), ...overrides }),
        400,
        'validation.failed',
        [path],
      );
      expect(await t.auditActions('role.create')).not.toContainEqual(
        expect.objectContaining({ actorId: t.admin.userId }),
      );
    });

    it.each([['intake'], ['admin'], ['caseworker']])(
      'refuses the taken name %s with 409 role.name_taken',
      async (name) => {
        expectError(
          await t.call(t.admin, 'POST', '/api/roles', { ...body(), name }),
          409,
          'role.name_taken',
          [['body', 'name']],
        );
      },
    );

    it('stores each verb once', async () => {
      const response = await t.call(t.admin, 'POST', '/api/roles', {
        name: 'dupes',
        verbs: ['org.read', 'org.read', 'case.read'],
      });
      expect(response.json()).toMatchObject({ verbs: ['org.read', 'case.read'] });
    });
  });

  describe('PUT /api/roles/:name', () => {
    const body = () => ({ verbs: ['org.read', 'user.read'] });

    it('walks the ladder', async () => {
      const url = '/api/roles/intake';
      // 401
      expectError(await t.call(null, 'PUT', url, body()), 401, 'auth.required');
      // 403: an org admin is not a system admin
      expectError(await t.call(adminA, 'PUT', url, body()), 403, 'access.denied');
      // 400: exact code and field path
      expectError(
        await t.call(t.admin, 'PUT', url, { verbs: ['org.read', 'org.destroy'] }),
        400,
        'validation.failed',
        [['body', 'verbs', 1]],
      );
      // 2xx
      const response = await t.call(t.admin, 'PUT', url, body());
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ name: 'intake', ...body(), builtIn: false });
      // audit
      expect(await t.auditActions('role.update')).toEqual([
        { actorId: t.admin.userId, targetId: 'intake', outcome: 'success' },
      ]);
      // presenter
      expectExactKeys(response.json(), roleKeys);
    });

    it.each([
      ['a renaming attempt', { name: 'other', verbs: ['org.read'] }, ['body', 'name']],
      ['no verbs', { verbs: [] }, ['body', 'verbs']],
      ['verbs as a string', { verbs: 'org.read' }, ['body', 'verbs']],
    ])('rejects %s with 400 validation.failed on the field', async (_label, body, path) => {
      expectError(
        await t.call(t.admin, 'PUT', '/api/roles/intake', body),
        400,
        'validation.failed',
        [path],
      );
    });

    it('takes effect on the next request of every holder', async () => {
      const holder = await t.userWithRole('intake', orgA);
      expect((await t.call(holder, 'GET', '/api/users')).json()).toEqual({ items: [] });
      expect((await t.call(t.admin, 'PUT', '/api/roles/intake', body())).statusCode).toBe(200);
      const users = (await t.call(holder, 'GET', '/api/users')).json<{ items: { id: string }[] }>();
      expect(users.items.map((u) => u.id).sort()).toEqual([adminA.userId, holder.userId].sort());
    });

    it.each(builtInRoleNames.map((name) => [name]))(
      'refuses to change the built-in role %s with 409 role.built_in',
      async (name) => {
        expectError(
          await t.call(t.admin, 'PUT', `/api/roles/${name}`, body()),
          409,
          'role.built_in',
        );
        const role = (await rolesOf(t.admin)).find((r) => r.name === name);
        expect(role?.verbs).toEqual([...builtInRoles[name]]);
        expect(await t.auditActions('role.update')).toEqual([]);
      },
    );

    it('returns 404 role.not_found for an unknown role', async () => {
      expectError(await t.call(t.admin, 'PUT', '/api/roles/nobody', body()), 404, 'role.not_found');
    });
  });

  describe('DELETE /api/roles/:name', () => {
    it('walks the ladder', async () => {
      const url = '/api/roles/intake';
      // 401
      expectError(await t.call(null, 'DELETE', url), 401, 'auth.required');
      // 403: an org admin is not a system admin
      expectError(await t.call(adminA, 'DELETE', url), 403, 'access.denied');
      // 400: exact code and field path
      expectError(
        await t.call(t.admin, 'DELETE', `/api/roles/${'x'.repeat(65)}`),
        400,
        'validation.failed',
        [['params', 'name']],
      );
      // 2xx
      const response = await t.call(t.admin, 'DELETE', url);
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
      expect((await rolesOf(t.admin)).map((r) => r.name)).not.toContain('intake');
      // audit
      expect(await t.auditActions('role.delete')).toEqual([
        { actorId: t.admin.userId, targetId: 'intake', outcome: 'success' },
      ]);
      // gone
      expectError(await t.call(t.admin, 'DELETE', url), 404, 'role.not_found');
    });

    it.each(builtInRoleNames.map((name) => [name]))(
      'refuses to delete the built-in role %s with 409 role.built_in',
      async (name) => {
        expectError(await t.call(t.admin, 'DELETE', `/api/roles/${name}`), 409, 'role.built_in');
        expect((await rolesOf(t.admin)).map((r) => r.name)).toContain(name);
      },
    );

    it('refuses to delete a role still held with 409 role.in_use, and allows it once released', async () => {
      const holder = await t.userWithRole('intake', orgA);
      expectError(await t.call(t.admin, 'DELETE', '/api/roles/intake'), 409, 'role.in_use');
      expect((await rolesOf(t.admin)).map((r) => r.name)).toContain('intake');
      expect(await t.auditActions('role.delete')).toEqual([]);
      // release the membership, then the delete succeeds
      const memberships = await t.call(t.admin, 'GET', `/api/memberships?userId=${holder.userId}`);
      const [membership] = memberships.json<{ items: { id: string }[] }>().items;
      expect(
        (await t.call(t.admin, 'DELETE', `/api/memberships/${membership!.id}`)).statusCode,
      ).toBe(204);
      expect((await t.call(t.admin, 'DELETE', '/api/roles/intake')).statusCode).toBe(204);
    });
  });

  describe('changes at once', () => {
    it('built-in roles synced by two starts at once both succeed', async () => {
      // As a fresh database: the built-in roles not there yet (none is held here).
      await t.database.db.deleteFrom('memberships').execute();
      await t.database.db.deleteFrom('roles').where('built_in', '=', 1).execute();
      await Promise.all([
        t.services.roles.syncBuiltIns(t.database.db),
        t.services.roles.syncBuiltIns(t.database.db),
      ]);
      const names = (await t.database.db.selectFrom('roles').select('name').execute()).map(
        (row) => row.name,
      );
      expect(names).toEqual(expect.arrayContaining([...builtInRoleNames]));
    });

    it.runIf(kind === 'postgres')(
      'a membership added with a role being deleted is refused as role.not_found (PostgreSQL)',
      async () => {
        const newcomer = await t.userWithRole('analyst', orgA);
        const answers: Promise<{ statusCode: number; body: string }>[] = [];
        await t.database.db.transaction().execute(async (trx) => {
          // Held so the deletion waits to commit while the membership is being added.
          await trx.selectFrom('audit_head').select('seq').forUpdate().execute();
          answers.push(t.call(t.admin, 'DELETE', '/api/roles/intake'));
          await new Promise((resolve) => setTimeout(resolve, 150));
          answers.push(
            t.call(t.admin, 'POST', '/api/memberships', {
              userId: newcomer.userId,
              organisationId: orgA,
              role: 'intake',
            }),
          );
          await new Promise((resolve) => setTimeout(resolve, 300));
        });
        const [deleted, added] = await Promise.all(answers);
        expect(deleted?.statusCode, deleted?.body).toBe(204);
        expect(added?.statusCode, added?.body).toBe(404);
        expect(JSON.parse(added?.body ?? '{}')).toMatchObject({ code: 'role.not_found' });
      },
    );
  });
});
