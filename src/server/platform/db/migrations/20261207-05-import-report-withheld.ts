import { sql, type Kysely } from 'kysely';

/**
 * The version of the allow-list an import report's cells were withheld under
 * (`reportAllowListVersion`; 0: written before reports withheld anything). Each start rewrites
 * the reports below the current version (`withholdOlderReports`), so no stored report keeps a
 * cell the current list withholds for longer than it takes to upgrade.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table import_jobs add column report_withheld integer not null default 0`.execute(
    db,
  );
}
