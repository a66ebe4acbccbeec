import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import type { OutgoingHttpHeaders } from 'node:http';

/**
 * The headers helmet sets for `options`, asked of helmet itself once: @fastify/helmet on a
 * throwaway instance answers one in-process request, and the headers on the response when its
 * hooks have run are the answer.
 */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<OutgoingHttpHeaders> {
  const probe = Fastify({ logger: false });
  await probe.register(fastifyHelmet, options);
  let headers: OutgoingHttpHeaders = {};
  // Runs after helmet's own onRequest hooks (hooks run in the order they were added).
  probe.addHook('onRequest', (_request, reply, done) => {
    headers = reply.raw.getHeaders();
    done();
  });
  probe.get('/', () => '');
  try {
    await probe.inject({ method: 'GET', url: '/' });
  } finally {
    await probe.close();
  }
  if (Object.keys(headers).length === 0) throw new Error('helmet set no headers');
  return headers;
}

/**
 * Sets helmet's security headers (CSP, frame and referrer policies, nosniff, …) on every
 * response, as @fastify/helmet does, but works them out once at start-up: the plugin rebuilds
 * helmet's middleware, parsing the whole CSP again, on every request, although the headers
 * depend only on the options.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: FastifyHelmetOptions,
): Promise<void> {
  const headers = Object.entries(await helmetHeaders(options)).filter(
    (entry): entry is [string, string | number | string[]] => entry[1] !== undefined,
  );
  // On the raw response, where helmet puts them, so that every answer carries them: errors,
  // 404s and rate-limit refusals included.
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
