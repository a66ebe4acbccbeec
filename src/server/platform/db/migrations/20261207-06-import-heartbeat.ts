import { sql, type Kysely } from 'kysely';

/**
 * When the process running an import last said it was alive (ISO time; null: never, as for
 * jobs written before this column). A queued or running job whose heartbeat is old belongs to
 * a process that stopped: it is shown, and at the next start recorded, as interrupted instead
 * of running for ever.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table import_jobs add column heartbeat_at text`.execute(db);
}
