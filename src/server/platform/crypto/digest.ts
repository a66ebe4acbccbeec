import { hash, timingSafeEqual } from 'node:crypto';
import { secureRandomBytes } from './random-pool.js';

/** SHA-256 of a UTF-8 string as lower-case hex. */
export function sha256Hex(input: string): string {
  // The one-shot form: no Hash object per call (the audit append and session lookup hash on
  // every request).
  return hash('sha256', input, 'hex');
}

/**
 * A new UUID of version 7 (RFC 9562): 48 bits of Unix time in milliseconds, then 74 random
 * bits. Ids made close in time sort close together, so a new row lands on the same index
 * pages as the rows written just before it instead of on a random page of every index; that
 * halves what a commit writes (docs/decisions/0009-sqlite-group-commit.md). The id reveals
 * when the record was made, to the millisecond, which its stored timestamps say already; ids
 * never appear in published output.
 */
export function newId(now = Date.now()): string {
  const bytes = secureRandomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A URL-safe random secret with `bytes` bytes of entropy. */
export function randomSecret(bytes = 32): string {
  return secureRandomBytes(bytes).toString('base64url');
}

/** A random string over `alphabet` of `length`, without modulo bias. */
export function randomFromAlphabet(alphabet: string, length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of secureRandomBytes(length * 2)) {
      // Reject bytes in the incomplete last block so every symbol is equally likely.
      if (byte < 256 - (256 % alphabet.length)) out += alphabet[byte % alphabet.length] ?? '';
      if (out.length === length) break;
    }
  }
  return out;
}

/** Constant-time string equality (lengths are not secret here). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
