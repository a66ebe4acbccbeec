import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import { secureRandomBytes } from './random-pool.js';
import { AppError } from '../../../shared/app-error.js';

// Envelope encryption. Each record gets its own 256-bit data key; the data key is stored only
// wrapped (AES-256-GCM) under the master key. Rotating the master key re-wraps data keys and
// leaves field ciphertexts alone; destroying a data key destroys its record's fields.
//
// Keys never leave this file: callers receive closures (`seal`, `open`) bound to a key.

const algorithm = 'aes-256-gcm';
const ivBytes = 12;
const version = 'v1';
const wrapAad = Buffer.from('vigil/data-key/v1', 'utf8');

/** Encrypts and decrypts field values with one data key. */
export interface FieldCipher {
  /** Encrypts `plaintext`, bound to `context` (record type, id, field) so it cannot be moved. */
  seal: (plaintext: string, context: string) => string;
  /** Decrypts a value sealed with the same key and context; throws `crypto.decrypt_failed`. */
  open: (sealed: string, context: string) => string;
}

/** A master key, held in memory only as closures. */
export interface Keyring {
  /** Short fingerprint of the master key, stored beside each wrapped data key. */
  keyId: string;
  /** A fresh data key: its wrapped form for storage and a cipher to use now. */
  newDataKey: () => { wrapped: string; cipher: FieldCipher };
  /** Unwraps a stored data key; throws `crypto.wrong_master_key` under another master key. */
  openDataKey: (wrapped: string) => FieldCipher;
  /** Re-wraps a data key wrapped by this keyring under `target`, without exposing it. */
  rewrap: (wrapped: string, target: Keyring) => string;
  /** A keyed hash for one purpose (HKDF from the master key), for lookups that hide input. */
  keyedHash: (purpose: string) => (input: string) => string;
}

function encrypt(key: Buffer, plaintext: Buffer, aad: Buffer): string {
  const iv = secureRandomBytes(ivBytes);
  const cipher = createCipheriv(algorithm, key, iv);
  cipher.setAAD(aad);
  const head = cipher.update(plaintext);
  // GCM is a stream mode: `final` adds nothing (only the tag), so no copy is made for it.
  const tail = cipher.final();
  const body = tail.length === 0 ? head : Buffer.concat([head, tail]);
  const tag = cipher.getAuthTag();
  return `${iv.toString('base64url')}.${body.toString('base64url')}.${tag.toString('base64url')}`;
}

function decrypt(key: Buffer, payload: string, aad: Buffer): Buffer {
  const [iv, body, tag] = payload.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (iv?.length !== ivBytes || body === undefined || tag?.length !== 16) {
    throw new AppError('crypto.decrypt_failed', { reason: 'malformed' });
  }
  try {
    const decipher = createDecipheriv(algorithm, key, iv);
    decipher.setAAD(aad);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch (cause) {
    throw new AppError('crypto.decrypt_failed', { reason: 'authentication' }, { cause });
  }
}

function createFieldCipher(dataKey: Buffer): FieldCipher {
  return {
    seal: (plaintext, context) =>
      `${version}.${encrypt(dataKey, Buffer.from(plaintext, 'utf8'), Buffer.from(context, 'utf8'))}`,
    open: (sealed, context) => {
      if (!sealed.startsWith(`${version}.`)) {
        throw new AppError('crypto.decrypt_failed', { reason: 'version' });
      }
      const payload = sealed.slice(version.length + 1);
      return decrypt(dataKey, payload, Buffer.from(context, 'utf8')).toString('utf8');
    },
  };
}

/** Parses a base64 master key; throws unless it decodes to exactly 32 bytes. */
export function parseMasterKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32 || key.toString('base64') !== base64.trim()) {
    throw new Error('The master key must be base64 for exactly 32 bytes');
  }
  return key;
}

/** A new random master key, base64; used when creating the key file. */
export function generateMasterKey(): string {
  return randomBytes(32).toString('base64');
}

// Each keyring's wrap function, reachable only from this file: re-wrapping hands a raw data key
// from one keyring to another without putting it on any interface.
const wrappers = new WeakMap<Keyring, (dataKey: Buffer) => string>();
// Each keyring's master key as given, for handing the keyring to a worker thread.
const masters = new WeakMap<Keyring, string>();

/**
 * What a worker thread of this process needs to hold the same keyring. It travels only as
 * `workerData` (copied within the process's own memory), never to disk, logs or the network.
 */
export interface KeyringTransfer {
  readonly kind: 'vigil/keyring';
  readonly masterKey: string;
}

/** The transfer form of a keyring, for a worker thread (see `KeyringTransfer`). */
export function keyringForWorker(keyring: Keyring): KeyringTransfer {
  const masterKey = masters.get(keyring);
  if (masterKey === undefined) throw new Error('Keyring was not created here');
  return { kind: 'vigil/keyring', masterKey };
}

/** Inside a worker thread: the keyring its starter handed over. */
export function keyringFromWorkerData(data: unknown): Keyring {
  const transfer = data as Partial<KeyringTransfer> | null;
  if (transfer?.kind !== 'vigil/keyring' || typeof transfer.masterKey !== 'string') {
    throw new Error('Not a keyring transfer');
  }
  return createKeyring(transfer.masterKey);
}

/** Creates a keyring around a master key given as base64. */
export function createKeyring(masterKeyBase64: string): Keyring {
  const master = parseMasterKey(masterKeyBase64);
  const keyId = createHash('sha256')
    .update('vigil/master-key-id/v1')
    .update(master)
    .digest('hex')
    .slice(0, 16);

  const unwrap = (wrapped: string): Buffer => {
    const [tagVersion, wrappedBy, ...rest] = wrapped.split('.');
    if (tagVersion !== version || wrappedBy === undefined) {
      throw new AppError('crypto.decrypt_failed', { reason: 'malformed' });
    }
    if (wrappedBy !== keyId) throw new AppError('crypto.wrong_master_key', { keyId: wrappedBy });
    return decrypt(master, rest.join('.'), wrapAad);
  };
  const wrap = (dataKey: Buffer): string =>
    `${version}.${keyId}.${encrypt(master, dataKey, wrapAad)}`;

  const keyring: Keyring = {
    keyId,
    newDataKey: () => {
      const dataKey = secureRandomBytes(32);
      return { wrapped: wrap(dataKey), cipher: createFieldCipher(dataKey) };
    },
    openDataKey: (wrapped) => createFieldCipher(unwrap(wrapped)),
    keyedHash: (purpose) => {
      const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `vigil/${purpose}`, 32));
      return (input) => createHmac('sha256', key).update(input, 'utf8').digest('hex');
    },
    rewrap: (wrapped, target) => {
      const targetWrap = wrappers.get(target);
      if (targetWrap === undefined) throw new Error('Target keyring was not created here');
      const dataKey = unwrap(wrapped);
      try {
        return targetWrap(dataKey);
      } finally {
        dataKey.fill(0);
      }
    },
  };
  wrappers.set(keyring, wrap);
  masters.set(keyring, masterKeyBase64);
  Object.freeze(keyring);
  return keyring;
}
