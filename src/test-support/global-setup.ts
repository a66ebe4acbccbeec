import pg from 'pg';

/**
 * Says once per run whether the PostgreSQL half of the suite runs, and clears schemas that an
 * interrupted earlier run left behind (each test drops its own when it finishes).
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
    for (const { name } of rows) await client.query(`drop schema if exists "${name}" cascade`);
  } finally {
    await client.end();
  }
  process.stdout.write('\n[vigil] Running every database test on SQLite and PostgreSQL.\n\n');
}
