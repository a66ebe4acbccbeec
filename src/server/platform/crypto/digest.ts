import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { secureRandomBytes } from './random-pool.js';

/** SHA-256 of a UTF-8 string as lower-case hex. */
export function sha256Hex(input: string): string {
  return createHash('sha256').update(input, 'utf8').digest('hex');
}

/** A new random UUID (v4). */
export function newId(): string {
  return randomUUID();
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
