import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web application from `root` at `/`: hashed assets are cached for a year,
 * `index.html` and the service worker are revalidated every time, and any other GET outside
 * `/api` answers with `index.html` so the client-side router can take the path.
 */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  // Everything the web application serves is public (the shell holds no data), while every
  // route under /api stays authenticated unless it says otherwise.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) route.config = { ...route.config, public: true };
  });
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    // One wildcard route reads files as they are now, so a rebuild needs no restart.
    wildcard: true,
    setHeaders: (response, path) => {
      const immutable = /\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/.test(path);
      void response.header(
        'cache-control',
        immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
}

/** True when a not-found GET should get the application shell instead of a JSON 404. */
export function wantsAppShell(method: string, url: string): boolean {
  return (
    (method === 'GET' || method === 'HEAD') &&
    !url.startsWith('/api') &&
    !/\.[a-z0-9]+(\?|$)/i.test(url)
  );
}
