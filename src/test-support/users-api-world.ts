import { afterEach, beforeEach, expect } from 'vitest';
import { createTestApp, testPassword, type TestApp, type TestSession } from './test-app.js';

// The users API tests' world, fresh for each test:
//   root ─┬─ a ── a1
//         └─ b
// with an admin of `a` signed in.

/** An id no user has. */
export const unknownId = '00000000-0000-4000-8000-000000000000';

/** A user as the API shows one. */
export interface UserView {
  id: string;
  email: string;
  displayName: string;
  disabled: boolean;
}

/** What each test of the users API works with (set up again before every test). */
export interface UsersApiWorld {
  t: TestApp;
  orgA: string;
  orgA1: string;
  orgB: string;
  adminA: TestSession;
  /** A valid POST /api/users body for a caseworker of a1, with `overrides`. */
  newUser: (overrides?: Record<string, unknown>) => Record<string, unknown>;
  /** Gives `userId` a role in another organisation (as the system admin). */
  addMembership: (userId: string, organisationId: string, role: string) => Promise<void>;
}

/** Registers the set-up and tear-down of a users API world on `kind`; read it inside tests. */
export function usersApiWorld(kind: 'sqlite' | 'postgres'): UsersApiWorld {
  const world = {} as UsersApiWorld;
  beforeEach(async () => {
    const t = await createTestApp(kind);
    const orgA = await t.createOrg('org-a', t.rootOrgId);
    const orgA1 = await t.createOrg('org-a1', orgA);
    const orgB = await t.createOrg('org-b', t.rootOrgId);
    const adminA = await t.userWithRole('admin', orgA);
    Object.assign(world, { t, orgA, orgA1, orgB, adminA });
  });
  afterEach(async () => {
    await world.t.close();
  });
  world.newUser = (overrides = {}) => ({
    email: 'New.Person@Example.org',
    displayName: 'New Person',
    password: testPassword,
    organisationId: world.orgA1,
    role: 'caseworker',
    ...overrides,
  });
  world.addMembership = async (userId, organisationId, role) => {
    const response = await world.t.call(world.t.admin, 'POST', '/api/memberships', {
      userId,
      organisationId,
      role,
    });
    expect(response.statusCode).toBe(201);
  };
  return world;
}
