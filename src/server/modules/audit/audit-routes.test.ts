import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, expectExactKeys } from '../../../test-support/api-expect.js';
import { createRole, createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

interface PresentedEntry {
  seq: number;
  action: string;
  organisationId: string | null;
  outcome: string;
}

const entryKeys = [
  'seq',
  'at',
  'actorType',
  'actorId',
  'action',
  'targetType',
  'targetId',
  'organisationId',
  'requestId',
  'outcome',
  'hash',
] as const;

describe.each(databaseKinds)('audit API on %s', (kind) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(kind);
  });
  afterEach(async () => {
    await t.close();
  });

  it('walks the ladder for GET /api/audit', async () => {
    // 401: no session
    expectError(await t.call(null, 'GET', '/api/audit'), 401, 'auth.required');
    // 403: a caseworker holds no audit.read anywhere
    const caseworker = await t.userWithRole('caseworker');
    expectError(await t.call(caseworker, 'GET', '/api/audit'), 403, 'access.denied');
    expectError(
      await t.call(caseworker, 'GET', `/api/audit?organisationId=${t.rootOrgId}`),
      403,
      'access.denied',
    );
    // 400: exact code and field path
    expectError(await t.call(t.admin, 'GET', '/api/audit?outcome=nope'), 400, 'validation.failed', [
      ['querystring', 'outcome'],
    ]);
    expectError(await t.call(t.admin, 'GET', '/api/audit?limit=0'), 400, 'validation.failed', [
      ['querystring', 'limit'],
    ]);
    expectError(await t.call(t.admin, 'GET', '/api/audit?bogus=1'), 400, 'validation.failed', [
      ['querystring', 'bogus'],
    ]);
    // 200 with the entries, newest first
    const response = await t.call(t.admin, 'GET', '/api/audit');
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: PresentedEntry[] }>().items;
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.map((e) => e.seq)).toEqual([...items.map((e) => e.seq)].sort((a, b) => b - a));
    expect(items.some((e) => e.action === 'org.create' && e.organisationId === t.rootOrgId)).toBe(
      true,
    );
    // The presenter names every field it sends; the chain link stays internal.
    for (const item of items) expectExactKeys(item, entryKeys);
    expect(response.body).not.toContain('prevHash');
    expect(response.body).not.toContain('prev_hash');
  });

  it('filters by action, outcome and limit', async () => {
    await t.createOrg('second');
    const orgs = await t.call(t.admin, 'GET', '/api/audit?action=org.create&limit=1');
    expect(orgs.statusCode).toBe(200);
    const items = orgs.json<{ items: PresentedEntry[] }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]?.action).toBe('org.create');
    const denied = await t.call(t.admin, 'GET', '/api/audit?outcome=denied');
    expect(denied.json<{ items: PresentedEntry[] }>().items).toEqual([]);
  });

  it('lets an organisation-level auditor read only organisations under them', async () => {
    await createRole(t.services, 'auditor', ['audit.read']);
    const child = await t.createOrg('child', t.rootOrgId);
    const sibling = await t.createOrg('sibling', t.rootOrgId);
    const auditor = await t.userWithRole('auditor', child);
    // The whole log is for system administrators: an auditor must name an organisation.
    expectError(await t.call(auditor, 'GET', '/api/audit'), 400, 'validation.failed', [
      ['querystring', 'organisationId'],
    ]);
    const own = await t.call(auditor, 'GET', `/api/audit?organisationId=${child}`);
    expect(own.statusCode).toBe(200);
    const items = own.json<{ items: PresentedEntry[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.organisationId === child)).toBe(true);
    // Not a sibling, not the parent, not the chain check.
    expectError(
      await t.call(auditor, 'GET', `/api/audit?organisationId=${sibling}`),
      403,
      'access.denied',
    );
    expectError(
      await t.call(auditor, 'GET', `/api/audit?organisationId=${t.rootOrgId}`),
      403,
      'access.denied',
    );
    expectError(await t.call(auditor, 'GET', '/api/audit/verification'), 403, 'access.denied');
  });

  it('walks the ladder for GET /api/audit/verification', async () => {
    expectError(await t.call(null, 'GET', '/api/audit/verification'), 401, 'auth.required');
    const caseworker = await t.userWithRole('caseworker');
    expectError(await t.call(caseworker, 'GET', '/api/audit/verification'), 403, 'access.denied');
    const response = await t.call(t.admin, 'GET', '/api/audit/verification');
    expect(response.statusCode).toBe(200);
    const body = response.json<{ intact: boolean; entries: number }>();
    const total = (await t.services.audit.query(t.database.db, { limit: 500 })).length;
    expect(body).toEqual({ intact: true, entries: total, firstBadSeq: null, problem: null });
    expect(total).toBeGreaterThan(0);
  });
});
