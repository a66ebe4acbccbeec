import pg from 'pg';

/** A schema this old was left behind by an interrupted run; no test file runs this long. */
const staleAfterSeconds = 2 * 60 * 60;

/**
 * Says once per run whether the PostgreSQL half of the suite runs, and clears schemas that an
 * interrupted earlier run left behind (each test drops its own when it finishes). Only stale
 * ones: another run may be using the same database right now, and dropping its schemas would
 * fail its tests with "relation does not exist". Names without a time are from older versions.
 */
export default async function setup(): Promise<void> {
  const url = process.env.VIGIL_TEST_PG_URL;
  if (url === undefined) {
    process.stdout.write(
      '\n[vigil] PostgreSQL tests skipped: VIGIL_TEST_PG_URL is not set (SQLite only).\n\n',
    );
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      "select nspname as name from pg_namespace where nspname like 'vigil\\_test\\_%'",
    );
    const now = Math.floor(Date.now() / 1000);
    for (const { name } of rows) {
      const created = /^vigil_test_(\d{10})_/.exec(name)?.[1];
      if (created !== undefined && now - Number(created) < staleAfterSeconds) continue;
      await client.query(`drop schema if exists "${name}" cascade`);
    }
  } finally {
    await client.end();
  }
  process.stdout.write('\n[vigil] Running every database test on SQLite and PostgreSQL.\n\n');
}
