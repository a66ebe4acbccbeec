import { sql, type Kysely } from 'kysely';

/**
 * Marks the import reports that keep no identifying cell (`report_withheld = 1`). Reports
 * written before that rule may hold the refused cells as written; each start rewrites them
 * (ImportService.withholdOlderReports) and marks them, so no stored report keeps such a cell
 * for longer than it takes to upgrade.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table import_jobs add column report_withheld integer not null default 0`.execute(
    db,
  );
}
