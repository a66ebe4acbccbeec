import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError, isAppError } from '../../../shared/app-error.js';
import type { ErrorCode } from '../../../shared/error-codes.js';
import { createKeyring, generateMasterKey, parseMasterKey } from './keyring.js';

const keyA = Buffer.alloc(32, 1).toString('base64');
const keyB = Buffer.alloc(32, 2).toString('base64');

/** Runs `work` and returns the AppError code it threw (fails the test on anything else). */
function codeOf(work: () => unknown): ErrorCode {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw new Error(`expected an AppError, got ${String(error)}`, { cause: error });
  }
  throw new Error('expected an AppError, nothing was thrown');
}

/** Flips one character of a base64url segment of a dotted payload. */
function flipSegment(sealed: string, segment: number): string {
  const parts = sealed.split('.');
  const part = parts[segment] ?? '';
  const first = part.startsWith('A') ? 'B' : 'A';
  parts[segment] = `${first}${part.slice(1)}`;
  return parts.join('.');
}

describe('keyring', () => {
  const keyring = createKeyring(keyA);

  it('seals and opens a field value', () => {
    const { cipher } = keyring.newDataKey();
    const sealed = cipher.seal('Amira Haddad, born 1999', 'case/1/name');
    expect(sealed).not.toContain('Amira');
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(cipher.open(sealed, 'case/1/name')).toBe('Amira Haddad, born 1999');
  });

  it('round-trips any text, through the stored (wrapped) key too', () => {
    const { wrapped, cipher } = keyring.newDataKey();
    const reopened = keyring.openDataKey(wrapped);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string(), (text, context) => {
        expect(reopened.open(cipher.seal(text, context), context)).toBe(text);
      }),
    );
  });

  it('uses a fresh IV each time, so equal values do not look equal', () => {
    const { cipher } = keyring.newDataKey();
    expect(cipher.seal('same', 'c')).not.toBe(cipher.seal('same', 'c'));
  });

  it('binds a value to its context', () => {
    const { cipher } = keyring.newDataKey();
    const sealed = cipher.seal('secret', 'case/1/name');
    expect(codeOf(() => cipher.open(sealed, 'case/2/name'))).toBe('crypto.decrypt_failed');
    expect(codeOf(() => cipher.open(sealed, 'case/1/phone'))).toBe('crypto.decrypt_failed');
  });

  it('does not open a value with another data key', () => {
    const one = keyring.newDataKey().cipher;
    const other = keyring.newDataKey().cipher;
    const sealed = one.seal('secret', 'ctx');
    expect(codeOf(() => other.open(sealed, 'ctx'))).toBe('crypto.decrypt_failed');
  });

  it.each([
    ['the IV', 1],
    ['the body', 2],
    ['the tag', 3],
  ])('fails cleanly when %s of a sealed value is altered', (_label, segment) => {
    const { cipher } = keyring.newDataKey();
    const sealed = cipher.seal('a value long enough to have a body', 'ctx');
    expect(codeOf(() => cipher.open(flipSegment(sealed, segment), 'ctx'))).toBe(
      'crypto.decrypt_failed',
    );
  });

  it.each([
    ['an empty string', ''],
    ['another version', 'v2.AAAA.BBBB.CCCC'],
    ['missing parts', 'v1.AAAA'],
    ['a short IV', 'v1.AAAA.BBBB.AAAAAAAAAAAAAAAAAAAAAA'],
    ['garbage', 'not a ciphertext'],
  ])('fails cleanly on %s', (_label, sealed) => {
    const { cipher } = keyring.newDataKey();
    expect(codeOf(() => cipher.open(sealed, 'ctx'))).toBe('crypto.decrypt_failed');
  });

  it('refuses a data key wrapped by another master key', () => {
    const { wrapped } = createKeyring(keyB).newDataKey();
    const error = (() => {
      try {
        keyring.openDataKey(wrapped);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(isAppError(error, 'crypto.wrong_master_key')).toBe(true);
  });

  it('refuses a wrapped key whose fingerprint was relabelled to this master key', () => {
    const other = createKeyring(keyB);
    const { wrapped } = other.newDataKey();
    const relabelled = wrapped.replace(`.${other.keyId}.`, `.${keyring.keyId}.`);
    expect(relabelled).not.toBe(wrapped);
    expect(codeOf(() => keyring.openDataKey(relabelled))).toBe('crypto.decrypt_failed');
  });

  it('fails cleanly on a tampered or malformed wrapped key', () => {
    const { wrapped } = keyring.newDataKey();
    expect(codeOf(() => keyring.openDataKey(flipSegment(wrapped, 3)))).toBe(
      'crypto.decrypt_failed',
    );
    expect(codeOf(() => keyring.openDataKey('v9.x.y'))).toBe('crypto.decrypt_failed');
    expect(codeOf(() => keyring.openDataKey(''))).toBe('crypto.decrypt_failed');
  });

  it('has a stable fingerprint per master key that does not reveal it', () => {
    expect(createKeyring(keyA).keyId).toBe(keyring.keyId);
    expect(createKeyring(keyB).keyId).not.toBe(keyring.keyId);
    expect(keyring.keyId).toMatch(/^[0-9a-f]{16}$/);
    const { wrapped } = keyring.newDataKey();
    expect(wrapped.split('.')[1]).toBe(keyring.keyId);
    expect(wrapped).not.toContain(keyA);
  });

  it('keeps keys off the keyring object', () => {
    expect(Object.keys(keyring).sort()).toEqual(
      ['keyId', 'keyedHash', 'newDataKey', 'openDataKey', 'rewrap'].sort(),
    );
    expect(Object.isFrozen(keyring)).toBe(true);
    expect(JSON.stringify(keyring)).not.toContain(keyA);
  });

  it('rewraps a data key for another keyring; field ciphertexts stay readable', () => {
    const target = createKeyring(keyB);
    const { wrapped, cipher } = keyring.newDataKey();
    const sealed = cipher.seal('survivor statement', 'case/9/statement');
    const rewrapped = keyring.rewrap(wrapped, target);
    expect(rewrapped.split('.')[1]).toBe(target.keyId);
    expect(target.openDataKey(rewrapped).open(sealed, 'case/9/statement')).toBe(
      'survivor statement',
    );
    // The old keyring cannot open the new wrapping, and the old wrapping still names it.
    expect(codeOf(() => keyring.openDataKey(rewrapped))).toBe('crypto.wrong_master_key');
    expect(codeOf(() => target.openDataKey(wrapped))).toBe('crypto.wrong_master_key');
  });

  it('refuses to rewrap a key it did not wrap', () => {
    const other = createKeyring(keyB);
    const { wrapped } = other.newDataKey();
    expect(codeOf(() => keyring.rewrap(wrapped, other))).toBe('crypto.wrong_master_key');
  });

  it('refuses to rewrap into an object that is not a keyring made here', () => {
    const { wrapped } = keyring.newDataKey();
    const impostor = { ...createKeyring(keyB) };
    expect(() => keyring.rewrap(wrapped, impostor)).toThrow(/not created here/);
  });

  it('derives independent keyed hashes per purpose and per master key', () => {
    const throttle = keyring.keyedHash('login-throttle');
    expect(throttle('203.0.113.7')).toBe(keyring.keyedHash('login-throttle')('203.0.113.7'));
    expect(throttle('203.0.113.7')).toMatch(/^[0-9a-f]{64}$/);
    expect(throttle('203.0.113.7')).not.toBe(throttle('203.0.113.8'));
    expect(throttle('203.0.113.7')).not.toBe(keyring.keyedHash('other')('203.0.113.7'));
    expect(throttle('203.0.113.7')).not.toBe(
      createKeyring(keyB).keyedHash('login-throttle')('203.0.113.7'),
    );
  });
});

describe('parseMasterKey', () => {
  it('accepts base64 for 32 bytes, with surrounding whitespace', () => {
    expect(parseMasterKey(keyA)).toEqual(Buffer.alloc(32, 1));
    expect(parseMasterKey(`  ${keyA}\n`)).toEqual(Buffer.alloc(32, 1));
  });

  it.each([
    ['empty', ''],
    ['16 bytes', Buffer.alloc(16, 1).toString('base64')],
    ['31 bytes', Buffer.alloc(31, 1).toString('base64')],
    ['33 bytes', Buffer.alloc(33, 1).toString('base64')],
    ['64 bytes', Buffer.alloc(64, 1).toString('base64')],
    ['hex for 32 bytes', Buffer.alloc(32, 1).toString('hex')],
    ['base64 with junk appended', `${keyA}!!`],
    ['base64url instead of base64', Buffer.alloc(32, 0xfb).toString('base64url')],
  ])('rejects %s', (_label, value) => {
    expect(() => parseMasterKey(value)).toThrow(/exactly 32 bytes/);
    expect(() => createKeyring(value)).toThrow(/exactly 32 bytes/);
  });

  it('generates keys it accepts, different each time', () => {
    const a = generateMasterKey();
    expect(parseMasterKey(a)).toHaveLength(32);
    expect(generateMasterKey()).not.toBe(a);
  });
});
