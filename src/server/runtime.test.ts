import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../shared/app-error.js';
import { ConfigError, loadConfig } from './platform/config.js';
import { createKeyring, generateMasterKey } from './platform/crypto/index.js';
import { masterKeyFile, nextMasterKeyFile, stageNextMasterKey } from './platform/master-key.js';
import { fieldContext, rewrapAllKeys } from './modules/vault/index.js';
import { openRuntime, type Runtime } from './runtime.js';
import { reportAllowListVersion } from '../core/case-formats/index.js';
import { createTestOrganisation } from '../test-support/test-services.js';

let root: string;
let dataDir: string;

const config = (env: Record<string, string> = {}) =>
  loadConfig({ VIGIL_DATA_DIR: dataDir, ...env });

/** Opens a runtime, runs `work`, closes it. */
async function withRuntime<T>(
  env: Record<string, string>,
  work: (runtime: Runtime) => T | Promise<T>,
): Promise<T> {
  const runtime = await openRuntime(config(env));
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

/** Seals one field under a new record key; returns what is needed to read it back. */
async function sealOne(runtime: Runtime, value: string) {
  const { services } = runtime;
  const { dataKeyId, cipher } = await services.database.db
    .transaction()
    .execute((trx) => services.vault.createRecordKey(trx));
  return { dataKeyId, sealed: cipher.seal(value, fieldContext('case', 'c1', 'name')) };
}

async function readOne(runtime: Runtime, record: { dataKeyId: string; sealed: string }) {
  const cipher = await runtime.services.vault.cipherFor(
    runtime.services.database.db,
    record.dataKeyId,
  );
  return cipher.open(record.sealed, fieldContext('case', 'c1', 'name'));
}

/** The AppError code a promise rejects with. */
async function rejectionCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected a rejection');
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'vigil-runtime-'));
  dataDir = path.join(root, 'data');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('openRuntime on SQLite', () => {
  it('creates a private data directory and a 0600 master key file on first start', async () => {
    const keyId = await withRuntime({}, ({ services }) => services.keyring.keyId);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const file = masterKeyFile(dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(createKeyring(readFileSync(file, 'utf8').trim()).keyId).toBe(keyId);
    // The second start reads the same key.
    expect(await withRuntime({}, ({ services }) => services.keyring.keyId)).toBe(keyId);
  });

  it('refuses a master key file other users can read', async () => {
    await withRuntime({}, () => undefined);
    chmodSync(masterKeyFile(dataDir), 0o644);
    await expect(openRuntime(config())).rejects.toThrow(/readable by other users/);
  });

  it('uses VIGIL_MASTER_KEY instead of a key file', async () => {
    const key = generateMasterKey();
    const keyId = await withRuntime(
      { VIGIL_MASTER_KEY: key },
      ({ services }) => services.keyring.keyId,
    );
    expect(keyId).toBe(createKeyring(key).keyId);
    expect(existsSync(masterKeyFile(dataDir))).toBe(false);
  });

  it('refuses to start under the wrong master key once data keys exist', async () => {
    const record = await withRuntime({}, (runtime) => sealOne(runtime, 'Amira'));
    const wrong = generateMasterKey();
    expect(await rejectionCode(openRuntime(config({ VIGIL_MASTER_KEY: wrong })))).toBe(
      'crypto.wrong_master_key',
    );
    // The failed start closed cleanly: the right key still opens everything.
    expect(await withRuntime({}, (runtime) => readOne(runtime, record))).toBe('Amira');
  });

  it('rewrites import reports of an older release on start', async () => {
    const system = { actor: { kind: 'system' } as const, requestId: null };
    const jobId = await withRuntime({}, async ({ services, database }) => {
      const orgId = await createTestOrganisation(services, 'field');
      const job = await services.imports.run(system, {
        organisationId: orgId,
        format: 'htcds',
        content: Buffer.from(
          'prs_Gender,vic_TraffickingStatus\nMartian,PossibleVictimOfTrafficking',
        ),
        dryRun: true,
      });
      // As an older release left it: not marked as keeping no identifying cell.
      await database.db
        .updateTable('import_jobs')
        .set({ report_withheld: 0 })
        .where('id', '=', job.id)
        .execute();
      return job.id;
    });
    const after = await withRuntime({}, async ({ services, database }) => ({
      job: await database.db
        .selectFrom('import_jobs')
        .select('report_withheld')
        .where('id', '=', jobId)
        .executeTakeFirstOrThrow(),
      audited: await services.audit.query(database.db, {
        action: 'case.import_report_withheld',
        limit: 5,
      }),
    }));
    expect(after.job.report_withheld).toBe(reportAllowListVersion);
    expect(after.audited).toEqual([expect.objectContaining({ targetId: jobId })]);
  });

  it('records imports left queued or running by a stopped process as interrupted on start', async () => {
    const system = { actor: { kind: 'system' } as const, requestId: null };
    const ids = await withRuntime({}, async ({ services, database }) => {
      const orgId = await createTestOrganisation(services, 'field');
      const content = (gender: string) =>
        Buffer.from(`prs_Gender,vic_TraffickingStatus\n${gender},PossibleVictimOfTrafficking`);
      const run = async (gender: string) =>
        (
          await services.imports.run(system, {
            organisationId: orgId,
            format: 'htcds',
            content: content(gender),
            dryRun: true,
          })
        ).id;
      const [stopped, live, done] = [
        await run('Feminine'),
        await run('Masculine'),
        await run('Martian'),
      ];
      // As a process that died mid-import left them: one running with a heartbeat long past,
      // one another process still stamps (a second instance, a command-line import).
      const set = (id: string, heartbeat: string | null) =>
        database.db
          .updateTable('import_jobs')
          .set({ status: 'running', finished_at: null, heartbeat_at: heartbeat })
          .where('id', '=', id)
          .execute();
      await set(stopped, '2020-01-01T00:00:00.000Z');
      await set(live, new Date().toISOString());
      return { stopped, live, done };
    });
    const after = await withRuntime({}, async ({ services, database, interruptedImports }) => ({
      interruptedImports,
      jobs: await database.db
        .selectFrom('import_jobs')
        .select(['id', 'status', 'error_code'])
        .execute(),
      audited: await services.audit.query(database.db, {
        action: 'case.import_interrupted',
        limit: 5,
      }),
      shown: await services.imports.get(system, ids.stopped),
    }));
    expect(after.interruptedImports).toBe(1);
    const byId = new Map(after.jobs.map((job) => [job.id, job]));
    expect(byId.get(ids.stopped)).toMatchObject({
      status: 'failed',
      error_code: 'import.interrupted',
    });
    expect(byId.get(ids.live)).toMatchObject({ status: 'running', error_code: null });
    expect(byId.get(ids.done)).toMatchObject({ status: 'succeeded' });
    expect(after.audited).toEqual([expect.objectContaining({ targetId: ids.stopped })]);
    expect(after.shown).toMatchObject({ status: 'failed', errorCode: 'import.interrupted' });
  });

  it('names data keys made under a key rotated away; rotating from that key brings them over', async () => {
    const oldKey = generateMasterKey();
    const newKey = generateMasterKey();
    const first = await withRuntime({ VIGIL_MASTER_KEY: oldKey }, (runtime) =>
      sealOne(runtime, 'Amira'),
    );
    // A server still running under the old key while another process rotates to the new one.
    const late = await withRuntime({ VIGIL_MASTER_KEY: oldKey }, async (runtime) => {
      const { database, services } = runtime;
      await rewrapAllKeys(database, services.audit, services.keyring, createKeyring(newKey));
      return sealOne(runtime, 'Bahati');
    });
    await withRuntime({ VIGIL_MASTER_KEY: newKey }, async (runtime) => {
      expect(runtime.strandedKeys).toEqual(new Map([[createKeyring(oldKey).keyId, 1]]));
      expect(await readOne(runtime, first)).toBe('Amira');
      await expect(readOne(runtime, late)).rejects.toThrow();
    });
    // The way back: a rotation from the old key moves the keys it wraps, and only those.
    const moved = await withRuntime({ VIGIL_MASTER_KEY: oldKey }, ({ database, services }) =>
      rewrapAllKeys(database, services.audit, services.keyring, createKeyring(newKey)),
    );
    expect(moved.rewrapped).toBe(1);
    await withRuntime({ VIGIL_MASTER_KEY: newKey }, async (runtime) => {
      expect(runtime.strandedKeys.size).toBe(0);
      expect(await readOne(runtime, late)).toBe('Bahati');
      expect(await readOne(runtime, first)).toBe('Amira');
    });
  });

  it('accepts any master key while no data key exists', async () => {
    await withRuntime({}, () => undefined);
    const other = generateMasterKey();
    await expect(withRuntime({ VIGIL_MASTER_KEY: other }, () => 'opened')).resolves.toBe('opened');
  });

  it('finishes a rotation interrupted after the keys moved but before the file swap', async () => {
    const record = await withRuntime({}, async (runtime) => {
      const sealed = await sealOne(runtime, 'Amira');
      const next = stageNextMasterKey(dataDir);
      await rewrapAllKeys(runtime.database, runtime.services.audit, runtime.services.keyring, next);
      // The process dies here: master.key is still the old key, master.key.next the new one.
      return { ...sealed, nextKeyId: next.keyId };
    });
    expect(existsSync(nextMasterKeyFile(dataDir))).toBe(true);
    await withRuntime({}, async (runtime) => {
      expect(runtime.services.keyring.keyId).toBe(record.nextKeyId);
      expect(await readOne(runtime, record)).toBe('Amira');
    });
    expect(existsSync(nextMasterKeyFile(dataDir))).toBe(false);
    expect(createKeyring(readFileSync(masterKeyFile(dataDir), 'utf8').trim()).keyId).toBe(
      record.nextKeyId,
    );
  });

  it('ignores a staged key the data keys never moved to', async () => {
    const record = await withRuntime({}, async (runtime) => ({
      ...(await sealOne(runtime, 'Amira')),
      keyId: runtime.services.keyring.keyId,
    }));
    stageNextMasterKey(dataDir);
    await withRuntime({}, async (runtime) => {
      expect(runtime.services.keyring.keyId).toBe(record.keyId);
      expect(await readOne(runtime, record)).toBe('Amira');
    });
    expect(existsSync(nextMasterKeyFile(dataDir))).toBe(true);
  });
});

describe('loadConfig', () => {
  it.each([
    ['not base64 of 32 bytes', 'abc'],
    ['16 bytes', Buffer.alloc(16, 1).toString('base64')],
  ])('refuses a VIGIL_MASTER_KEY that is %s, naming it', (_label, value) => {
    expect(() => loadConfig({ VIGIL_DATA_DIR: '/tmp/x', VIGIL_MASTER_KEY: value })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ VIGIL_DATA_DIR: '/tmp/x', VIGIL_MASTER_KEY: value })).toThrow(
      /VIGIL_MASTER_KEY/,
    );
  });

  it('accepts a valid VIGIL_MASTER_KEY', () => {
    const key = generateMasterKey();
    expect(loadConfig({ VIGIL_DATA_DIR: '/tmp/x', VIGIL_MASTER_KEY: key }).masterKeyBase64).toBe(
      key,
    );
  });
});
