import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  maximumPasswordLength,
  minimumPasswordLength,
  type PasswordProblem,
} from './password-policy.js';

const email = 'amira.haddad@example.org';

describe('password policy', () => {
  it.each<[string, string, string, PasswordProblem | null]>([
    ['empty', '', email, 'password.too_short'],
    ['one below the minimum', 'x7#Qv!rT2mZ', email, 'password.too_short'],
    ['short even when random', 'Zq8!wL#4', email, 'password.too_short'],
    ['too long', 'a'.repeat(maximumPasswordLength + 1), email, 'password.too_long'],
    ['a common password padded to length', 'password1234', email, 'password.too_common'],
    ['a keyboard walk', 'qwertyuiop123', email, 'password.too_common'],
    ['a repeated character', 'aaaaaaaaaaaaaaaa', email, 'password.too_common'],
    ['a common word in l33t speak', 'P@ssw0rd12345', email, 'password.too_common'],
    ['the email local part', 'amira.haddad-2026!', email, 'password.contains_email'],
    ['the local part in other case', 'xx-AMIRA.HADDAD-yy', email, 'password.contains_email'],
    ['a strong passphrase', 'Correct-Horse-Battery-7781', email, null],
    ['another passphrase', 'violet lantern orbits the crumbling pier', email, null],
  ])('%s', (_label, password, address, expected) => {
    expect(checkPassword(password, address)).toBe(expected);
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    // Eleven astral-plane characters are 22 UTF-16 units but still too short.
    const eleven = '🦉🌵🚲🧭🪁🎻🛶🍉🧩🪴🦔';
    expect(Array.from(eleven)).toHaveLength(minimumPasswordLength - 1);
    expect(checkPassword(eleven, email)).toBe('password.too_short');
    expect(checkPassword(`${eleven}🐙`, email)).not.toBe('password.too_short');
  });

  it('accepts exactly the maximum length and refuses one more', () => {
    const base = 'Correct-Horse-Battery-7781 ';
    const longest = base.repeat(20).slice(0, maximumPasswordLength);
    expect(checkPassword(longest, email)).toBeNull();
    expect(checkPassword(`${longest}!`, email)).toBe('password.too_long');
  });

  it('ignores a local part shorter than four characters', () => {
    // "bob" inside a strong passphrase is a coincidence, not the address.
    expect(checkPassword('Correct-bob-Horse-Battery-7781', 'bob@example.org')).toBeNull();
  });

  it('treats the email address as a dictionary word for the strength estimate', () => {
    // The local part is too short for the contains-email rule, yet the address with a little
    // decoration is predictable; without the user inputs zxcvbn would rate it strong.
    expect(checkPassword('ops@example.org!!', 'ops@example.org')).toBe('password.too_common');
    expect(checkPassword('ops@example.org!!', 'someone.else@example.net')).toBeNull();
  });
});
