import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCase } from '../../../test-support/case-fixtures.js';
import { databaseKinds } from '../../../test-support/test-db.js';
import { createTestApp, type TestApp, type TestSession } from '../../../test-support/test-app.js';

const year = 2025;

describe.each(databaseKinds)('derived returns over HTTP (%s)', (kind) => {
  let t: TestApp;
  let manager: TestSession;
  let ngo: string;
  beforeEach(async () => {
    t = await createTestApp(kind);
    ngo = await t.createOrg('ngo-derive', t.rootOrgId);
    manager = await t.userWithRole('data_manager', t.rootOrgId);
    const victims = [
      { gender: 'Feminine', decidedBy: 'Police' },
      { gender: 'Feminine', decidedBy: 'NGO' },
      { gender: 'Masculine', decidedBy: 'CourtOrProsecution' },
    ];
    for (const [index, victim] of victims.entries()) {
      const body = buildCase(index === 0 ? t.rootOrgId : ngo, {
        registrationYear: year,
        registeredOn: `${String(year)}-03-0${String(index + 1)}`,
      });
      const created = await t.call(manager, 'POST', '/api/cases', {
        ...body,
        victim: {
          ...body.victim,
          gender: victim.gender,
          traffickingStatus: 'ActualVictimOfTrafficking',
          statusDecidedBy: victim.decidedBy,
        },
      });
      expect(created.statusCode).toBe(201);
    }
  });
  afterEach(async () => {
    await t.close();
  });

  it('lists the documented counting policies', async () => {
    const response = await t.call(manager, 'GET', '/api/derivations/policies');
    expect(response.statusCode).toBe(200);
    const ids = response.json<{ id: string }[]>().map((policy) => policy.id);
    expect(ids).toEqual(expect.arrayContaining(['unodc_identified', 'formal_only']));
  });

  it('derives a draft with record counts, and drills into a cell', async () => {
    const derived = await t.call(manager, 'POST', '/api/derivations', {
      organisationId: t.rootOrgId,
      year,
      policyId: 'formal_only',
    });
    expect(derived.statusCode).toBe(200);
    const body = derived.json<{ returnId: string; records: number; created: boolean }>();
    // formal_only counts police and court determinations: two of the three victims.
    expect(body).toMatchObject({ records: 2, created: true });
    const detail = await t.call(manager, 'GET', `/api/returns/${body.returnId}`);
    expect(detail.json()).toMatchObject({
      status: 'draft',
      source: 'derived',
      synthetic: false,
      sourceNote: expect.stringContaining('(formal_only)') as unknown,
    });
    // Asked to count demo records too, the draft is marked synthetic, as demo data is.
    await t.call(manager, 'POST', '/api/derivations', {
      organisationId: t.rootOrgId,
      year,
      policyId: 'formal_only',
      includeSynthetic: true,
    });
    const marked = await t.call(manager, 'GET', `/api/returns/${body.returnId}`);
    expect(marked.json()).toMatchObject({ synthetic: true });

    const query = new URLSearchParams({
      organisationId: t.rootOrgId,
      year: String(year),
      policyId: 'formal_only',
      indicator: 'detected_victims',
      dimension: 'total',
      category: 'total',
      sex: 'female',
      age: 'total',
    });
    const drill = await t.call(manager, 'GET', `/api/derivations/drill-down?${query.toString()}`);
    expect(drill.statusCode).toBe(200);
    expect(drill.json()).toMatchObject({ value: 1, hidden: 0 });
    expect(drill.json<{ cases: unknown[] }>().cases).toHaveLength(1);
  });

  it('refuses a caseworker and an unknown policy', async () => {
    const caseworker = await t.userWithRole('caseworker', t.rootOrgId);
    const refused = await t.call(caseworker, 'POST', '/api/derivations', {
      organisationId: t.rootOrgId,
      year,
      policyId: 'formal_only',
    });
    expect(refused.statusCode).toBe(403);
    const unknown = await t.call(manager, 'POST', '/api/derivations', {
      organisationId: t.rootOrgId,
      year,
      policyId: 'nope',
    });
    expect(unknown.statusCode).toBe(400);
  });
});
