import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import type { PermissionVerb } from '../shared/permissions.js';
import { createHttpApp, createServices, type Services } from '../server/app.js';
import type { Database } from '../server/platform/db/database.js';
import type { HttpApp } from '../server/platform/http/app-factory.js';
import { createLogger } from '../server/platform/logger.js';
import { createTestClock, createTestDatabase, testMasterKey } from './test-db.js';

/** A strong password that passes the policy, for test users. */
export const testPassword = 'Correct-Horse-Battery-7781';

/** A signed-in browser session: the cookie and the CSRF token to send with writes. */
export interface TestSession {
  userId: string;
  cookie: string;
  csrf: string;
}

export interface TestApp {
  app: HttpApp;
  services: Services;
  database: Database;
  clock: ReturnType<typeof createTestClock>;
  /** Every log line the app wrote, for the no-secrets-in-logs checks. */
  logs: string[];
  rootOrgId: string;
  admin: TestSession & { email: string };
  /** Creates an organisation as the system. */
  createOrg: (slug: string, parentId?: string | null) => Promise<string>;
  /** Creates a user holding `role` in `orgId` and signs them in. */
  userWithRole: (role: string, orgId?: string) => Promise<TestSession & { email: string }>;
  /** Signs in with email and password; throws unless it succeeds without a second factor. */
  signIn: (email: string, password: string) => Promise<TestSession>;
  /** In-process request with a session's cookie and CSRF header. */
  call: (
    session: TestSession | null,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    /** Extra request headers (e.g. `idempotency-key`). */
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
  /** Audit entries (newest first) with the given action. */
  auditActions: (
    action: string,
  ) => Promise<{ actorId: string | null; targetId: string | null; outcome: string }[]>;
  close: () => Promise<void>;
}

let counter = 0;
const system = { actor: { kind: 'system' } as const, requestId: null };

/** Builds Vigil in-process over a fresh database, with a root organisation and a system admin. */
export async function createTestApp(
  kind: 'sqlite' | 'postgres',
  options: { rateLimitPerMinute?: number } = {},
): Promise<TestApp> {
  const { database, dispose } = await createTestDatabase(kind);
  const clock = createTestClock();
  const services = createServices(
    database,
    testMasterKey,
    { session: { idleMinutes: 30, maxHours: 12 } },
    clock.now,
  );
  await services.roles.syncBuiltIns(database.db);
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  const app = await createHttpApp(services, createLogger('trace', sink), {
    version: 'test',
    secure: false,
    trustProxy: false,
    bodyLimitBytes: 65_536,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
    session: { maxHours: 12 },
  });

  const createOrg = async (slug: string, parentId: string | null = null) =>
    (
      await services.organisations.create(system, {
        name: `Org ${slug}`,
        slug,
        type: 'ngo',
        country: null,
        parentId,
        requireTwoFactor: false,
      })
    ).id;

  const rootOrgId = await createOrg('root');

  const call: TestApp['call'] = (session, method, url, body, headers = {}) =>
    app.inject({
      method,
      url,
      headers: {
        ...headers,
        ...(session === null ? {} : { cookie: `vigil_session=${session.cookie}` }),
        ...(session === null || method === 'GET' ? {} : { 'x-csrf-token': session.csrf }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });

  const signIn = async (email: string, password: string): Promise<TestSession> => {
    const response = await call(null, 'POST', '/api/auth/login', { email, password });
    const body = response.json<{ status: string; csrfToken: string; userId: string }>();
    if (response.statusCode !== 200 || body.status !== 'signed_in') {
      throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
    }
    const cookie = response.cookies.find((c) => c.name === 'vigil_session');
    if (cookie === undefined) throw new Error('no session cookie');
    return { userId: body.userId, cookie: cookie.value, csrf: body.csrfToken };
  };

  const createUser = async (role: string, orgId: string, isSystemAdmin: boolean) => {
    counter += 1;
    const email = `user${String(counter)}-${role}@example.org`;
    await database.db.transaction().execute((trx) =>
      services.users.createUnchecked(trx, system, {
        email,
        displayName: `Test ${role}`,
        language: 'en',
        password: testPassword,
        organisationId: orgId,
        role,
        isSystemAdmin,
      }),
    );
    return email;
  };

  const adminEmail = await createUser('admin', rootOrgId, true);
  const admin = { ...(await signIn(adminEmail, testPassword)), email: adminEmail };

  return {
    app,
    services,
    database,
    clock,
    logs,
    rootOrgId,
    admin,
    createOrg,
    signIn,
    call,
    userWithRole: async (role, orgId = rootOrgId) => {
      const email = await createUser(role, orgId, false);
      return { ...(await signIn(email, testPassword)), email };
    },
    auditActions: async (action) =>
      (await services.audit.query(database.db, { action, limit: 500 })).map((e) => ({
        actorId: e.actorId,
        targetId: e.targetId,
        outcome: e.outcome,
      })),
    close: async () => {
      await app.close();
      await dispose();
    },
  };
}

/** Creates a custom role holding exactly `verbs` (as the system). */
export async function createRole(
  services: Services,
  name: string,
  verbs: PermissionVerb[],
): Promise<void> {
  await services.roles.create(system, name, verbs);
}
