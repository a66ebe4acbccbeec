import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, expectExactKeys } from '../../../test-support/api-expect.js';
import { buildCase } from '../../../test-support/case-fixtures.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

interface CrosstabBody {
  dims: string[];
  cells: { keys: (string | null)[]; count: number }[];
  total: number;
  protection: string;
}

describe.each(databaseKinds)('GET /api/stats/crosstab on %s', (kind) => {
  let t: TestApp;
  // root ─┬─ ngo ── field
  //       └─ other
  let ngo: string;
  let field: string;
  let other: string;
  beforeEach(async () => {
    t = await createTestApp(kind);
    ngo = await t.createOrg('ngo', t.rootOrgId);
    field = await t.createOrg('field', ngo);
    other = await t.createOrg('other', t.rootOrgId);
  });
  afterEach(async () => {
    await t.close();
  });

  const create = async (orgId: string, overrides: Record<string, unknown> = {}) => {
    const response = await t.call(t.admin, 'POST', '/api/cases', buildCase(orgId, overrides));
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ id: string; version: number }>();
  };

  it('walks the ladder: 401, 403, 400, 200, audit, allow-listed body', async () => {
    const url = '/api/stats/crosstab?dims=year,sex';
    expectError(await t.call(null, 'GET', url), 401, 'auth.required');
    const worker = await t.userWithRole('caseworker', ngo);
    expectError(await t.call(worker, 'GET', url), 403, 'access.denied');
    const analyst = await t.userWithRole('analyst', ngo);
    expectError(
      await t.call(analyst, 'GET', '/api/stats/crosstab?dims=year,shoe'),
      400,
      'validation.failed',
      [['querystring', 'dims', 1]],
    );
    expectError(
      await t.call(analyst, 'GET', '/api/stats/crosstab?dims=year,sex,country&where=crisis:x'),
      400,
      'validation.failed',
      [['querystring', 'dims']],
    );
    await create(ngo);
    const response = await t.call(analyst, 'GET', url);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<CrosstabBody>();
    expectExactKeys(body, ['dims', 'cells', 'total', 'protection']);
    expect(body).toEqual({
      dims: ['year', 'sex'],
      cells: [{ keys: ['2025', 'Feminine'], count: 1 }],
      total: 1,
      protection: 'none (internal)',
    });
    expect(await t.auditActions('stats.crosstab')).toContainEqual(
      expect.objectContaining({ actorId: analyst.userId }),
    );
  });

  it('counts only the organisations the reader may see, and follows updates', async () => {
    await create(ngo, { registrationYear: 2024 });
    const inField = await create(field, { registrationYear: 2024 });
    await create(other, { registrationYear: 2024 });
    const analyst = await t.userWithRole('analyst', ngo);
    const url = '/api/stats/crosstab?dims=organisation,exploitation';
    const seen = (await t.call(analyst, 'GET', url)).json<CrosstabBody>();
    expect(seen.cells).toEqual(
      [
        { keys: [ngo, 'sexual'], count: 1 },
        { keys: [field, 'sexual'], count: 1 },
      ].sort((x, y) => (x.keys[0] ?? '').localeCompare(y.keys[0] ?? '')),
    );
    expectError(
      await t.call(analyst, 'GET', `/api/stats/crosstab?dims=year&organisationId=${other}`),
      403,
      'access.denied',
    );
    const updated = await t.call(t.admin, 'PATCH', `/api/cases/${inField.id}`, {
      version: inField.version,
      victim: { ...buildCase(field).victim, exploitationTypes: ['ForcedLabour'] },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const sub = await t.call(
      analyst,
      'GET',
      `/api/stats/crosstab?dims=exploitation,year&organisationId=${field}&where=conflict:Yes`,
    );
    expect(sub.json<CrosstabBody>().cells).toEqual([{ keys: ['labour', '2024'], count: 1 }]);
    const all = (
      await t.call(t.admin, 'GET', '/api/stats/crosstab?dims=majority')
    ).json<CrosstabBody>();
    expect(all.total).toBe(3);
  });
});
