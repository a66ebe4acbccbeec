import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the package exports it as an ambient const enum, which isolated modules
// cannot read, so the value is written out.
const argon2id = 2;

// OWASP Password Storage Cheat Sheet: argon2id with 19 MiB of memory, 2 iterations, 1 lane.
const options = {
  algorithm: argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Hashes a password with argon2id; the PHC string carries salt and parameters. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** Verifies a password against a PHC string; false (never a throw) on any mismatch. */
export async function verifyPassword(phc: string, password: string): Promise<boolean> {
  try {
    return await verify(phc, password);
  } catch {
    return false;
  }
}

// A real hash of a random password, verified against when the account does not exist, so
// that the response time does not reveal which emails have accounts.
let decoy: Promise<string> | undefined;
/** Spends the same time as a real verification, for unknown accounts. */
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hash('decoy-password-never-valid', options);
  await verifyPassword(await decoy, password);
  return false;
}
