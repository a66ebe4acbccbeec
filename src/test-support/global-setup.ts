/** Says once per run whether the PostgreSQL half of the suite runs. */
export default function setup(): void {
  if (process.env['VIGIL_TEST_PG_URL'] === undefined) {
    process.stdout.write(
      '\n[vigil] PostgreSQL tests skipped: VIGIL_TEST_PG_URL is not set (SQLite only).\n\n',
    );
  } else {
    process.stdout.write('\n[vigil] Running every database test on SQLite and PostgreSQL.\n\n');
  }
}
