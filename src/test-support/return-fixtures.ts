import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { GlotipCellKey, GlotipCellValue } from '../shared/glotip-vocabulary.js';
import type { ReturnDetail } from '../shared/return-schemas.js';
import type { OrganisationType } from '../shared/vocabulary.js';
import type { TestApp, TestSession } from './test-app.js';

// A GLOTIP approval hierarchy for returns tests, after DHIS2's levels:
//   root ── UNODC (approves) ── national rapporteur (accepts) ── NGO (reports)
// with the people who act at each level.

const system = { actor: { kind: 'system' } as const, requestId: null };

export interface ReturnHierarchy {
  unodc: string;
  national: string;
  ngo: string;
  /** A sibling NGO under the same national level. */
  otherNgo: string;
  /** data_manager at the NGO: edits and submits. */
  entry: TestSession;
  /** reviewer at the NGO itself: may not accept its own entity's return. */
  ngoReviewer: TestSession;
  /** reviewers at the national level: accept or send back. */
  national1: TestSession;
  national2: TestSession;
  /** reviewers at UNODC: approve and publish (and, from above, accept too). */
  unodc1: TestSession;
  unodc2: TestSession;
  /** analyst at the NGO: reads only. */
  analyst: TestSession;
}

/** Creates an organisation of a type and country, as the system. */
export async function createEntity(
  t: TestApp,
  slug: string,
  parentId: string,
  type: OrganisationType = 'ngo',
  country: string | null = null,
): Promise<string> {
  const org = await t.services.organisations.create(system, {
    name: `Org ${slug}`,
    slug,
    type,
    country,
    parentId,
    requireTwoFactor: false,
  });
  return org.id;
}

/** Builds the hierarchy and signs its people in. */
export async function createReturnHierarchy(t: TestApp): Promise<ReturnHierarchy> {
  const unodc = await createEntity(t, 'unodc', t.rootOrgId, 'un_entity');
  const national = await createEntity(t, 'national', unodc, 'member_state', 'COD');
  const ngo = await createEntity(t, 'ngo', national, 'ngo', 'COD');
  const otherNgo = await createEntity(t, 'other-ngo', national, 'ngo', 'COD');
  return {
    unodc,
    national,
    ngo,
    otherNgo,
    entry: await t.userWithRole('data_manager', ngo),
    ngoReviewer: await t.userWithRole('reviewer', ngo),
    national1: await t.userWithRole('reviewer', national),
    national2: await t.userWithRole('reviewer', national),
    unodc1: await t.userWithRole('reviewer', unodc),
    unodc2: await t.userWithRole('reviewer', unodc),
    analyst: await t.userWithRole('analyst', ngo),
  };
}

/** A cell key with totals by default. */
export function cellKey(
  indicator: GlotipCellKey['indicator'],
  overrides: Partial<Omit<GlotipCellKey, 'indicator'>> = {},
): GlotipCellKey {
  return {
    indicator,
    dimension: 'total',
    category: 'total',
    sex: 'total',
    age: 'total',
    ...overrides,
  };
}

/** A count value. */
export const countOf = (value: number): GlotipCellValue => ({ kind: 'count', value });

/** Victims 10 = 6 female + 4 male: passes every rule. */
export const consistentCells = [
  { key: cellKey('detected_victims'), value: countOf(10) },
  { key: cellKey('detected_victims', { sex: 'female' }), value: countOf(6) },
  { key: cellKey('detected_victims', { sex: 'male' }), value: countOf(4) },
];

/** Asserts a 2xx answer and returns its body as a return detail. */
export function detailOf(response: LightMyRequestResponse, status = 200): ReturnDetail {
  expect({ status: response.statusCode, body: response.body }).toMatchObject({ status });
  return response.json<ReturnDetail>();
}

/** Creates a return through the API as `session` and writes `cells` into it. */
export async function createReturnWithCells(
  t: TestApp,
  session: TestSession,
  organisationId: string,
  year: number,
  cells: readonly { key: GlotipCellKey; value: GlotipCellValue }[] = consistentCells,
): Promise<ReturnDetail> {
  const created = detailOf(
    await t.call(session, 'POST', '/api/returns', { organisationId, year }),
    201,
  );
  if (cells.length === 0) return created;
  return detailOf(await t.call(session, 'PUT', `/api/returns/${created.id}/cells`, { cells }));
}
