import path from 'node:path';
import { createKeyring, generateMasterKey, type Keyring } from './crypto/index.js';
import { fileExists, readSecretFile, replaceFile, writeSecretFile } from './files.js';

/** Where the master key comes from, for messages and for rotation. */
export type MasterKeySource = { kind: 'environment' } | { kind: 'file'; file: string };

/** The key file inside the data directory. */
export function masterKeyFile(dataDir: string): string {
  return path.join(dataDir, 'master.key');
}

/** The key file a rotation writes first, before any data key is re-wrapped under it. */
export function nextMasterKeyFile(dataDir: string): string {
  return `${masterKeyFile(dataDir)}.next`;
}

/**
 * The master key: VIGIL_MASTER_KEY when set, else the key file, created (mode 0600) on first
 * start. Also returns a pending rotation's next key, when a rotation was interrupted.
 */
export function loadMasterKey(
  masterKeyBase64: string | null,
  dataDir: string,
): { current: string; next: string | null; source: MasterKeySource } {
  if (masterKeyBase64 !== null) {
    return { current: masterKeyBase64, next: null, source: { kind: 'environment' } };
  }
  const file = masterKeyFile(dataDir);
  if (!fileExists(file)) writeSecretFile(file, generateMasterKey());
  const nextFile = nextMasterKeyFile(dataDir);
  return {
    current: readSecretFile(file),
    next: fileExists(nextFile) ? readSecretFile(nextFile) : null,
    source: { kind: 'file', file },
  };
}

/** Writes the next key file of a rotation; returns its keyring. */
export function stageNextMasterKey(dataDir: string, base64: string = generateMasterKey()): Keyring {
  writeSecretFile(nextMasterKeyFile(dataDir), base64);
  return createKeyring(base64);
}

/** Makes the staged next key the current key file. */
export function promoteNextMasterKey(dataDir: string): void {
  replaceFile(nextMasterKeyFile(dataDir), masterKeyFile(dataDir));
}
