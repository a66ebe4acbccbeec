import path from 'node:path';
import { z } from 'zod';
import { createKeyring, parseMasterKey } from '../../server/platform/crypto/index.js';
import { pgDump, pgRestore } from '../../server/platform/db/pg-tools.js';
import { copyFile, fileExists, removeFile, replaceFile } from '../../server/platform/files.js';
import { promoteNextMasterKey, stageNextMasterKey } from '../../server/platform/master-key.js';
import { rewrapAllKeys } from '../../server/modules/vault/index.js';
import { openRuntime } from '../../server/runtime.js';
import { openDatabase } from '../../server/platform/db/database.js';
import { CliError, cliConfig, exitCodes, parseOptions, withRuntime } from '../cli-support.js';

/** `vigil audit verify`: exit 0 when intact, 1 naming the first bad entry. */
export async function auditVerifyCommand(): Promise<number> {
  return withRuntime(async ({ services }) => {
    const report = await services.audit.verify(services.database.db);
    if (report.intact) {
      process.stdout.write(
        `Audit chain intact: ${String(report.entries)} entries, head ${report.headHash}\n`,
      );
      return exitCodes.ok;
    }
    process.stderr.write(
      `Audit chain BROKEN at entry ${String(report.firstBadSeq)}: ${report.problem ?? ''}\n`,
    );
    return exitCodes.problem;
  });
}

/**
 * `vigil keys rotate`: a new master key wraps every data key; field ciphertexts stay as they
 * are. With a key file, the new key is written beside the old one first (master.key.next),
 * keys are re-wrapped in one transaction, then the file is swapped: an interruption at any
 * point leaves a key that opens every data key (start-up finishes a half-done swap).
 */
export async function keysRotateCommand(): Promise<void> {
  const config = cliConfig();
  const runtime = await openRuntime(config);
  try {
    const from = runtime.services.keyring;
    if (config.masterKeyBase64 !== null) {
      const next = process.env.VIGIL_NEW_MASTER_KEY;
      if (next === undefined) {
        throw new CliError(
          'VIGIL_MASTER_KEY is set: put the new key in VIGIL_NEW_MASTER_KEY (base64, 32 bytes)',
          exitCodes.usage,
        );
      }
      try {
        parseMasterKey(next);
      } catch (error) {
        throw new CliError(`VIGIL_NEW_MASTER_KEY: ${(error as Error).message}`, exitCodes.usage);
      }
      const to = createKeyring(next);
      const { rewrapped } = await rewrapAllKeys(runtime.database, runtime.services.audit, from, to);
      process.stdout.write(
        `Re-wrapped ${String(rewrapped)} data keys under key ${to.keyId}.\nNow set VIGIL_MASTER_KEY to the new key and restart.\n`,
      );
      return;
    }
    const to = stageNextMasterKey(config.dataDir);
    const { rewrapped } = await rewrapAllKeys(runtime.database, runtime.services.audit, from, to);
    promoteNextMasterKey(config.dataDir);
    process.stdout.write(
      `Re-wrapped ${String(rewrapped)} data keys; the key file now holds key ${to.keyId}.\n`,
    );
  } finally {
    await runtime.close();
  }
}

const fileSchema = z.strictObject({ file: z.string().min(1) });

/** `vigil backup <file>`: SQLite online backup, or pg_dump for PostgreSQL. */
export async function backupCommand(file: string): Promise<void> {
  const target = path.resolve(parseOptions(fileSchema, { file }).file);
  if (fileExists(target))
    throw new CliError(`${target} exists; choose a new file`, exitCodes.usage);
  const config = cliConfig();
  if (config.database.kind === 'postgres') {
    await pgDump(config.database.url, target);
  } else {
    await withRuntime(({ database }) => database.backupSqlite(target));
  }
  process.stdout.write(
    `Backup written to ${target}. Keep the master key apart from it: the backup alone cannot decrypt protected fields.\n`,
  );
}

/** `vigil restore <file>`: replaces the database with a backup (stop the server first). */
export async function restoreCommand(file: string): Promise<void> {
  const source = path.resolve(parseOptions(fileSchema, { file }).file);
  if (!fileExists(source)) throw new CliError(`${source} does not exist`, exitCodes.usage);
  const config = cliConfig();
  if (config.database.kind === 'postgres') {
    await pgRestore(config.database.url, source);
  } else {
    // Work on a copy next to the database: check that it opens and migrates, then swap it in,
    // so neither the backup file nor the current database is touched until the copy is good.
    const staged = `${config.database.file}.restoring`;
    copyFile(source, staged);
    try {
      const probe = openDatabase({ kind: 'sqlite', file: staged });
      try {
        await probe.migrate();
      } finally {
        await probe.close();
      }
    } catch (error) {
      removeFile(staged);
      throw new CliError(
        `${source} is not a usable Vigil backup: ${(error as Error).message}`,
        exitCodes.dataError,
      );
    }
    removeFile(`${staged}-wal`);
    removeFile(`${staged}-shm`);
    removeFile(`${config.database.file}-wal`);
    removeFile(`${config.database.file}-shm`);
    replaceFile(staged, config.database.file);
  }
  process.stdout.write(`Restored from ${source}.\n`);
}
