// `npm run bench -- import`: imports generated HTCDS-CSV rows (names, birth dates, phones and
// emails, so every row's identity is sealed under its own data key) through Vigil's import
// service — parse, validate, encrypt, write, audit — in rows/s, against a raw better-sqlite3
// insert of the same rows into the same table, measured in the same run: the case rows Vigil
// stored, identity in plain text, written by one prepared statement in one transaction
// (docs/decisions/0010-import-benchmark-baseline.md says why this baseline).
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type * as AppModule from '../../src/server/app.js';
import type * as DatabaseModule from '../../src/server/platform/db/database.js';
import { createTestClock, testMasterKey } from '../../src/test-support/test-db.js';
import { formatNumber, reportBench } from '../bench-report.js';

// Vigil as it ships: the compiled server in dist/ (`npm run bench` builds it when stale), as
// `vigil import` and `npm start` run it. From the TypeScript sources, each of the import's
// worker threads would first load a TypeScript loader and compile the sources it imports, on
// the clock, which no installation does.
const compiled = (file: string) => new URL(`../../dist/server/${file}`, import.meta.url).href;
const { createServices } = (await import(compiled('app.js'))) as typeof AppModule;
const { openDatabase } = (await import(
  compiled('platform/db/database.js')
)) as typeof DatabaseModule;

const rowCount = Number(process.env.BENCH_ROWS ?? 100_000);
const targetRowsPerSecond = 20_000;
const targetRatio = 0.3;
const baselineRounds = 3;
// Vigil's import batch (ImportTuning.batchSize).
const batchSize = 5000;
const system = { actor: { kind: 'system' } as const, requestId: null };

const header = [
  'prs_FirstName',
  'prs_SecondName',
  'prs_Birthdate',
  'prs_Gender',
  'prs_Citizenship',
  'prs_MobilePhone',
  'prs_Email',
  'prs_MailingCity',
  'vic_TraffickingStatus',
  'vic_TraffickingStatusDecisionMakingOrg',
  'vic_MethodsOfControl',
  'vic_TypeOfExploitation',
  'cas_Status',
  'cas_IncomingReferralDate',
];
const first = ['Amina', 'Jean', 'Olena', 'Yusuf', 'Mariam', 'Ibrahim', 'Grace', 'Samir'];
const second = ['Mwamba', 'Habimana', 'Kovalenko', 'Haddad', 'Diallo', 'Okello', 'Nasser'];
const genders = ['Feminine', 'Masculine', 'NonConforming', 'NonSpecifiedUnknown'];
const countries = ['CD', 'UG', 'UA', 'SY', 'ML', 'SD', 'MM'];
const exploitation = [
  'SexualExploitation',
  'ForcedLabour',
  'ForcedMarriage',
  'ForcedLabour;SexualExploitation',
];
const control = ['DebtBondage', 'WithholdsDocuments;PhysicalThreats', 'FalsePromises', ''];

/** Generated rows: deterministic, every identifying column filled. */
function generateRows(n: number): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < n; i += 1) {
    const year = 2015 + (i % 10);
    rows.push([
      first[i % first.length] ?? '',
      `${second[i % second.length] ?? ''}${String(i)}`,
      `${String(1970 + (i % 35))}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      genders[i % genders.length] ?? '',
      countries[i % countries.length] ?? '',
      `+2438${String(10_000_000 + i)}`,
      `person${String(i)}@example.org`,
      'Goma',
      i % 3 === 0 ? 'ActualVictimOfTrafficking' : 'PossibleVictimOfTrafficking',
      i % 3 === 0 ? 'Police' : '',
      control[i % control.length] ?? '',
      exploitation[i % exploitation.length] ?? '',
      'Active',
      `${String(year)}-03-01`,
    ]);
  }
  return rows;
}

async function measureVigil(
  dir: string,
  csv: Buffer,
): Promise<{ seconds: number; cpuSeconds: number; foldSeconds: number; file: string }> {
  const file = path.join(dir, 'vigil.db');
  const database = openDatabase({ kind: 'sqlite', file });
  await database.migrate();
  const services = createServices(
    database,
    testMasterKey,
    { session: { idleMinutes: 30, maxHours: 12 } },
    createTestClock().now,
  );
  const org = await services.organisations.create(system, {
    name: 'Bench',
    slug: 'bench',
    type: 'ngo',
    country: null,
    parentId: null,
    requireTwoFactor: false,
  });
  // Process-wide: the import's worker threads count too.
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const job = await services.imports.run(system, {
    organisationId: org.id,
    format: 'htcds',
    content: csv,
    dryRun: false,
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  if (job.status !== 'succeeded' || job.importedRows !== rowCount) {
    throw new Error(
      `import did not take every row: ${JSON.stringify({ ...job, rejections: job.rejections.slice(0, 3) })}`,
    );
  }
  const audited = await services.audit.query(database.db, { action: 'case.import', limit: 1000 });
  if (audited.length === 0) throw new Error('the import was not audited');
  // The import's WAL is copied into the database file by a thread of its own once the import
  // is over (as the baseline's is at its close, untimed): waited for here, so the baseline
  // does not share the machine with it, and reported.
  const closing = performance.now();
  await database.close();
  const foldSeconds = (performance.now() - closing) / 1000;
  return { seconds, cpuSeconds, foldSeconds, file };
}

const pragmas = [
  // The same pragmas as Vigil's SQLite writer (src/server/platform/db/database.ts).
  'journal_mode = WAL',
  'foreign_keys = ON',
  'synchronous = NORMAL',
  'secure_delete = ON',
  'cache_size = -65536',
];

/**
 * The case rows Vigil stored, in import order, with the sealed identity replaced by the row's
 * identifying cells in plain JSON and the import's own references (data keys, job) cleared:
 * what storing the same rows costs without validation, encryption or audit.
 */
function storedRowsOf(vigilFile: string, rows: readonly string[][]): Record<string, unknown>[] {
  const vigil = new SqliteDatabase(vigilFile, { readonly: true });
  const stored = vigil.prepare('select * from cases order by id').all() as Record<
    string,
    unknown
  >[];
  vigil.close();
  if (stored.length !== rows.length) throw new Error('Vigil stored another number of cases');
  return stored.map((row, index) => ({
    ...row,
    data_key_id: 'plain',
    import_job_id: null,
    identity_sealed: JSON.stringify((rows[index] ?? []).slice(0, 8)),
  }));
}

/** Seconds for one prepared INSERT per row into a fresh Vigil `cases` table, one transaction. */
async function measureBaseline(
  dir: string,
  stored: Record<string, unknown>[],
  round: number,
): Promise<number> {
  const file = path.join(dir, `baseline-${String(round)}.db`);
  const schema = openDatabase({ kind: 'sqlite', file });
  await schema.migrate();
  await schema.close();
  const raw = new SqliteDatabase(file);
  for (const pragma of pragmas) raw.pragma(pragma);
  const first = stored[0] ?? {};
  raw
    .prepare(
      `insert into organisations (id, name, slug, type, path, require_two_factor, created_at, updated_at)
       values (?, 'Bench', 'bench', 'ngo', ?, 0, ?, ?)`,
    )
    .run(
      first.organisation_id,
      `/${String(first.organisation_id)}/`,
      first.created_at,
      first.created_at,
    );
  raw
    .prepare(`insert into data_keys (id, wrapped, created_at) values ('plain', 'none', ?)`)
    .run(first.created_at);
  const columns = Object.keys(first);
  const insert = raw.prepare(
    `insert into cases (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  const started = performance.now();
  raw.transaction(() => {
    for (const row of stored) insert.run(row);
  })();
  const seconds = (performance.now() - started) / 1000;
  raw.close();
  return seconds;
}

/**
 * For comparison only: what storing the rows costs whatever else happens. The case rows and
 * data-key rows exactly as Vigil stored them, inserted raw in transactions of Vigil's batch
 * size into a fresh schema, checkpoints as Vigil's import has them: no parsing, validation,
 * sealing, aggregation or audit.
 */
async function measureStorageFloor(dir: string, vigilFile: string): Promise<number> {
  const vigil = new SqliteDatabase(vigilFile, { readonly: true });
  const all = (query: string) => vigil.prepare(query).all() as Record<string, unknown>[];
  const organisations = all('select * from organisations');
  const jobKeys = all('select * from data_keys where id in (select data_key_id from import_jobs)');
  const jobs = all('select * from import_jobs');
  const keys = all(
    'select k.* from cases c join data_keys k on k.id = c.data_key_id order by c.id',
  );
  const cases = all('select * from cases order by id');
  vigil.close();
  const file = path.join(dir, 'floor.db');
  const schema = openDatabase({ kind: 'sqlite', file });
  await schema.migrate();
  await schema.close();
  const raw = new SqliteDatabase(file);
  for (const pragma of pragmas) raw.pragma(pragma);
  const inserter = (table: string, rows: Record<string, unknown>[]) => {
    const columns = Object.keys(rows[0] ?? {});
    const insert = raw.prepare(
      `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
    );
    return (row: Record<string, unknown>) => insert.run(columns.map((column) => row[column]));
  };
  const before = [
    [inserter('organisations', organisations), organisations],
    [inserter('data_keys', jobKeys), jobKeys],
    [inserter('import_jobs', jobs), jobs],
  ] as const;
  for (const [insert, rows] of before) for (const row of rows) insert(row);
  const insertKey = inserter('data_keys', keys);
  const insertCase = inserter('cases', cases);
  const batch = raw.transaction((start: number) => {
    for (let i = start; i < Math.min(start + batchSize, cases.length); i += 1) {
      insertKey(keys[i] ?? {});
      insertCase(cases[i] ?? {});
    }
  });
  // As during Vigil's import: checkpoints held back until the batches are written, then one.
  raw.pragma('wal_autocheckpoint = 65536');
  const started = performance.now();
  for (let start = 0; start < cases.length; start += batchSize) batch(start);
  raw.pragma('wal_checkpoint(PASSIVE)');
  const seconds = (performance.now() - started) / 1000;
  raw.close();
  return seconds;
}

/** For comparison only: the same cells as 14 text columns of a table without any index. */
function measureBareTable(dir: string, rows: readonly string[][]): number {
  const raw = new SqliteDatabase(path.join(dir, 'bare.db'));
  for (const pragma of pragmas) raw.pragma(pragma);
  raw.exec(`create table rows (${header.map((column) => `${column} text`).join(', ')})`);
  const insert = raw.prepare(`insert into rows values (${header.map(() => '?').join(', ')})`);
  const started = performance.now();
  raw.transaction(() => {
    for (const row of rows) insert.run(...row);
  })();
  const seconds = (performance.now() - started) / 1000;
  raw.close();
  return seconds;
}

const dir = await mkdtemp(path.join(tmpdir(), 'vigil-bench-import-'));
try {
  const rows = generateRows(rowCount);
  const csv = Buffer.from([header, ...rows].map((row) => row.join(',')).join('\n'));
  process.stdout.write(
    `import: ${formatNumber(rowCount, 0)} HTCDS-CSV rows (${formatNumber(csv.length / 1e6, 1)} MB)\n`,
  );
  const vigil = await measureVigil(dir, csv);
  // The baseline takes seconds where Vigil takes tens of them, so one slow moment of the
  // machine would swing it: the median of three rounds, each into a fresh database.
  const stored = storedRowsOf(vigil.file, rows);
  const rounds: number[] = [];
  for (let round = 0; round < baselineRounds; round += 1) {
    rounds.push(await measureBaseline(dir, stored, round));
  }
  const baselineSeconds = [...rounds].sort((a, b) => a - b)[Math.floor(baselineRounds / 2)] ?? 0;
  const bareSeconds = measureBareTable(dir, rows);
  const floorSeconds = await measureStorageFloor(dir, vigil.file);
  const value = rowCount / vigil.seconds;
  const baseline = rowCount / baselineSeconds;
  reportBench({ name: 'import', metric: 'rows/s', value, baseline, target: targetRatio }, [
    ['vigil seconds', formatNumber(vigil.seconds, 2)],
    [
      'checkpoint after',
      `${formatNumber(vigil.foldSeconds, 2)} s (the WAL copied into the file in the background, waited for before the baseline)`,
    ],
    [
      'vigil cpu',
      `${formatNumber((vigil.cpuSeconds * 1e6) / rowCount, 0)} µs a row, all threads (${formatNumber(vigil.cpuSeconds / vigil.seconds, 2)} of ${String(availableParallelism())} cores busy on average)`,
    ],
    [
      'baseline seconds',
      `${formatNumber(baselineSeconds, 2)} (median of ${rounds.map((x) => formatNumber(x, 2)).join(', ')})`,
    ],
    [
      'bare table',
      `${formatNumber(rowCount / bareSeconds, 0)} rows/s (14 text columns, no index; ratio ${formatNumber(value / (rowCount / bareSeconds), 4)})`,
    ],
    [
      'storage floor',
      `${formatNumber(rowCount / floorSeconds, 0)} rows/s (the stored case and data-key rows, raw, in ${formatNumber(batchSize, 0)}-row transactions)`,
    ],
    [
      'absolute target',
      `${formatNumber(targetRowsPerSecond, 0)} rows/s: ${value >= targetRowsPerSecond ? 'met' : 'NOT MET'}`,
    ],
  ]);
} finally {
  await rm(dir, { recursive: true, force: true });
}
