import { sql, type Kysely } from 'kysely';

/**
 * What each keyed creating request carried (a keyed hash of its parsed content), so a replay
 * whose content differs from the first request's is refused instead of being answered with
 * the first request's record as if it were this one. One row per submission, whatever it made;
 * `case_id` names the case it concerns, so forgetting the person removes these rows too.
 * Submissions made before have no row and are answered as before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table submissions (
      scope text not null,
      key_hash text not null,
      body_hash text not null,
      case_id text references cases (id),
      created_at text not null,
      primary key (scope, key_hash)
    )`.execute(db);
  await sql`create index submissions_case on submissions (case_id)`.execute(db);
}
