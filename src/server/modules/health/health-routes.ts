import { z } from 'zod';
import type { HttpApp } from '../../platform/http/app-factory.js';

const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});

/** `GET /api/health`: liveness plus a round trip to the database. */
export function registerHealthRoutes(
  app: HttpApp,
  deps: { databaseKind: 'sqlite' | 'postgres'; ping: () => Promise<void>; version: string },
): void {
  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['health'], response: { 200: healthSchema } } },
    async () => {
      await deps.ping();
      return { status: 'ok' as const, database: deps.databaseKind, version: deps.version };
    },
  );
}
