import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  expectError,
  expectExactKeys,
  organisationKeys,
} from '../../../test-support/api-expect.js';
import { createRole, createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

const unknownId = '00000000-0000-4000-8000-000000000000';

interface OrgView {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
}

describe.each(databaseKinds)('organisations API on %s', (kind) => {
  let t: TestApp;
  // root ─┬─ a ── a1 ── a1x
  //       └─ b
  let orgA: string;
  let orgA1: string;
  let orgA1x: string;
  let orgB: string;
  beforeEach(async () => {
    t = await createTestApp(kind);
    orgA = await t.createOrg('org-a', t.rootOrgId);
    orgA1 = await t.createOrg('org-a1', orgA);
    orgA1x = await t.createOrg('org-a1x', orgA1);
    orgB = await t.createOrg('org-b', t.rootOrgId);
  });
  afterEach(async () => {
    await t.close();
  });

  const validBody = () => ({ name: 'Safe Haven', slug: 'safe-haven', type: 'ngo', country: 'JOR' });

  const listIds = async (session: Parameters<TestApp['call']>[0]) => {
    const response = await t.call(session, 'GET', '/api/organisations');
    expect(response.statusCode).toBe(200);
    return response.json<{ items: OrgView[] }>().items.map((org) => org.id);
  };

  it('walks the ladder for POST /api/organisations', async () => {
    // 401: no session
    expect((await t.call(null, 'POST', '/api/organisations', validBody())).statusCode).toBe(401);
    // 403: a caseworker cannot create organisations
    const caseworker = await t.userWithRole('caseworker');
    const denied = await t.call(caseworker, 'POST', '/api/organisations', {
      ...validBody(),
      parentId: t.rootOrgId,
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'access.denied' });
    // 400: exact code and field path
    const invalid = await t.call(t.admin, 'POST', '/api/organisations', {
      ...validBody(),
      country: 'XXX',
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({
      code: 'validation.failed',
      details: [{ path: ['body', 'country'] }],
    });
    // 2xx
    const created = await t.call(t.admin, 'POST', '/api/organisations', {
      ...validBody(),
      parentId: t.rootOrgId,
    });
    expect(created.statusCode).toBe(201);
    const org = created.json<{ id: string; parentId: string }>();
    expect(org.parentId).toBe(t.rootOrgId);
    // audit entry written
    const entries = await t.auditActions('org.create');
    expect(entries.find((e) => e.targetId === org.id)).toMatchObject({
      actorId: t.admin.userId,
      outcome: 'success',
    });
    // presenter: only allow-listed fields leave (no materialised path)
    expect(Object.keys(org).sort()).toEqual(
      ['country', 'createdAt', 'id', 'name', 'parentId', 'requireTwoFactor', 'slug', 'type'].sort(),
    );
  });

  it('refuses a slug that is already taken with 409 org.slug_taken on body.slug', async () => {
    const taken = await t.call(t.admin, 'POST', '/api/organisations', {
      ...validBody(),
      slug: 'org-a',
      parentId: t.rootOrgId,
    });
    expectError(taken, 409, 'org.slug_taken', [['body', 'slug']]);
    const byAdmin = (await t.auditActions('org.create')).filter(
      (e) => e.actorId === t.admin.userId,
    );
    expect(byAdmin).toEqual([]);
  });

  it('lets an org admin create a child in their subtree but not in a sibling or at the top', async () => {
    const adminA = await t.userWithRole('admin', orgA);
    const child = await t.call(adminA, 'POST', '/api/organisations', {
      ...validBody(),
      parentId: orgA1,
    });
    expect(child.statusCode).toBe(201);
    expectError(
      await t.call(adminA, 'POST', '/api/organisations', {
        ...validBody(),
        slug: 'in-b',
        parentId: orgB,
      }),
      403,
      'access.denied',
    );
    expectError(
      await t.call(adminA, 'POST', '/api/organisations', { ...validBody(), slug: 'top' }),
      403,
      'access.denied',
    );
  });

  describe('GET /api/organisations', () => {
    it('walks the ladder: 401, then a list scoped to the caller subtree', async () => {
      expectError(await t.call(null, 'GET', '/api/organisations'), 401, 'auth.required');
      // A caseworker in A sees A and its descendants, never the parent or the sibling B.
      const caseworkerA = await t.userWithRole('caseworker', orgA);
      expect((await listIds(caseworkerA)).sort()).toEqual([orgA, orgA1, orgA1x].sort());
      const caseworkerB = await t.userWithRole('caseworker', orgB);
      expect(await listIds(caseworkerB)).toEqual([orgB]);
      // A system admin sees everything, ordered root first.
      const all = await listIds(t.admin);
      expect(all.sort()).toEqual([t.rootOrgId, orgA, orgA1, orgA1x, orgB].sort());
      // Presenter: every item carries exactly the allow-listed fields.
      const response = await t.call(caseworkerA, 'GET', '/api/organisations');
      for (const item of response.json<{ items: unknown[] }>().items) {
        expectExactKeys(item, organisationKeys);
      }
      expect(response.body).not.toContain('"path"');
    });

    it('shows nothing to a member whose role lacks org.read', async () => {
      await createRole(t.services, 'auditor', ['audit.read']);
      const auditor = await t.userWithRole('auditor', orgA);
      expect(await listIds(auditor)).toEqual([]);
    });

    it('unions the subtrees of several memberships', async () => {
      const caseworker = await t.userWithRole('caseworker', orgA1);
      const added = await t.call(t.admin, 'POST', '/api/memberships', {
        userId: caseworker.userId,
        organisationId: orgB,
        role: 'enumerator',
      });
      expect(added.statusCode).toBe(201);
      expect((await listIds(caseworker)).sort()).toEqual([orgA1, orgA1x, orgB].sort());
    });
  });

  describe('GET /api/organisations/:id', () => {
    it('walks the ladder', async () => {
      // 401
      expectError(await t.call(null, 'GET', `/api/organisations/${orgA1}`), 401, 'auth.required');
      // 403: a caseworker of A cannot read the sibling B
      const caseworkerA = await t.userWithRole('caseworker', orgA);
      expectError(
        await t.call(caseworkerA, 'GET', `/api/organisations/${orgB}`),
        403,
        'access.denied',
      );
      // ...nor the parent of their organisation
      expectError(
        await t.call(caseworkerA, 'GET', `/api/organisations/${t.rootOrgId}`),
        403,
        'access.denied',
      );
      // 400: the id must be a UUID
      expectError(
        await t.call(caseworkerA, 'GET', '/api/organisations/not-a-uuid'),
        400,
        'validation.failed',
        [['params', 'id']],
      );
      // 404 for an id that does not exist
      expectError(
        await t.call(t.admin, 'GET', `/api/organisations/${unknownId}`),
        404,
        'org.not_found',
      );
      // 2xx: a descendant is readable
      const response = await t.call(caseworkerA, 'GET', `/api/organisations/${orgA1x}`);
      expect(response.statusCode).toBe(200);
      const org = response.json<OrgView>();
      expect(org).toMatchObject({ id: orgA1x, slug: 'org-a1x', parentId: orgA1 });
      // presenter
      expectExactKeys(org, organisationKeys);
    });
  });

  describe('PATCH /api/organisations/:id', () => {
    it('walks the ladder', async () => {
      const url = `/api/organisations/${orgA1}`;
      const body = { name: 'Renamed', country: 'LBN', requireTwoFactor: true };
      // 401
      expectError(await t.call(null, 'PATCH', url, body), 401, 'auth.required');
      // 403: a caseworker of A holds org.read but not org.update
      const caseworkerA = await t.userWithRole('caseworker', orgA);
      expectError(await t.call(caseworkerA, 'PATCH', url, body), 403, 'access.denied');
      // 403: the admin of B cannot change A's subtree
      const adminB = await t.userWithRole('admin', orgB);
      expectError(await t.call(adminB, 'PATCH', url, body), 403, 'access.denied');
      // 400: exact code and field path
      const adminA = await t.userWithRole('admin', orgA);
      expectError(
        await t.call(adminA, 'PATCH', url, { ...body, country: 'jor' }),
        400,
        'validation.failed',
        [['body', 'country']],
      );
      // 2xx
      const response = await t.call(adminA, 'PATCH', url, body);
      expect(response.statusCode).toBe(200);
      const org = response.json<OrgView & { country: string; requireTwoFactor: boolean }>();
      expect(org).toMatchObject({
        id: orgA1,
        name: 'Renamed',
        slug: 'org-a1',
        country: 'LBN',
        requireTwoFactor: true,
        parentId: orgA,
      });
      // the change was stored, not only echoed
      const reread = await t.call(t.admin, 'GET', url);
      expect(reread.json()).toMatchObject({
        name: 'Renamed',
        country: 'LBN',
        requireTwoFactor: true,
      });
      // audit entry written by the acting admin
      const entries = await t.auditActions('org.update');
      expect(entries).toEqual([{ actorId: adminA.userId, targetId: orgA1, outcome: 'success' }]);
      // presenter
      expectExactKeys(org, organisationKeys);
    });

    it.each([
      ['slug', { slug: 'new-slug' }, ['body', 'slug']],
      ['path', { path: '/x/' }, ['body', 'path']],
      ['an unknown type', { type: 'bank' }, ['body', 'type']],
      ['an empty name', { name: '   ' }, ['body', 'name']],
      ['a non-UUID parent', { parentId: 'org-b' }, ['body', 'parentId']],
    ])('rejects %s with 400 validation.failed on the field', async (_label, body, path) => {
      expectError(
        await t.call(t.admin, 'PATCH', `/api/organisations/${orgA1}`, body),
        400,
        'validation.failed',
        [path],
      );
      expect(await t.auditActions('org.update')).toEqual([]);
    });

    it('returns 404 org.not_found for an unknown organisation', async () => {
      expectError(
        await t.call(t.admin, 'PATCH', `/api/organisations/${unknownId}`, { name: 'X' }),
        404,
        'org.not_found',
      );
    });

    it.each([
      ['itself', () => orgA],
      ['its child', () => orgA1],
      ['its grandchild', () => orgA1x],
    ])(
      'refuses to move an organisation under %s with 409 org.parent_cycle',
      async (_label, target) => {
        const response = await t.call(t.admin, 'PATCH', `/api/organisations/${orgA}`, {
          parentId: target(),
        });
        expectError(response, 409, 'org.parent_cycle', [['body', 'parentId']]);
        // nothing moved, nothing audited
        expect((await t.call(t.admin, 'GET', `/api/organisations/${orgA}`)).json()).toMatchObject({
          parentId: t.rootOrgId,
        });
        expect(await t.auditActions('org.update')).toEqual([]);
      },
    );

    it('moves a whole subtree: access follows the new ancestry', async () => {
      const caseworkerA = await t.userWithRole('caseworker', orgA);
      const caseworkerB = await t.userWithRole('caseworker', orgB);
      const moved = await t.call(t.admin, 'PATCH', `/api/organisations/${orgA1}`, {
        parentId: orgB,
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ id: orgA1, parentId: orgB });
      // the grandchild moved with it
      expect((await listIds(caseworkerB)).sort()).toEqual([orgB, orgA1, orgA1x].sort());
      expect(await listIds(caseworkerA)).toEqual([orgA]);
      expectError(
        await t.call(caseworkerA, 'GET', `/api/organisations/${orgA1x}`),
        403,
        'access.denied',
      );
      expect((await t.call(caseworkerB, 'GET', `/api/organisations/${orgA1x}`)).statusCode).toBe(
        200,
      );
    });

    it('lets a system admin move an organisation to the top level', async () => {
      const moved = await t.call(t.admin, 'PATCH', `/api/organisations/${orgA1}`, {
        parentId: null,
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ parentId: null });
      const caseworkerA = await t.userWithRole('caseworker', orgA);
      expect(await listIds(caseworkerA)).toEqual([orgA]);
    });

    it.each([
      ['under a sibling it does not administer', () => orgB],
      ['to the top level', () => null],
    ])('refuses an org admin moving their descendant %s', async (_label, target) => {
      const adminA = await t.userWithRole('admin', orgA);
      expectError(
        await t.call(adminA, 'PATCH', `/api/organisations/${orgA1}`, { parentId: target() }),
        403,
        'access.denied',
      );
      expect((await t.call(t.admin, 'GET', `/api/organisations/${orgA1}`)).json()).toMatchObject({
        parentId: orgA,
      });
    });

    it('lets an org admin move a descendant within their own subtree', async () => {
      const adminA = await t.userWithRole('admin', orgA);
      const moved = await t.call(adminA, 'PATCH', `/api/organisations/${orgA1x}`, {
        parentId: orgA,
      });
      expect(moved.statusCode).toBe(200);
      expect(moved.json()).toMatchObject({ id: orgA1x, parentId: orgA });
    });
  });
  it('answers concurrent writes each with its own outcome, all audited in one intact chain', async () => {
    const before = (await t.auditActions('org.create')).length;
    // Sent together, so on SQLite they share group commits; one repeats a slug and must fail
    // alone, leaving neither an organisation nor an audit entry behind.
    const bodies = Array.from({ length: 24 }, (_, i) => ({
      ...validBody(),
      name: `Concurrent ${String(i)}`,
      slug: i === 17 ? 'concurrent-3' : `concurrent-${String(i)}`,
    }));
    const responses = await Promise.all(
      bodies.map((body) => t.call(t.admin, 'POST', '/api/organisations', body)),
    );
    // Whichever of the two same-slug requests commits first wins; the other alone is refused.
    const statuses = responses.map((r) => r.statusCode);
    const refusedAt = statuses.indexOf(409);
    expect([3, 17]).toContain(refusedAt);
    expect(statuses.filter((status) => status === 201)).toHaveLength(23);
    const refused = responses[refusedAt];
    if (refused === undefined) throw new Error('no refusal of the repeated slug');
    expectError(refused, 409, 'org.slug_taken');
    const created = responses.filter((r) => r.statusCode === 201).map((r) => r.json<OrgView>().id);
    // Every answered success is committed and readable at once, outside any transaction.
    const visible = await listIds(t.admin);
    for (const id of created) expect(visible).toContain(id);
    const audited = (await t.auditActions('org.create')).length;
    expect(audited - before).toBe(23);
    const report = await t.services.audit.verify(t.database.db);
    expect(report).toMatchObject({ intact: true, firstBadSeq: null });
  });
});
