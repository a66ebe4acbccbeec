import { afterEach, beforeEach, expect } from 'vitest';
import { buildCase } from './case-fixtures.js';
import { createRole, createTestApp, type TestApp, type TestSession } from './test-app.js';

/** What the case API answers about a case (the fields the tests read). */
export interface CaseBody {
  id: string;
  caseNumber: string;
  version: number;
  view: string;
  forgotten: boolean;
  victim: {
    identity: Record<string, unknown> | null;
    ageAtIdentification: number | null;
    ageBand: string | null;
    gender: string;
  };
  perpetrators: { name: string | null; affiliation: string | null }[];
  events: {
    place: string | null;
    country: string | null;
    year: number | null;
    date: string | null;
  }[];
  supportPlans: {
    type: string;
    plannedEndDate: string | null;
    actualEndDate: string | null;
  }[];
}

/**
 * The world of the case API tests: root ─┬─ ngo ── field, and └─ other; `create` makes a case
 * as the administrator; `responderIn` a user holding a custom role that may open other
 * organisations' cases (break-glass), and `reason` an emergency reason for it.
 */
export interface CasesApiWorld {
  t: TestApp;
  ngo: string;
  field: string;
  other: string;
  create: (orgId: string, overrides?: Record<string, unknown>) => Promise<CaseBody>;
  responderIn: (orgId: string) => Promise<TestSession & { email: string }>;
  reason: { reason: string };
}

/** Registers the set-up and tear-down of a cases API world on `kind`; read it inside tests. */
export function casesApiWorld(kind: 'sqlite' | 'postgres'): CasesApiWorld {
  const world = {
    reason: { reason: 'Victim in immediate danger at the border crossing tonight' },
  } as CasesApiWorld;
  beforeEach(async () => {
    const t = await createTestApp(kind);
    const ngo = await t.createOrg('ngo', t.rootOrgId);
    const field = await t.createOrg('field', ngo);
    const other = await t.createOrg('other', t.rootOrgId);
    Object.assign(world, { t, ngo, field, other });
  });
  afterEach(async () => {
    await world.t.close();
  });
  world.create = async (orgId, overrides = {}) => {
    const response = await world.t.call(
      world.t.admin,
      'POST',
      '/api/cases',
      buildCase(orgId, overrides),
    );
    expect(response.statusCode, response.body).toBe(201);
    return response.json<CaseBody>();
  };
  world.responderIn = async (orgId) => {
    await createRole(world.t.services, 'emergency', [
      'case.read',
      'case.read_identifying',
      'case.break_glass',
    ]);
    return world.t.userWithRole('emergency', orgId);
  };
  return world;
}
