import { AppError } from '../../../shared/app-error.js';
import {
  keyringForWorker,
  newId,
  type FieldCipher,
  type Keyring,
  type KeyringTransfer,
} from '../../platform/crypto/index.js';
import type { Database, Executor, InsertRows } from '../../platform/db/database.js';
import type { AuditService } from '../audit/index.js';
import {
  countByMasterKey,
  findWrapped,
  insertDataKey,
  insertDataKeys,
  listLiveKeys,
  shredDataKey,
  updateWrapped,
} from './vault-repo.js';

/** Envelope encryption for records: one data key per record, wrapped by the master key. */
export interface VaultService {
  /** The fingerprint of the master key in use. */
  keyId: string;
  /** Creates and stores a data key for a new record, inside the record's transaction. */
  createRecordKey: (trx: Executor) => Promise<{ dataKeyId: string; cipher: FieldCipher }>;
  /** A data key for a record not yet written; `storeRecordKeys` stores it with the record. */
  newRecordKey: () => NewRecordKey;
  /** Stores keys from `newRecordKey` (bulk writes), inside their records' transaction. */
  storeRecordKeys: (trx: Executor, keys: readonly StorableRecordKey[]) => Promise<void>;
  /** The keyring for a worker thread that makes record keys (`recordKeyMaker` there). */
  keyringForWorker: () => KeyringTransfer;
  /** The cipher of a stored key; `crypto.key_shredded` once it was destroyed. */
  cipherFor: (db: Executor, dataKeyId: string) => Promise<FieldCipher>;
  /** Crypto-shreds a record's key: its sealed fields become unrecoverable. */
  shred: (trx: Executor, dataKeyId: string) => Promise<boolean>;
  /** Live keys per master-key fingerprint (for start-up checks and rotation). */
  keyCounts: (db: Executor) => Promise<Map<string, number>>;
}

/** A data key made for a record not yet written: its id, wrapped form and cipher. */
export interface NewRecordKey {
  id: string;
  wrapped: string;
  cipher: FieldCipher;
}

/** What is stored of a record key: it never leaves its maker unwrapped. */
export type StorableRecordKey = Pick<NewRecordKey, 'id' | 'wrapped'>;

/** Makes record keys under a keyring without storing them (in a worker thread, too). */
export function recordKeyMaker(keyring: Keyring): () => NewRecordKey {
  return () => ({ id: newId(), ...keyring.newDataKey() });
}

/** The binding context of a sealed field, so a ciphertext cannot be moved to another place. */
export function fieldContext(recordType: string, recordId: string, field: string): string {
  return `${recordType}/${recordId}/${field}`;
}

/** Creates the vault over a keyring. */
export function createVaultService(
  keyring: Keyring,
  now: () => Date,
  insertRows: InsertRows,
): VaultService {
  return {
    keyId: keyring.keyId,
    async createRecordKey(trx) {
      const { wrapped, cipher } = keyring.newDataKey();
      const dataKeyId = newId();
      await insertDataKey(trx, {
        id: dataKeyId,
        wrapped,
        masterKeyId: keyring.keyId,
        createdAt: now().toISOString(),
      });
      return { dataKeyId, cipher };
    },
    newRecordKey: recordKeyMaker(keyring),
    async storeRecordKeys(trx, keys) {
      const at = now().toISOString();
      await insertDataKeys(
        insertRows,
        trx,
        keys.map((key) => ({
          id: key.id,
          wrapped: key.wrapped,
          masterKeyId: keyring.keyId,
          createdAt: at,
        })),
      );
    },
    keyringForWorker: () => keyringForWorker(keyring),
    async cipherFor(db, dataKeyId) {
      const row = await findWrapped(db, dataKeyId);
      if (row === undefined) throw new AppError('crypto.decrypt_failed', { reason: 'no key' });
      if (row.wrapped === null) throw new AppError('crypto.key_shredded');
      return keyring.openDataKey(row.wrapped);
    },
    shred: (trx, dataKeyId) => shredDataKey(trx, dataKeyId, now().toISOString()),
    keyCounts: (db) => countByMasterKey(db),
  };
}

/**
 * Re-wraps every live data key wrapped under `from` to `to` in one transaction with its audit
 * entry; field ciphertexts are untouched. Either all of them move to the new master key or
 * none do. Keys under a third master key are left as they are (a start names them; running
 * this again with that key as `from` brings them over).
 */
export async function rewrapAllKeys(
  database: Database,
  audit: AuditService,
  from: Keyring,
  to: Keyring,
): Promise<{ rewrapped: number }> {
  return database.db.transaction().execute(async (trx) => {
    let rewrapped = 0;
    let after = '';
    for (;;) {
      const page = await listLiveKeys(trx, from.keyId, after, 1000);
      for (const key of page) {
        await updateWrapped(trx, key.id, from.rewrap(key.wrapped, to), to.keyId);
        rewrapped += 1;
        after = key.id;
      }
      if (page.length < 1000) break;
    }
    // A `from` that wraps none of the live keys while some exist is the wrong key.
    if (rewrapped === 0 && (await countByMasterKey(trx)).size > 0) {
      throw new AppError('crypto.wrong_master_key', { expected: [from.keyId] });
    }
    await audit.record(trx, {
      actor: { type: 'system', id: null },
      action: 'keys.rotate',
      targetType: 'master_key',
      targetId: to.keyId,
    });
    return { rewrapped };
  });
}
