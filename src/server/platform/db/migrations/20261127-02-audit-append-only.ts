import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/**
 * Makes the audit log append-only inside the database too: UPDATE and DELETE on
 * `audit_entries` abort. The hash chain still detects changes by anyone who drops the trigger.
 */
export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect.kind === 'sqlite') {
    await sql`create trigger audit_entries_no_update before update on audit_entries
      begin select raise(abort, 'audit_entries is append-only'); end`.execute(db);
    await sql`create trigger audit_entries_no_delete before delete on audit_entries
      begin select raise(abort, 'audit_entries is append-only'); end`.execute(db);
    return;
  }
  await sql`create function audit_entries_append_only() returns trigger language plpgsql as $$
    begin raise exception 'audit_entries is append-only'; end $$`.execute(db);
  await sql`create trigger audit_entries_no_change before update or delete on audit_entries
    for each row execute function audit_entries_append_only()`.execute(db);
}
