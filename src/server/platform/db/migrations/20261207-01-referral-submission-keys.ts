import { sql, type Kysely } from 'kysely';

/**
 * A referral made through the API may carry the keyed hash of its client's `Idempotency-Key`,
 * unique per case, so that a replayed request answers the referral it made instead of sending
 * the provider a second packet. Referrals made before have none (NULL, never equal).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table referrals add column submission_key text`.execute(db);
  await sql`create unique index referrals_submission on referrals (case_id, submission_key)`.execute(
    db,
  );
}
