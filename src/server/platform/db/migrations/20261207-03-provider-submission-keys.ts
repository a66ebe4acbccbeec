import { sql, type Kysely } from 'kysely';

/**
 * A service provider added through the API may carry the keyed hash of its client's
 * `Idempotency-Key` (scoped to the user who sent it), so that a replayed request answers the
 * provider it added instead of listing it twice in the directory. Providers added before have
 * none (NULL, never equal).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table service_providers add column submission_key text`.execute(db);
  await sql`create unique index service_providers_submission on service_providers (submission_key)`.execute(
    db,
  );
}
