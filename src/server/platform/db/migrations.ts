import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from './dialect.js';
import * as platform from './migrations/20261127-01-platform.js';
import * as auditAppendOnly from './migrations/20261127-02-audit-append-only.js';
import * as cases from './migrations/20261128-01-cases.js';
import * as caseNumberCounters from './migrations/20261128-02-case-number-counters.js';
import * as caseCube from './migrations/20261128-04-case-cube.js';
import * as glotipReturns from './migrations/20261128-03-glotip-returns.js';
import * as populations from './migrations/20261128-05-populations.js';
import * as cubeChangeWeights from './migrations/20261206-01-cube-change-weights.js';
import * as referralSubmissionKeys from './migrations/20261207-01-referral-submission-keys.js';
import * as consentScreeningSubmissionKeys from './migrations/20261207-02-consent-screening-submission-keys.js';
import * as providerSubmissionKeys from './migrations/20261207-03-provider-submission-keys.js';
import * as submissions from './migrations/20261207-04-submissions.js';
import * as importReportWithheld from './migrations/20261207-05-import-report-withheld.js';
import * as importHeartbeat from './migrations/20261207-06-import-heartbeat.js';

interface MigrationModule {
  up: (db: Kysely<unknown>, dialect: Dialect) => Promise<void>;
}

// Listed statically (not read from a folder) so the set of migrations is fixed at build time
// and the same in the compiled server and under test. Names sort in the order they run.
const migrations: Record<string, MigrationModule> = {
  '20261127-01-platform': platform,
  '20261127-02-audit-append-only': auditAppendOnly,
  '20261128-01-cases': cases,
  '20261128-02-case-number-counters': caseNumberCounters,
  '20261128-04-case-cube': caseCube,
  '20261128-03-glotip-returns': glotipReturns,
  '20261128-05-populations': populations,
  '20261206-01-cube-change-weights': cubeChangeWeights,
  '20261207-01-referral-submission-keys': referralSubmissionKeys,
  '20261207-02-consent-screening-submission-keys': consentScreeningSubmissionKeys,
  '20261207-03-provider-submission-keys': providerSubmissionKeys,
  '20261207-04-submissions': submissions,
  '20261207-05-import-report-withheld': importReportWithheld,
  '20261207-06-import-heartbeat': importHeartbeat,
};

/** Every migration's name, in the order they run. */
export const migrationNames: readonly string[] = Object.keys(migrations).sort();

function createProvider(dialect: Dialect): MigrationProvider {
  return {
    getMigrations() {
      const entries = Object.entries(migrations).map(([name, module]): [string, Migration] => [
        name,
        { up: (db) => module.up(db, dialect) },
      ]);
      return Promise.resolve(Object.fromEntries(entries));
    },
  };
}

/** Result of bringing the schema up to date. */
export interface MigrationOutcome {
  applied: string[];
}

/** Runs every pending migration, forward only; throws with the failing migration's name. */
export async function migrateToLatest(
  db: Kysely<unknown>,
  dialect: Dialect,
): Promise<MigrationOutcome> {
  const migrator = new Migrator({ db, provider: createProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error !== undefined) {
    const name = failed?.migrationName ?? 'unknown';
    throw new Error(`Migration ${name} failed`, { cause: error });
  }
  return {
    applied: (results ?? [])
      .filter((result) => result.status === 'Success')
      .map((result) => result.migrationName),
  };
}

/**
 * Runs the pending migrations up to and including `name`, forward only (to build a database as
 * an older release left it, and test the upgrade from there).
 */
export async function migrateUpTo(
  db: Kysely<unknown>,
  dialect: Dialect,
  name: string,
): Promise<MigrationOutcome> {
  if (!migrationNames.includes(name)) throw new Error(`No migration is named ${name}`);
  const migrator = new Migrator({ db, provider: createProvider(dialect) });
  const { error, results } = await migrator.migrateTo(name);
  if (error !== undefined) throw new Error(`Migrating up to ${name} failed`, { cause: error });
  return {
    applied: (results ?? [])
      .filter((result) => result.status === 'Success')
      .map((result) => result.migrationName),
  };
}
