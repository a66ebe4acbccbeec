import type { Config } from './platform/config.js';
import { createKeyring } from './platform/crypto/index.js';
import { openDatabase, type Database } from './platform/db/database.js';
import { ensurePrivateDir } from './platform/files.js';
import { loadMasterKey, promoteNextMasterKey } from './platform/master-key.js';
import { AppError } from '../shared/app-error.js';
import { createServices, type Services } from './app.js';
import {
  importStaleAfterMs,
  recordInterruptedImports,
  withholdOlderReports,
  type ReportRewrite,
} from './modules/case-files/index.js';
import { keyCountsByMasterKey } from './modules/vault/index.js';

/** An open Vigil: database migrated, master key checked, services built. */
export interface Runtime {
  config: Config;
  database: Database;
  services: Services;
  /** What the start's rewrite of older import reports did (the server logs what failed). */
  reportRewrite: ReportRewrite;
  /** Imports left queued or running by a process that stopped, recorded as interrupted now. */
  interruptedImports: number;
  /** Data keys wrapped under master keys other than this one, by master key id. */
  strandedKeys: Map<string, number>;
  close: () => Promise<void>;
}

/**
 * Refuses to start under a master key that wraps none of the stored data keys while others
 * exist: that is the wrong key, and running on would create data nobody can join up later.
 * Returns the data keys wrapped under other master keys: the records they seal cannot be
 * opened under this one (keys a server made while another process rotated, say).
 */
async function checkMasterKey(services: Services): Promise<Map<string, number>> {
  const counts = await services.vault.keyCounts(services.database.db);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total > 0 && !counts.has(services.keyring.keyId)) {
    throw new AppError('crypto.wrong_master_key', { expected: [...counts.keys()] });
  }
  counts.delete(services.keyring.keyId);
  return counts;
}

/** Opens the configured database, migrates it and builds the services. */
export async function openRuntime(config: Config): Promise<Runtime> {
  if (config.database.kind === 'sqlite') ensurePrivateDir(config.dataDir);
  const database = openDatabase(config.database);
  try {
    await database.migrate();
    const keys = loadMasterKey(config.masterKeyBase64, config.dataDir);
    let current = keys.current;
    if (keys.next !== null) {
      // A rotation stopped after staging its new key. If the data keys already moved to it,
      // finish by promoting the key file; otherwise the old key still rules and the stale
      // staged key is left for the operator (rotate again overwrites it).
      const counts = await keyCountsByMasterKey(database.db);
      if (counts.has(createKeyring(keys.next).keyId)) {
        promoteNextMasterKey(config.dataDir);
        current = keys.next;
      }
    }
    const services = createServices(database, current, { session: config.session });
    await services.roles.syncBuiltIns(database.db);
    const strandedKeys = await checkMasterKey(services);
    const reportRewrite = await withholdOlderReports({
      database,
      vault: services.vault,
      audit: services.audit,
    });
    const interruptedImports = await recordInterruptedImports({
      database,
      audit: services.audit,
      now: services.now,
      staleAfterMs: importStaleAfterMs,
    });
    return {
      config,
      database,
      services,
      reportRewrite,
      interruptedImports,
      strandedKeys,
      close: () => database.close(),
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
