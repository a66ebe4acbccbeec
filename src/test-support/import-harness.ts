import { readFileSync } from 'node:fs';
import type { Services } from '../server/app.js';
import { createImportService, type ImportTuning } from '../server/modules/case-files/index.js';
import type { Database } from '../server/platform/db/database.js';

/** A case file from test/fixtures/cases. */
export const caseFixture = (name: string): Buffer =>
  readFileSync(new URL(`../../test/fixtures/cases/${name}`, import.meta.url));

/** An import service over the same services as `services.imports`, with its own tuning. */
export function importServiceWith(
  services: Services,
  database: Database,
  tuning: Partial<ImportTuning>,
) {
  return createImportService({
    database,
    audit: services.audit,
    vault: services.vault,
    cases: services.cases,
    organisationPath: async (db, id) => (await services.organisations.load(db, id)).path,
    rowKey: services.keyring.keyedHash('case-import-row'),
    now: services.now,
    tuning,
  });
}
