import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { helmetHeaders, registerSecurityHeaders } from './security-headers.js';

const csp = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
  },
};
const optionSets: [string, FastifyHelmetOptions][] = [
  ['without HSTS', { contentSecurityPolicy: csp, hsts: false, frameguard: { action: 'deny' } }],
  [
    'with HSTS and other policies',
    {
      contentSecurityPolicy: csp,
      referrerPolicy: { policy: 'no-referrer' },
      hsts: { maxAge: 31_536_000, includeSubDomains: true },
      crossOriginEmbedderPolicy: false,
      frameguard: { action: 'deny' },
    },
  ],
];

/** An app answering 200, a thrown error and a 404, with headers from `secure`. */
async function appWith(secure: (app: FastifyInstance) => Promise<void>): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await secure(app);
  app.get('/ok', () => ({ ok: true }));
  app.get('/boom', () => {
    throw new Error('boom');
  });
  await app.ready();
  return app;
}

/** Status and headers, less the date. */
async function headersOf(app: FastifyInstance, url: string) {
  const response = await app.inject({ method: 'GET', url });
  const headers = Object.fromEntries(
    Object.entries(response.headers).filter(([name]) => name !== 'date'),
  );
  return { status: response.statusCode, headers };
}

describe('security headers worked out once', () => {
  const apps: FastifyInstance[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
  });

  it.each(optionSets)(
    'match @fastify/helmet on every kind of response, %s',
    async (_l, options) => {
      const viaPlugin = await appWith(async (app) => {
        await app.register(fastifyHelmet, options);
      });
      const once = await appWith((app) => registerSecurityHeaders(app, options));
      apps.push(viaPlugin, once);
      for (const url of ['/ok', '/boom', '/missing']) {
        expect(await headersOf(once, url)).toEqual(await headersOf(viaPlugin, url));
      }
      expect((await headersOf(once, '/ok')).headers['content-security-policy']).toContain(
        "frame-ancestors 'none'",
      );
    },
  );

  it('asks helmet for its headers without keeping anything running', async () => {
    const headers = await helmetHeaders({ contentSecurityPolicy: csp, hsts: false });
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(String(headers['content-security-policy'])).toContain("object-src 'none'");
  });
});
