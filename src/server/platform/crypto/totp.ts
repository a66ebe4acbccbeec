import { Secret, TOTP } from 'otpauth';

// RFC 6238 defaults that every authenticator app supports: SHA-1, 6 digits, 30-second steps.
const digits = 6;
const period = 30;

/** A new random TOTP secret, base32 (160 bits, as RFC 4226 recommends). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads from a QR code. */
export function totpUri(secretBase32: string, account: string, issuer = 'Vigil'): string {
  return new TOTP({
    issuer,
    label: account,
    secret: Secret.fromBase32(secretBase32),
    digits,
    period,
  }).toString();
}

/**
 * Checks a code at `now` allowing one step of clock drift either way. Returns the time step the
 * code belongs to (so a caller can refuse replays) or null.
 */
export function checkTotp(secretBase32: string, code: string, now: Date): number | null {
  const totp = new TOTP({ secret: Secret.fromBase32(secretBase32), digits, period });
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / period) + delta;
}

/** The code for `now`; used by tests and the demo, never sent anywhere. */
export function generateTotp(secretBase32: string, now: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secretBase32), digits, period }).generate({
    timestamp: now.getTime(),
  });
}
