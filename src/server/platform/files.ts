import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

// The only module that touches the filesystem directly (key files, data directory, backups).

/** Creates a directory (and parents) with owner-only permissions if missing. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** True when the path exists. */
export function fileExists(file: string): boolean {
  return existsSync(file);
}

/** Reads a secret file, refusing one that other users could read. */
export function readSecretFile(file: string): string {
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) !== 0) {
    throw new Error(
      `${file} is readable by other users (mode ${mode.toString(8)}); run chmod 600 on it`,
    );
  }
  return readFileSync(file, 'utf8').trim();
}

/** Writes a secret file with mode 0600 atomically (temporary file, then rename). */
export function writeSecretFile(file: string, content: string): void {
  ensurePrivateDir(path.dirname(file));
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, `${content}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

/** Renames a file atomically within one filesystem. */
export function replaceFile(from: string, to: string): void {
  renameSync(from, to);
}

/** Copies a file, replacing the destination. */
export function copyFile(from: string, to: string): void {
  copyFileSync(from, to);
}

/** Deletes a file if it exists. */
export function removeFile(file: string): void {
  rmSync(file, { force: true });
}

/** Reads a whole file as bytes (imports). */
export function readFileBytes(file: string): Buffer {
  return readFileSync(file);
}

/**
 * Writes an export file with owner-only permissions, atomically: record-level exports hold
 * personal data, so they are never world-readable, and a crash leaves no half-written file.
 */
export function writePrivateFile(file: string, content: Buffer | string): void {
  const temporary = `${file}.tmp-${String(process.pid)}`;
  writeFileSync(temporary, content, { mode: 0o600, flag: 'w' });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}
