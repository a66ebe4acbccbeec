import { randomFromAlphabet } from './platform/crypto/index.js';
import type { Config } from './platform/config.js';
import type { Services } from './app.js';
import { takeNamedLock } from './platform/db/named-lock.js';
import { countUsers } from './modules/users/index.js';
import { addDemoContent } from './demo-content.js';

/** What the first start did, so the caller can tell the operator once. */
export interface FirstStartOutcome {
  created: boolean;
  adminEmail?: string;
  /** Set only when Vigil chose the password; print it once, never log it. */
  generatedPassword?: string;
  /** How many synthetic demo cases were added (0 with VIGIL_DEMO=off). */
  demoCases?: number;
}

/** A random password that passes the policy: 4 groups of 5 from a 31-symbol alphabet. */
function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length: 4 }, () => randomFromAlphabet(alphabet, 5)).join('-');
}

/**
 * On an empty database, creates the "Demo" organisation and a system administrator from
 * VIGIL_ADMIN_EMAIL / VIGIL_ADMIN_PASSWORD, or admin@example.org with a generated password.
 * Runs in one transaction with its audit entries; then, unless VIGIL_DEMO=off, adds the
 * synthetic demo content (its own transactions: a failure there leaves a working install).
 */
export async function ensureFirstStart(
  services: Services,
  config: Config,
): Promise<FirstStartOutcome> {
  const db = services.database.db;
  if ((await countUsers(db)) > 0) return { created: false };
  const email = config.admin.email?.toLowerCase() ?? 'admin@example.org';
  const generated = config.admin.password === null ? generatePassword() : undefined;
  const password = config.admin.password ?? generated ?? '';
  const ctx = { actor: { kind: 'system' } as const, requestId: null };
  const demoId = await db.transaction().execute(async (trx) => {
    // Two instances starting together on one empty database: the second waits here, then
    // finds the administrator the first made and leaves it at that.
    await takeNamedLock(trx, services.database.dialect, 'firstStart');
    if ((await countUsers(trx)) > 0) return null;
    const existing = await services.organisations.findBySlug(trx, 'demo');
    const demo =
      existing ??
      (await services.organisations.createIn(trx, ctx, {
        name: 'Demo',
        slug: 'demo',
        type: 'other',
        country: null,
        parentId: null,
        requireTwoFactor: false,
      }));
    await services.users.createUnchecked(trx, ctx, {
      email,
      displayName: 'Administrator',
      language: 'en',
      password,
      organisationId: demo.id,
      role: 'admin',
      isSystemAdmin: true,
    });
    return demo.id;
  });
  if (demoId === null) return { created: false };
  const demoCases = config.demo ? await addDemoContent(services, demoId) : 0;
  return generated === undefined
    ? { created: true, adminEmail: email, demoCases }
    : { created: true, adminEmail: email, generatedPassword: generated, demoCases };
}
