import { sql, type Kysely } from 'kysely';

/**
 * Consent entries and screenings recorded through the API may carry the keyed hash of their
 * client's `Idempotency-Key`, unique per case, so that a replayed request answers the entry it
 * made instead of adding a second one to the ledger. Entries made before have none (NULL,
 * never equal).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table consents add column submission_key text`.execute(db);
  await sql`create unique index consents_submission on consents (case_id, submission_key)`.execute(
    db,
  );
  await sql`alter table screenings add column submission_key text`.execute(db);
  await sql`create unique index screenings_submission on screenings (case_id, submission_key)`.execute(
    db,
  );
}
