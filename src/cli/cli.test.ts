import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../server/platform/config.js';
import { generateMasterKey } from '../server/platform/crypto/index.js';
import { masterKeyFile, nextMasterKeyFile } from '../server/platform/master-key.js';
import { fieldContext } from '../server/modules/vault/index.js';
import { openRuntime } from '../server/runtime.js';
import { testPassword } from '../test-support/test-app.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

let root: string;
let dataDir: string;

/** The environment a CLI run sees: none of the developer's VIGIL_* settings leak in. */
function cliEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('VIGIL_') && key !== 'DATABASE_URL') env[key] = value;
  }
  return { ...env, VIGIL_DATA_DIR: dataDir, VIGIL_LOG_LEVEL: 'silent', ...extra };
}

/** Runs the compiled CLI as an operator would. */
function vigil(args: string[], extra: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, ['bin/vigil.js', ...args], {
    cwd: repoRoot,
    env: cliEnv(extra),
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the CLI and fails with its output unless it exits 0. */
function ok(args: string[], extra: Record<string, string> = {}): Run {
  const run = vigil(args, extra);
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  return run;
}

const dbFile = () => path.join(dataDir, 'vigil.db');

/** Reads the SQLite file directly (the CLI is not running). */
function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new SqliteDatabase(dbFile(), { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Seals a value under a new record key in the CLI's database (through the runtime). */
async function sealRecord(value: string, env: Record<string, string> = {}) {
  const runtime = await openRuntime(loadConfig({ VIGIL_DATA_DIR: dataDir, ...env }));
  try {
    const { services } = runtime;
    const { dataKeyId, cipher } = await services.database.db
      .transaction()
      .execute((trx) => services.vault.createRecordKey(trx));
    return { dataKeyId, sealed: cipher.seal(value, fieldContext('case', 'c1', 'name')) };
  } finally {
    await runtime.close();
  }
}

/** Reads a sealed value back through a fresh runtime. */
async function readRecord(
  record: { dataKeyId: string; sealed: string },
  env: Record<string, string> = {},
) {
  const runtime = await openRuntime(loadConfig({ VIGIL_DATA_DIR: dataDir, ...env }));
  try {
    const cipher = await runtime.services.vault.cipherFor(
      runtime.services.database.db,
      record.dataKeyId,
    );
    return cipher.open(record.sealed, fieldContext('case', 'c1', 'name'));
  } finally {
    await runtime.close();
  }
}

const addOrg = (slug = 'safe-haven') =>
  ok(['org', 'add', '--name', 'Safe Haven', '--slug', slug, '--type', 'ngo', '--country', 'JOR']);

const addUser = (email = 'amira@example.org') =>
  ok(
    [
      'user',
      'add',
      '--email',
      email,
      '--name',
      'Amira',
      '--org',
      'safe-haven',
      '--role',
      'caseworker',
    ],
    { VIGIL_USER_PASSWORD: testPassword },
  );

beforeAll(() => {
  // The CLI runs from dist/: compile the current server sources once (the server half of
  // `npm run build`; the web bundle plays no part in the CLI).
  const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: repoRoot,
    stdio: 'pipe',
  });
}, 180_000);

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'vigil-cli-'));
  dataDir = path.join(root, 'data');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

// Every case spawns the CLI a few times (about a second each): allow for a busy machine.
describe('vigil CLI', { timeout: 120_000 }, () => {
  it('prints help and exits 0', () => {
    const run = vigil(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: vigil');
    expect(run.stdout).toContain('audit');
  });

  it('prints its version', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const run = vigil(['--version']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(manifest.version);
  });

  it('exits 64 on an unknown command or a missing option', () => {
    const unknown = vigil(['frobnicate']);
    expect(unknown.status).toBe(64);
    expect(unknown.stderr).toContain("unknown command 'frobnicate'");
    const missing = vigil(['org', 'add', '--name', 'X']);
    expect(missing.status).toBe(64);
    expect(missing.stderr).toMatch(/--slug/);
  });

  it('migrates, then reports the schema is up to date', () => {
    const first = ok(['migrate']);
    expect(first.stdout).toMatch(/Applied \d+ migration\(s\)/);
    expect(first.stdout).toContain('audit-append-only');
    const second = ok(['migrate']);
    expect(second.stdout.trim()).toBe('Schema is up to date.');
  });

  it('creates the data directory private and the master key file with mode 0600', () => {
    addOrg();
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(masterKeyFile(dataDir)).mode & 0o777).toBe(0o600);
  });

  it('adds an organisation, and rejects a bad country naming --country', () => {
    const run = addOrg();
    expect(run.stdout).toMatch(/^Created organisation safe-haven \(/);
    expect(query('select slug, country from organisations')).toEqual([
      { slug: 'safe-haven', country: 'JOR' },
    ]);
    const bad = vigil([
      'org',
      'add',
      '--name',
      'Bad',
      '--slug',
      'bad',
      '--type',
      'ngo',
      '--country',
      'XX',
    ]);
    expect(bad.status).toBe(64);
    expect(bad.stderr).toMatch(/--country/);
    const taken = vigil(['org', 'add', '--name', 'Again', '--slug', 'safe-haven', '--type', 'ngo']);
    expect(taken.status).toBe(65);
    expect(taken.stderr).toContain('org.slug_taken');
    expect(query('select slug from organisations')).toHaveLength(1);
  });

  it('adds a user with the password from VIGIL_USER_PASSWORD, never from argv', () => {
    addOrg();
    const args = ['user', 'add', '--email', 'amira@example.org', '--name', 'Amira'];
    const orgAndRole = ['--org', 'safe-haven', '--role', 'caseworker'];
    const missing = vigil([...args, ...orgAndRole]);
    expect(missing.status).toBe(64);
    expect(missing.stderr).toContain('VIGIL_USER_PASSWORD');
    const run = addUser();
    expect(run.stdout).toMatch(/^Created user amira@example\.org \(/);
    const users = query<{ email: string; password_hash: string }>(
      'select email, password_hash from users',
    );
    expect(users).toHaveLength(1);
    expect(users[0]?.password_hash).toMatch(/^\$argon2id\$/);
    expect(users[0]?.password_hash).not.toContain(testPassword);
    // The policy applies to the CLI too.
    const weak = vigil(
      [...args.slice(0, 2), '--email', 'other@example.org', '--name', 'Other', ...orgAndRole],
      { VIGIL_USER_PASSWORD: 'password1234' },
    );
    expect(weak.status).toBe(65);
    expect(weak.stderr).toContain('password.too_common');
  });

  it('creates an API token and prints its secret once', () => {
    addOrg();
    addUser();
    const run = ok([
      'token',
      'create',
      '--email',
      'amira@example.org',
      '--org',
      'safe-haven',
      '--name',
      'ci',
      '--verbs',
      'case.read,case.create',
    ]);
    const secret = run.stdout.trim().split('\n').at(-1) ?? '';
    expect(secret).toMatch(/^vgl_\S{20,}$/);
    // Only a hash of the secret is stored.
    const stored = JSON.stringify(query('select * from api_tokens'));
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.slice(4));
    const missingOptions = vigil([
      'token',
      'create',
      '--email',
      'amira@example.org',
      '--org',
      'safe-haven',
    ]);
    expect(missingOptions.status).toBe(64);
    const unknownVerb = vigil([
      'token',
      'create',
      '--email',
      'amira@example.org',
      '--org',
      'safe-haven',
      '--name',
      'ci',
      '--verbs',
      'case.fly',
    ]);
    expect(unknownVerb.status).toBe(64);
    expect(unknownVerb.stderr).toMatch(/--verbs/);
  });

  it('verifies the audit chain, and exits 1 naming the entry after tampering', () => {
    addOrg();
    addOrg('second');
    const intact = ok(['audit', 'verify']);
    expect(intact.stdout).toMatch(/^Audit chain intact: 2 entries, head [0-9a-f]{64}/);

    const db = new SqliteDatabase(dbFile());
    expect(() => db.prepare("update audit_entries set action = 'x.y' where seq = 2").run()).toThrow(
      /append-only/,
    );
    db.exec('drop trigger audit_entries_no_update');
    db.prepare("update audit_entries set action = 'org.read' where seq = 2").run();
    db.close();

    const broken = vigil(['audit', 'verify']);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/Audit chain BROKEN at entry 2: content altered/);
  });

  it('rotates the key file: data keys are re-wrapped and everything stays readable', async () => {
    addOrg();
    const record = await sealRecord('Amira Haddad');
    const keyBefore = readFileSync(masterKeyFile(dataDir), 'utf8');

    const run = ok(['keys', 'rotate']);
    expect(run.stdout).toMatch(
      /^Re-wrapped 1 data keys; the key file now holds key [0-9a-f]{16}\./,
    );
    const keyAfter = readFileSync(masterKeyFile(dataDir), 'utf8');
    expect(keyAfter).not.toBe(keyBefore);
    expect(statSync(masterKeyFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(existsSync(nextMasterKeyFile(dataDir))).toBe(false);

    expect(await readRecord(record)).toBe('Amira Haddad');
    expect(ok(['audit', 'verify']).stdout).toMatch(/^Audit chain intact: 2 entries/);
    expect(query('select action from audit_entries where seq = 2')).toEqual([
      { action: 'keys.rotate' },
    ]);
    // The CLI still starts under the new key.
    addOrg('after-rotation');
  });

  it('rotates an environment key only with VIGIL_NEW_MASTER_KEY', async () => {
    const oldKey = generateMasterKey();
    const newKey = generateMasterKey();
    const record = await sealRecord('Amira Haddad', { VIGIL_MASTER_KEY: oldKey });

    const missing = vigil(['keys', 'rotate'], { VIGIL_MASTER_KEY: oldKey });
    expect(missing.status).toBe(64);
    expect(missing.stderr).toContain('VIGIL_NEW_MASTER_KEY');
    const invalid = vigil(['keys', 'rotate'], {
      VIGIL_MASTER_KEY: oldKey,
      VIGIL_NEW_MASTER_KEY: 'short',
    });
    expect(invalid.status).toBe(64);
    expect(invalid.stderr).toContain('VIGIL_NEW_MASTER_KEY');

    const run = ok(['keys', 'rotate'], { VIGIL_MASTER_KEY: oldKey, VIGIL_NEW_MASTER_KEY: newKey });
    expect(run.stdout).toMatch(/^Re-wrapped 1 data keys under key [0-9a-f]{16}\./);
    expect(await readRecord(record, { VIGIL_MASTER_KEY: newKey })).toBe('Amira Haddad');
    const stale = vigil(['audit', 'verify'], { VIGIL_MASTER_KEY: oldKey });
    expect(stale.status).toBe(65);
    expect(stale.stderr).toContain('crypto.wrong_master_key');
  });

  it('refuses to start under a wrong VIGIL_MASTER_KEY once data keys exist', async () => {
    addOrg();
    await sealRecord('Amira Haddad');
    const run = vigil(['audit', 'verify'], { VIGIL_MASTER_KEY: generateMasterKey() });
    expect(run.status).toBe(65);
    expect(run.stderr).toMatch(/^vigil: crypto\.wrong_master_key: /);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    // The key file still works.
    ok(['audit', 'verify']);
  });

  it('exits 78 naming VIGIL_MASTER_KEY when it is not a key', () => {
    const run = vigil(['migrate'], { VIGIL_MASTER_KEY: 'not-a-key' });
    expect(run.status).toBe(78);
    expect(run.stderr).toContain('VIGIL_MASTER_KEY');
  });

  it('backs up and restores: changes after the backup are gone', () => {
    addOrg();
    const backup = path.join(root, 'backup.db');
    const run = ok(['backup', backup]);
    expect(run.stdout).toContain(`Backup written to ${backup}`);
    expect(existsSync(backup)).toBe(true);
    expect(vigil(['backup', backup]).status).toBe(64); // never overwrites

    addOrg('after-backup');
    expect(query('select slug from organisations order by slug')).toHaveLength(2);

    ok(['restore', backup]);
    expect(query('select slug from organisations')).toEqual([{ slug: 'safe-haven' }]);
    expect(ok(['audit', 'verify']).stdout).toMatch(/^Audit chain intact: 1 entries/);
    // The restored database is usable: the slug created after the backup is free again.
    addOrg('after-backup');
  });

  it('imports CTDC cases and writes a k-anonymised release, reporting its cost', () => {
    addOrg();
    const fixture = path.join(repoRoot, 'test', 'fixtures', 'cases', 'ctdc-global.csv');
    // The fixture carries deliberately bad rows, so the import exits 65 after importing the rest.
    const imported = vigil(['import', 'ctdc', fixture, '--org', 'safe-haven']);
    expect(imported.stdout).toMatch(/imported [1-9]\d*/);
    const out = path.join(root, 'release.csv');
    const args = ['export', 'cases', '--org', 'safe-haven', '--out', out];
    const reason = ['--override-reason', 'Anonymised release agreed with the research board'];
    const run = ok([...args, '--format', 'ctdc-k-anonymised', '--k', '3', ...reason]);
    expect(run.stdout).toMatch(/k-anonymised \(k = 3\): \d+ record\(s\) suppressed/);
    expect(run.stdout).toContain('Protection: vigil-full-domain-generalisation/1');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toMatch(/^yearOfRegistration;/);
    const misplaced = vigil([...args, '--format', 'htcds-csv', '--k', '3', ...reason]);
    expect(misplaced.status).toBe(64);
    expect(misplaced.stderr).toContain('--k applies only to --format ctdc-k-anonymised');
  });

  it('imports populations from CSV, reports rejected rows, and changes nothing the second time', () => {
    const file = path.join(root, 'populations.csv');
    writeFileSync(
      file,
      'country,year,population,source\nNGA,2021,213401323,UN WPP 2022\nAtlantis,2021,5,x\n',
    );
    const dry = vigil(['import', 'population', file, '--dry-run']);
    expect(dry.status).toBe(65);
    expect(dry.stdout).toContain('line 3\tcountry\t"Atlantis"\tunknown_country');
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    expect(query('select country from populations')).toEqual([]);
    const run = vigil(['import', 'population', file]);
    expect(run.status).toBe(65);
    expect(run.stdout).toContain('created 1, updated 0, unchanged 0, rejected 1');
    expect(query('select country, year, population, source from populations')).toEqual([
      { country: 'NGA', year: 2021, population: 213_401_323, source: 'UN WPP 2022' },
    ]);
    writeFileSync(file, 'country,year,population,source\nNigeria,2021,213401323,UN WPP 2022\n');
    expect(ok(['import', 'population', file]).stdout).toContain(
      'created 0, updated 0, unchanged 1, rejected 0',
    );
    expect(
      query('select action from audit_entries where action = ?', 'population.import'),
    ).toHaveLength(2);
  });

  it('refuses to restore from a missing file or a file that is not a backup', () => {
    addOrg();
    const missing = vigil(['restore', path.join(root, 'nope.db')]);
    expect(missing.status).toBe(64);
    const junk = path.join(root, 'junk.db');
    writeFileSync(junk, 'not a database');
    const bad = vigil(['restore', junk]);
    expect(bad.status).toBe(65);
    expect(bad.stderr).toContain('not a usable Vigil backup');
    expect(query('select slug from organisations')).toEqual([{ slug: 'safe-haven' }]);
  });
});
