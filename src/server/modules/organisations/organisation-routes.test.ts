import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

describe.each(databaseKinds)('organisations API on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  const validBody = () => ({ name: 'Safe Haven', slug: 'safe-haven', type: 'ngo', country: 'JOR' });

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
});
