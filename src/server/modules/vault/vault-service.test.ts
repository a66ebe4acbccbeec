import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/app-error.js';
import type { ErrorCode } from '../../../shared/error-codes.js';
import { type Services } from '../../app.js';
import { createKeyring, generateMasterKey } from '../../platform/crypto/index.js';
import type { Database } from '../../platform/db/database.js';
import { createTestClock, databaseKinds } from '../../../test-support/test-db.js';
import { createVaultService, fieldContext, rewrapAllKeys } from './index.js';
import { createTestServices } from '../../../test-support/test-services.js';

/** The AppError code a promise rejects with. */
async function rejectionCode(promise: Promise<unknown>): Promise<ErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** Throws when the AppError code a synchronous call throws is not `code`. */
function thrownCode(work: () => unknown): ErrorCode {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected a throw');
}

describe.each(databaseKinds)('vault on %s', (kind) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let services: Services;
  const clock = createTestClock();

  beforeEach(async () => {
    ({ database, services, dispose } = await createTestServices(kind, clock));
  });
  afterEach(async () => {
    await dispose();
  });

  /** Seals two fields of a made-up record under a new record key. */
  async function sealRecord(recordId: string, name: string, phone: string) {
    const { dataKeyId, cipher } = await database.db
      .transaction()
      .execute((trx) => services.vault.createRecordKey(trx));
    return {
      dataKeyId,
      name: cipher.seal(name, fieldContext('case', recordId, 'name')),
      phone: cipher.seal(phone, fieldContext('case', recordId, 'phone')),
    };
  }

  it('stores only the wrapped key and reads sealed fields back through it', async () => {
    const record = await sealRecord('c1', 'Amira Haddad', '+962 7 9000 0000');
    const row = await database.db
      .selectFrom('data_keys')
      .selectAll()
      .where('id', '=', record.dataKeyId)
      .executeTakeFirstOrThrow();
    expect(row.master_key_id).toBe(services.keyring.keyId);
    expect(row.wrapped?.startsWith(`v1.${services.keyring.keyId}.`)).toBe(true);
    expect(row.shredded_at).toBeNull();

    const cipher = await services.vault.cipherFor(database.db, record.dataKeyId);
    expect(cipher.open(record.name, fieldContext('case', 'c1', 'name'))).toBe('Amira Haddad');
    expect(cipher.open(record.phone, fieldContext('case', 'c1', 'phone'))).toBe('+962 7 9000 0000');
    // A field moved to another record or another field does not open.
    expect(thrownCode(() => cipher.open(record.name, fieldContext('case', 'c2', 'name')))).toBe(
      'crypto.decrypt_failed',
    );
    expect(thrownCode(() => cipher.open(record.name, fieldContext('case', 'c1', 'phone')))).toBe(
      'crypto.decrypt_failed',
    );
  });

  it('gives each record its own key', async () => {
    const one = await sealRecord('c1', 'One', '1');
    const two = await sealRecord('c2', 'Two', '2');
    expect(one.dataKeyId).not.toBe(two.dataKeyId);
    const cipherTwo = await services.vault.cipherFor(database.db, two.dataKeyId);
    expect(thrownCode(() => cipherTwo.open(one.name, fieldContext('case', 'c1', 'name')))).toBe(
      'crypto.decrypt_failed',
    );
  });

  it('creates no key when the record transaction rolls back', async () => {
    let created = '';
    await expect(
      database.db.transaction().execute(async (trx) => {
        created = (await services.vault.createRecordKey(trx)).dataKeyId;
        throw new Error('record insert failed');
      }),
    ).rejects.toThrow('record insert failed');
    expect(created).not.toBe('');
    expect(await rejectionCode(services.vault.cipherFor(database.db, created))).toBe(
      'crypto.decrypt_failed',
    );
  });

  it('reports an unknown key id as a decryption failure', async () => {
    expect(
      await rejectionCode(
        services.vault.cipherFor(database.db, '00000000-0000-4000-8000-000000000000'),
      ),
    ).toBe('crypto.decrypt_failed');
  });

  it('crypto-shreds a record key: the wrapped key is gone and the fields are unreadable', async () => {
    const record = await sealRecord('c1', 'Amira Haddad', '+962 7 9000 0000');
    const kept = await sealRecord('c2', 'Kept', '2');
    clock.advance(60_000);
    const shredded = await database.db
      .transaction()
      .execute((trx) => services.vault.shred(trx, record.dataKeyId));
    expect(shredded).toBe(true);

    expect(await rejectionCode(services.vault.cipherFor(database.db, record.dataKeyId))).toBe(
      'crypto.key_shredded',
    );
    const row = await database.db
      .selectFrom('data_keys')
      .selectAll()
      .where('id', '=', record.dataKeyId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      wrapped: null,
      master_key_id: null,
      shredded_at: clock.now().toISOString(),
    });
    // Shredding twice reports that nothing was left to destroy.
    expect(
      await database.db.transaction().execute((trx) => services.vault.shred(trx, record.dataKeyId)),
    ).toBe(false);
    // Other records are untouched.
    const cipher = await services.vault.cipherFor(database.db, kept.dataKeyId);
    expect(cipher.open(kept.name, fieldContext('case', 'c2', 'name'))).toBe('Kept');
    // Shredded keys no longer count as live.
    expect(await services.vault.keyCounts(database.db)).toEqual(
      new Map([[services.keyring.keyId, 1]]),
    );
  });

  it('re-wraps every key under a new master key; fields stay readable, the old key fails', async () => {
    const records = [];
    for (let i = 0; i < 5; i += 1) {
      records.push(await sealRecord(`c${String(i)}`, `Name ${String(i)}`, String(i)));
    }
    const gone = await sealRecord('gone', 'Shredded', '0');
    await database.db.transaction().execute((trx) => services.vault.shred(trx, gone.dataKeyId));
    const fieldsBefore = await database.db
      .selectFrom('data_keys')
      .select(['id', 'wrapped'])
      .orderBy('id')
      .execute();

    const from = services.keyring;
    const to = createKeyring(generateMasterKey());
    const { rewrapped } = await rewrapAllKeys(database, services.audit, from, to);
    expect(rewrapped).toBe(5);

    const fieldsAfter = await database.db
      .selectFrom('data_keys')
      .select(['id', 'wrapped', 'master_key_id'])
      .orderBy('id')
      .execute();
    for (const row of fieldsAfter) {
      const before = fieldsBefore.find((b) => b.id === row.id);
      if (row.id === gone.dataKeyId) {
        expect(row.wrapped).toBeNull();
      } else {
        expect(row.master_key_id).toBe(to.keyId);
        expect(row.wrapped).not.toBe(before?.wrapped);
      }
    }

    const newVault = createVaultService(to, clock.now, database.insertRows);
    for (const [i, record] of records.entries()) {
      const cipher = await newVault.cipherFor(database.db, record.dataKeyId);
      expect(cipher.open(record.name, fieldContext('case', `c${String(i)}`, 'name'))).toBe(
        `Name ${String(i)}`,
      );
    }
    for (const record of records) {
      expect(await rejectionCode(services.vault.cipherFor(database.db, record.dataKeyId))).toBe(
        'crypto.wrong_master_key',
      );
    }
    expect(await rejectionCode(newVault.cipherFor(database.db, gone.dataKeyId))).toBe(
      'crypto.key_shredded',
    );
    expect(await newVault.keyCounts(database.db)).toEqual(new Map([[to.keyId, 5]]));

    const rotations = await services.audit.query(database.db, { action: 'keys.rotate', limit: 5 });
    expect(rotations).toHaveLength(1);
    expect(rotations[0]).toMatchObject({
      actorType: 'system',
      targetType: 'master_key',
      targetId: to.keyId,
      outcome: 'success',
    });
    expect((await services.audit.verify(database.db)).intact).toBe(true);
  });

  it('re-wraps more keys than one page', async () => {
    const ids: string[] = [];
    await database.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 1001; i += 1)
        ids.push((await services.vault.createRecordKey(trx)).dataKeyId);
    });
    const to = createKeyring(generateMasterKey());
    const { rewrapped } = await rewrapAllKeys(database, services.audit, services.keyring, to);
    expect(rewrapped).toBe(1001);
    expect(await services.vault.keyCounts(database.db)).toEqual(new Map([[to.keyId, 1001]]));
  });

  it('moves no key when a rotation fails part-way', async () => {
    await sealRecord('c1', 'One', '1');
    await sealRecord('c2', 'Two', '2');
    const to = createKeyring(generateMasterKey());
    // A keyring that wrapped none of the stored keys cannot unwrap them: the rotation throws
    // on the first key and the transaction rolls back.
    const wrongFrom = createKeyring(generateMasterKey());
    expect(await rejectionCode(rewrapAllKeys(database, services.audit, wrongFrom, to))).toBe(
      'crypto.wrong_master_key',
    );
    expect(await services.vault.keyCounts(database.db)).toEqual(
      new Map([[services.keyring.keyId, 2]]),
    );
    // The right key, and the second stored key damaged: the first, already moved, moves back.
    const [, second] = await database.db
      .selectFrom('data_keys')
      .select('id')
      .orderBy('id')
      .execute();
    await database.db
      .updateTable('data_keys')
      .set({ wrapped: 'v1.damaged' })
      .where('id', '=', second?.id ?? '')
      .execute();
    await expect(
      rewrapAllKeys(database, services.audit, services.keyring, to),
    ).rejects.toBeInstanceOf(Error);
    expect(await services.vault.keyCounts(database.db)).toEqual(
      new Map([[services.keyring.keyId, 2]]),
    );
    expect(await services.audit.query(database.db, { action: 'keys.rotate', limit: 5 })).toEqual(
      [],
    );
  });
});
