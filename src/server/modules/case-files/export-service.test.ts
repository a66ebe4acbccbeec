import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ctdcGlobalColumns,
  ctdcReleaseQuasiIdentifiers,
} from '../../../core/case-formats/index.js';
import { databaseKinds } from '../../../test-support/test-db.js';
import { type Services } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { untilSomeoneWaitsFor } from '../../../test-support/lock-waits.js';
import { everyPromptExplained } from '../../../shared/case-vocabulary.js';
import { readCsv } from '../../platform/tabular/csv-file.js';
import { lockCase } from '../cases/case-repo.js';
import type { CaseExport } from './export-service.js';
import { createTestOrganisation, createTestServices } from '../../../test-support/test-services.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/cases/${name}`, import.meta.url));
const system = { actor: { kind: 'system' } as const, requestId: null };
const reason = 'Court-ordered transfer of the case file to the prosecutor';

// Columns that say nothing about the person: identifiers, keys, bookkeeping.
const bookkeeping = new Set([
  'id',
  'organisation_id',
  'case_number',
  'import_job_id',
  'source_key',
  'data_key_id',
  'identity_sealed',
  'created_by',
  'created_at',
  'updated_at',
  'version',
]);

describe.each(databaseKinds)('case exports on %s', (kind) => {
  let database: Database;
  let services: Services;
  let dispose: () => Promise<void>;
  const orgs: Record<string, string> = {};
  beforeEach(async () => {
    ({ database, services, dispose } = await createTestServices(kind));
    for (const slug of ['first', 'second']) {
      orgs[slug] = await createTestOrganisation(services, slug);
    }
  });
  afterEach(async () => {
    await dispose();
  });

  const orgId = (slug: string) => orgs[slug] ?? '';
  const analyticRows = async (slug: string) => {
    const rows = await database.db
      .selectFrom('cases')
      .selectAll()
      .where('organisation_id', '=', orgId(slug))
      .execute();
    return rows
      .map((row) =>
        JSON.stringify(Object.entries(row).filter(([column]) => !bookkeeping.has(column))),
      )
      .sort();
  };

  /** Imports the synthetic CTDC fixture into `first`, none of it consented; returns the count. */
  const importSyntheticCases = async () => {
    await services.imports.run(system, {
      organisationId: orgId('first'),
      format: 'ctdc',
      content: fixture('ctdc-synthetic-v2024.csv'),
      dryRun: false,
    });
    return (await database.db.selectFrom('cases').select('id').execute()).length;
  };

  it('CTDC import → export → import preserves every analytic column', async () => {
    const first = await services.imports.run(system, {
      organisationId: orgId('first'),
      format: 'ctdc',
      content: fixture('ctdc-global.csv'),
      dryRun: false,
    });
    expect(first.importedRows).toBeGreaterThan(3);
    const exported = await services.exports.exportCases(system, orgId('first'), 'ctdc', reason);
    expect(exported.exported).toBe(first.importedRows);

    const table = await readCsv(exported.content);
    expect(table.delimiter).toBe(';');
    expect(table.header).toEqual([...ctdcGlobalColumns]);

    const second = await services.imports.run(system, {
      organisationId: orgId('second'),
      format: 'ctdc',
      content: exported.content,
      dryRun: false,
    });
    expect(second).toMatchObject({ importedRows: first.importedRows, rejectedRows: 0 });
    expect(await analyticRows('second')).toEqual(await analyticRows('first'));
  });

  it('HTCDS xlsx export → import keeps identities and analytic facts', async () => {
    await services.imports.run(system, {
      organisationId: orgId('first'),
      format: 'htcds',
      content: fixture('htcds-template.csv'),
      dryRun: false,
    });
    const exported = await services.exports.exportCases(
      system,
      orgId('first'),
      'htcds-xlsx',
      reason,
    );
    const second = await services.imports.run(system, {
      organisationId: orgId('second'),
      format: 'htcds',
      content: exported.content,
      dryRun: false,
    });
    expect(second).toMatchObject({ importedRows: exported.exported, rejectedRows: 0 });
    expect(await analyticRows('second')).toEqual(await analyticRows('first'));
    const names = async (slug: string) =>
      (await services.exports.exportCases(system, orgId(slug), 'htcds-csv', reason)).content
        .toString('utf8')
        .split('\n')
        .slice(2)
        .map((line) => line.split(',').slice(1, 3).join(' '))
        .sort();
    expect(await names('second')).toEqual(await names('first'));
  });

  it('withholds cases without sharing consent unless overridden, and audits the export', async () => {
    const total = await importSyntheticCases();
    const withheld = await services.exports.exportCases(system, orgId('first'), 'ctdc');
    expect(withheld).toMatchObject({ exported: 0, withheld: total });

    const [oneCase] = await database.db.selectFrom('cases').select('id').limit(1).execute();
    if (oneCase === undefined) throw new Error('no case imported');
    await services.consents.record(system, oneCase.id, {
      purpose: 'sharing',
      granted: true,
      givenBy: 'person',
      prompts: everyPromptExplained,
    });
    expect(await services.exports.exportCases(system, orgId('first'), 'ctdc')).toMatchObject({
      exported: 1,
      withheld: total - 1,
    });
    const overridden = await services.exports.exportCases(system, orgId('first'), 'ctdc', reason);
    expect(overridden).toMatchObject({ exported: total, withheld: 0 });
    const overrides = await database.db.selectFrom('consent_overrides').selectAll().execute();
    expect(overrides).toHaveLength(total - 1);
    const exports = await services.audit.query(database.db, { action: 'case.export', limit: 10 });
    expect(exports).toHaveLength(3);
  });

  it('leaves out a case forgotten while the export waited for it, sealing nothing under its shredded key', async () => {
    const total = await importSyntheticCases();
    // The last case the export comes to: with the others' reasons sealed and audited first,
    // an export that took the audit log before this case's lock would deadlock with the forget.
    const [target] = await database.db
      .selectFrom('cases')
      .select(['id', 'data_key_id', 'organisation_id'])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .execute();
    if (target === undefined) throw new Error('no case imported');
    let exporting: Promise<CaseExport> | undefined;
    await database.db.transaction().execute(async (trx) => {
      // What forgetting the person does, held open: the case locked, marked, its key shredded,
      // and, once the export waits, the forget's audit entry.
      await lockCase(trx, database.dialect, target.id);
      await trx
        .updateTable('cases')
        .set({ forgotten_at: new Date().toISOString(), identity_sealed: null })
        .where('id', '=', target.id)
        .execute();
      await services.vault.shred(trx, target.data_key_id);
      exporting = services.exports.exportCases(system, orgId('first'), 'ctdc', reason);
      await untilSomeoneWaitsFor(trx, database);
      await services.audit.record(trx, {
        actor: { type: 'system', id: null },
        action: 'case.forget',
        targetType: 'case',
        targetId: target.id,
        organisationId: target.organisation_id,
        requestId: null,
      });
    });
    if (exporting === undefined) throw new Error('the export did not start');
    const exported = await exporting;
    // PostgreSQL read the case before the forget committed and waited on its lock; SQLite's
    // single writer ran the whole export after it. Either way the case is not in the file,
    // and it is not counted as withheld for want of consent either.
    expect(exported).toMatchObject({ exported: total - 1, withheld: 0 });
    const overrides = await database.db.selectFrom('consent_overrides').select('case_id').execute();
    expect(overrides).toHaveLength(total - 1);
    expect(overrides.map((o) => o.case_id)).not.toContain(target.id);
  });

  it('releases a k-anonymised CTDC file and reports what protecting it cost', async () => {
    const imported = await services.imports.run(system, {
      organisationId: orgId('first'),
      format: 'ctdc',
      content: fixture('ctdc-global.csv'),
      dryRun: false,
    });
    const k = 3;
    const release = await services.exports.exportCases(
      system,
      orgId('first'),
      'ctdc-k-anonymised',
      reason,
      k,
    );
    expect(release.release).not.toBeNull();
    const report = release.release;
    if (report === null) throw new Error('no release report');
    expect(report.protection).toMatchObject({ policy: 'k_anonymity', k });
    expect(release.exported + report.recordsSuppressed).toBe(imported.importedRows);
    expect(report.suppressedRecordShare).toBeCloseTo(
      report.recordsSuppressed / imported.importedRows,
    );
    const table = await readCsv(release.content);
    expect(table.header).toEqual([...ctdcGlobalColumns]);
    expect(table.rows).toHaveLength(release.exported);
    const fields = ctdcReleaseQuasiIdentifiers().map((hierarchy) => hierarchy.field);
    const at = fields.map((field) => table.header.indexOf(field));
    const groups = new Map<string, number>();
    for (const row of table.rows) {
      const key = JSON.stringify(at.map((index) => row.cells[index] ?? ''));
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    for (const size of groups.values()) expect(size).toBeGreaterThanOrEqual(k);
    // The plain CTDC export of the same cases is not k-anonymous at k = 3: the release did work.
    expect(report.generalisedCellShare + report.suppressedCellShare).toBeGreaterThan(0);
    const exports = await services.audit.query(database.db, { action: 'case.export', limit: 10 });
    expect(exports).toHaveLength(1);
  });
});
