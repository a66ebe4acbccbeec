import { sql } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import type { HttpApp } from '../../platform/http/app-factory.js';

const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});

/** `GET /api/health`: liveness plus a round trip to the database. */
export function registerHealthRoutes(app: HttpApp, database: Database, version: string): void {
  app.get(
    '/api/health',
    { config: { public: true }, schema: { tags: ['health'], response: { 200: healthSchema } } },
    async () => {
      await sql`select 1`.execute(database.db);
      return { status: 'ok' as const, database: database.dialect.kind, version };
    },
  );
}
