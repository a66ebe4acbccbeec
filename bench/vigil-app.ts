import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { createHttpApp, createServices, type Services } from '../src/server/app.js';
import type { Database } from '../src/server/platform/db/database.js';
import type { HttpApp } from '../src/server/platform/http/app-factory.js';
import { createLogger } from '../src/server/platform/logger.js';
import { createTestDatabase, testMasterKey } from '../src/test-support/test-db.js';

/** The benchmark admin's password (passes the password policy). */
export const benchPassword = 'Correct-Horse-Battery-7781';

/** A signed-in browser session: cookie value and CSRF token. */
export interface BenchSession {
  cookie: string;
  csrf: string;
}

export interface BenchVigil {
  app: HttpApp;
  services: Services;
  database: Database;
  /** Folder of the SQLite file (removed by close). */
  dir: string;
  adminEmail: string;
  /** Log lines written at `logLevel` (counted, then dropped). */
  logLines: () => number;
  /** POST /api/auth/login in-process; `remoteAddress` picks the simulated client address. */
  login: (remoteAddress?: string) => Promise<LightMyRequestResponse>;
  /** Signs the admin in and returns the session, or throws. */
  signIn: () => Promise<BenchSession>;
  close: () => Promise<void>;
}

const system = { actor: { kind: 'system' } as const, requestId: null };

/**
 * Builds Vigil in-process as src/test-support/test-app.ts does (createServices, createHttpApp),
 * but over a SQLite file in a temporary folder (so WAL applies, as in production), with the
 * real clock and the production log level (`info`) written to a sink that drops the lines.
 */
export async function startVigil(
  options: { rateLimitPerMinute?: number; logLevel?: string } = {},
): Promise<BenchVigil> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vigil-bench-'));
  const { database, dispose } = await createTestDatabase('sqlite', path.join(dir, 'vigil.db'));
  const services = createServices(database, testMasterKey, {
    session: { idleMinutes: 30, maxHours: 12 },
  });
  await services.roles.syncBuiltIns(database.db);
  let lines = 0;
  const sink = new Writable({
    write(_chunk: Buffer, _encoding, done) {
      lines += 1;
      done();
    },
  });
  const app = await createHttpApp(services, createLogger(options.logLevel ?? 'info', sink), {
    version: 'bench',
    secure: false,
    trustProxy: false,
    bodyLimitBytes: 1_048_576,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000_000,
    session: { maxHours: 12 },
  });

  const root = await services.organisations.create(system, {
    name: 'Root',
    slug: 'root',
    type: 'ngo',
    country: null,
    parentId: null,
    requireTwoFactor: false,
  });
  const adminEmail = 'bench-admin@example.org';
  await database.db.transaction().execute((trx) =>
    services.users.createUnchecked(trx, system, {
      email: adminEmail,
      displayName: 'Bench admin',
      language: 'en',
      password: benchPassword,
      organisationId: root.id,
      role: 'admin',
      isSystemAdmin: true,
    }),
  );

  const login: BenchVigil['login'] = (remoteAddress = '127.0.0.1') =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: adminEmail, password: benchPassword }),
    });

  const signIn = async (): Promise<BenchSession> => {
    const response = await login();
    const body = response.json<{ status: string; csrfToken: string }>();
    const cookie = response.cookies.find((c) => c.name === 'vigil_session');
    if (response.statusCode !== 200 || body.status !== 'signed_in' || cookie === undefined) {
      throw new Error(`sign-in failed: ${String(response.statusCode)} ${response.body}`);
    }
    return { cookie: cookie.value, csrf: body.csrfToken };
  };

  return {
    app,
    services,
    database,
    dir,
    adminEmail,
    logLines: () => lines,
    login,
    signIn,
    close: async () => {
      await app.close();
      await dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
