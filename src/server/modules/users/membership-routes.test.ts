import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, expectExactKeys, membershipKeys } from '../../../test-support/api-expect.js';
import {
  createRole,
  createTestApp,
  type TestApp,
  type TestSession,
} from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

const unknownId = '00000000-0000-4000-8000-000000000000';

interface MembershipView {
  id: string;
  userId: string;
  organisationId: string;
  role: string;
}

describe.each(databaseKinds)('memberships API on %s', (kind) => {
  let t: TestApp;
  // root ─┬─ a ── a1
  //       └─ b
  let orgA: string;
  let orgA1: string;
  let orgB: string;
  let adminA: TestSession;
  let memberA1: TestSession;
  let memberB: TestSession;
  beforeEach(async () => {
    t = await createTestApp(kind);
    orgA = await t.createOrg('org-a', t.rootOrgId);
    orgA1 = await t.createOrg('org-a1', orgA);
    orgB = await t.createOrg('org-b', t.rootOrgId);
    adminA = await t.userWithRole('admin', orgA);
    memberA1 = await t.userWithRole('caseworker', orgA1);
    memberB = await t.userWithRole('caseworker', orgB);
  });
  afterEach(async () => {
    await t.close();
  });

  const list = async (session: TestSession, query = '') => {
    const response = await t.call(session, 'GET', `/api/memberships${query}`);
    expect(response.statusCode).toBe(200);
    return response.json<{ items: MembershipView[] }>().items;
  };

  /** The one membership a test user was created with. */
  const onlyMembershipOf = async (userId: string) => {
    const items = await list(t.admin, `?userId=${userId}`);
    expect(items).toHaveLength(1);
    return items[0]!;
  };

  describe('GET /api/memberships', () => {
    it('walks the ladder', async () => {
      // 401
      expectError(await t.call(null, 'GET', '/api/memberships'), 401, 'auth.required');
      // 400: exact code and field path for a bad filter
      expectError(
        await t.call(adminA, 'GET', '/api/memberships?userId=me'),
        400,
        'validation.failed',
        [['querystring', 'userId']],
      );
      expectError(
        await t.call(adminA, 'GET', '/api/memberships?role=admin'),
        400,
        'validation.failed',
        [['querystring', 'role']],
      );
      // 2xx, scoped: the admin of A sees memberships in A and A1, never in B or the root
      const items = await list(adminA);
      expect(items.map((m) => m.userId).sort()).toEqual([adminA.userId, memberA1.userId].sort());
      expect(items.map((m) => m.organisationId).sort()).toEqual([orgA, orgA1].sort());
      // presenter: exact keys (no organisation path, name or two-factor flag)
      for (const item of items) expectExactKeys(item, membershipKeys);
    });

    it('shows nothing to a role without membership.read', async () => {
      expect(await list(memberA1)).toEqual([]);
    });

    it.each([
      ['userId', () => `?userId=${memberA1.userId}`, () => [memberA1.userId]],
      ['organisationId', () => `?organisationId=${orgA}`, () => [adminA.userId]],
    ])('filters by %s', async (_label, query, expectedUsers) => {
      expect((await list(adminA, query())).map((m) => m.userId)).toEqual(expectedUsers());
    });

    it('keeps a filter on an outside user inside the caller scope', async () => {
      // memberB also belongs to A1: the admin of A sees that membership, not the one in B.
      const added = await t.call(t.admin, 'POST', '/api/memberships', {
        userId: memberB.userId,
        organisationId: orgA1,
        role: 'analyst',
      });
      expect(added.statusCode).toBe(201);
      const items = await list(adminA, `?userId=${memberB.userId}`);
      expect(items).toEqual([expect.objectContaining({ organisationId: orgA1, role: 'analyst' })]);
    });
  });

  describe('POST /api/memberships', () => {
    const body = () => ({ userId: memberA1.userId, organisationId: orgA1, role: 'analyst' });

    it('walks the ladder', async () => {
      // 401
      expectError(await t.call(null, 'POST', '/api/memberships', body()), 401, 'auth.required');
      // 403: a data manager reads memberships but cannot manage them
      const dataManager = await t.userWithRole('data_manager', orgA);
      expectError(
        await t.call(dataManager, 'POST', '/api/memberships', body()),
        403,
        'access.denied',
      );
      // 400: exact code and field path
      expectError(
        await t.call(adminA, 'POST', '/api/memberships', { ...body(), role: '' }),
        400,
        'validation.failed',
        [['body', 'role']],
      );
      // 2xx
      const response = await t.call(adminA, 'POST', '/api/memberships', body());
      expect(response.statusCode).toBe(201);
      const membership = response.json<MembershipView>();
      expect(membership).toMatchObject(body());
      // audit
      expect(await t.auditActions('membership.create')).toContainEqual({
        actorId: adminA.userId,
        targetId: membership.id,
        outcome: 'success',
      });
      // presenter
      expectExactKeys(membership, membershipKeys);
      // and the grant is live: memberA1 now holds the analyst's verbs in A1
      const me = await t.call(memberA1, 'GET', '/api/me');
      const verbsInA1 = me
        .json<{ memberships: { organisationId: string; verbs: string[] }[] }>()
        .memberships.filter((m) => m.organisationId === orgA1)
        .flatMap((m) => m.verbs);
      expect(verbsInA1).toContain('stats.read');
    });

    it.each([
      ['a missing userId', { userId: undefined }, ['body', 'userId']],
      ['a non-UUID organisation', { organisationId: 'org-a1' }, ['body', 'organisationId']],
      ['an unknown field', { expiresAt: '2030-01-01T00:00:00Z' }, ['body', 'expiresAt']],
    ])('rejects %s with 400 validation.failed on the field', async (_label, overrides, path) => {
      expectError(
        await t.call(adminA, 'POST', '/api/memberships', { ...body(), ...overrides }),
        400,
        'validation.failed',
        [path],
      );
    });

    it('refuses a duplicate with 409 membership.exists', async () => {
      expect((await t.call(adminA, 'POST', '/api/memberships', body())).statusCode).toBe(201);
      expectError(
        await t.call(adminA, 'POST', '/api/memberships', body()),
        409,
        'membership.exists',
      );
      const kept = await list(t.admin, `?userId=${memberA1.userId}&organisationId=${orgA1}`);
      expect(kept.filter((m) => m.role === 'analyst')).toHaveLength(1);
    });

    it('allows the same user a different role in the same organisation', async () => {
      expect((await t.call(adminA, 'POST', '/api/memberships', body())).statusCode).toBe(201);
      const second = await t.call(adminA, 'POST', '/api/memberships', {
        ...body(),
        role: 'reviewer',
      });
      expect(second.statusCode).toBe(201);
    });

    it.each([
      ['an unknown user', 'user.not_found', { userId: unknownId }],
      ['an unknown organisation', 'org.not_found', { organisationId: unknownId }],
      ['an unknown role', 'role.not_found', { role: 'overlord' }],
    ] as const)('refuses %s with 404 %s', async (_label, code, overrides) => {
      expectError(
        await t.call(adminA, 'POST', '/api/memberships', { ...body(), ...overrides }),
        404,
        code,
      );
    });

    describe('privilege escalation guards', () => {
      it('refuses an org admin granting a role in a sibling organisation', async () => {
        expectError(
          await t.call(adminA, 'POST', '/api/memberships', { ...body(), organisationId: orgB }),
          403,
          'access.denied',
        );
      });

      it('refuses an org admin bringing in a user they cannot see', async () => {
        // The outsider belongs only to a sibling: attaching them would reveal their email.
        const outsider = await t.userWithRole('caseworker', orgB);
        expectError(
          await t.call(adminA, 'POST', '/api/memberships', {
            userId: outsider.userId,
            organisationId: orgA,
            role: 'caseworker',
          }),
          403,
          'access.denied',
        );
        expect(await t.auditActions('membership.create')).not.toContainEqual(
          expect.objectContaining({ actorId: adminA.userId }),
        );
      });

      it('refuses an org admin granting a role in the parent organisation (even to themselves)', async () => {
        expectError(
          await t.call(adminA, 'POST', '/api/memberships', {
            userId: adminA.userId,
            organisationId: t.rootOrgId,
            role: 'admin',
          }),
          403,
          'access.denied',
        );
      });

      it('refuses a role carrying verbs the org admin does not hold', async () => {
        await createRole(t.services, 'emergency', ['case.read', 'case.break_glass']);
        const response = await t.call(adminA, 'POST', '/api/memberships', {
          ...body(),
          role: 'emergency',
        });
        const error = expectError(response, 403, 'access.denied');
        expect(error.details).toMatchObject({ missing: ['case.break_glass'] });
        expect(await t.auditActions('membership.create')).not.toContainEqual(
          expect.objectContaining({ actorId: adminA.userId }),
        );
      });
    });
  });

  describe('DELETE /api/memberships/:id', () => {
    it('walks the ladder', async () => {
      const membership = await onlyMembershipOf(memberA1.userId);
      const url = `/api/memberships/${membership.id}`;
      // 401
      expectError(await t.call(null, 'DELETE', url), 401, 'auth.required');
      // 403: a caseworker cannot manage memberships (not even their own)
      expectError(await t.call(memberA1, 'DELETE', url), 403, 'access.denied');
      // 400: exact code and field path
      expectError(
        await t.call(adminA, 'DELETE', '/api/memberships/xyz'),
        400,
        'validation.failed',
        [['params', 'id']],
      );
      // 2xx
      const response = await t.call(adminA, 'DELETE', url);
      expect(response.statusCode).toBe(204);
      expect(response.body).toBe('');
      expect(await list(t.admin, `?userId=${memberA1.userId}`)).toEqual([]);
      // audit
      expect(await t.auditActions('membership.delete')).toEqual([
        { actorId: adminA.userId, targetId: membership.id, outcome: 'success' },
      ]);
      // the grant is gone at once: the caseworker no longer sees A1
      expect((await t.call(memberA1, 'GET', `/api/organisations/${orgA1}`)).statusCode).toBe(403);
      // a second delete finds nothing
      expectError(await t.call(adminA, 'DELETE', url), 404, 'membership.not_found');
    });

    it('refuses an org admin removing a membership in a sibling organisation', async () => {
      const membership = await onlyMembershipOf(memberB.userId);
      expectError(
        await t.call(adminA, 'DELETE', `/api/memberships/${membership.id}`),
        403,
        'access.denied',
      );
      expect(await list(t.admin, `?userId=${memberB.userId}`)).toHaveLength(1);
      expect(await t.auditActions('membership.delete')).toEqual([]);
    });

    it('refuses an org admin removing a role with a verb they lack, as adding it', async () => {
      // An organisation's administrator holds no break-glass.
      await createRole(t.services, 'responder', ['case.read', 'case.break_glass']);
      const responder = await t.userWithRole('responder', orgA1);
      const membership = await onlyMembershipOf(responder.userId);
      const refused = expectError(
        await t.call(adminA, 'DELETE', `/api/memberships/${membership.id}`),
        403,
        'access.denied',
      );
      expect(refused.details).toMatchObject({ verb: 'membership.manage' });
      expect(await list(t.admin, `?userId=${responder.userId}`)).toHaveLength(1);
      const removed = await t.call(t.admin, 'DELETE', `/api/memberships/${membership.id}`);
      expect(removed.statusCode).toBe(204);
    });

    it('returns 404 membership.not_found for an unknown id', async () => {
      expectError(
        await t.call(t.admin, 'DELETE', `/api/memberships/${unknownId}`),
        404,
        'membership.not_found',
      );
    });
  });
});
