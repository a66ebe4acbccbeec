import { beforeEach, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test-support/test-db.js';
import { type Services } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { fieldContext } from '../vault/index.js';
import { reportAllowListVersion } from '../../../core/case-formats/index.js';
import { withholdOlderReports } from './report-upgrade.js';
import { servicesWorld } from '../../../test-support/test-services.js';

const system = { actor: { kind: 'system' } as const, requestId: null };
const csv = [
  'prs_FirstName,prs_MobilePhone,prs_Gender,vic_TraffickingStatus',
  'Amina,0812 345,Feminine,PossibleVictimOfTrafficking',
  'Jean,+243812345678,Martian,PossibleVictimOfTrafficking',
].join('\n');
// What reports held before they stopped keeping identifying cells: each cell as written.
const olderReport = [
  {
    row: 2,
    column: 'prs_MobilePhone',
    value: '0812 345',
    withheld: false,
    reason: 'invalid_phone',
    message: 'Not a phone number',
  },
  {
    row: 3,
    column: 'prs_Gender',
    value: 'Martian',
    withheld: false,
    reason: 'unknown_code',
    message: 'Not a gender code',
  },
  // Shown by the first allow-list (version 1), withheld since.
  {
    row: 3,
    column: 'vigil_CaseNumber',
    value: 'KIV-2024-0042',
    withheld: false,
    reason: 'case_number_taken',
    message: 'Already used',
  },
];

describe.each(databaseKinds)('older import reports on %s', (kind) => {
  const world = servicesWorld(kind);
  let database: Database;
  let services: Services;
  let orgId: string;
  beforeEach(() => {
    ({ database, services, orgId } = world);
  });

  /** A job whose stored report is as an older release wrote it, under allow-list `version`. */
  const jobWithOlderReport = async (version = 0) => {
    const job = await services.imports.run(system, {
      organisationId: orgId,
      format: 'htcds',
      content: Buffer.from(csv),
      dryRun: true,
    });
    const row = await database.db
      .selectFrom('import_jobs')
      .select('data_key_id')
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    const dataKeyId = row.data_key_id ?? '';
    const cipher = await services.vault.cipherFor(database.db, dataKeyId);
    const sealed = cipher.seal(
      JSON.stringify(olderReport),
      fieldContext('import_job', job.id, 'report'),
    );
    await database.db
      .updateTable('import_jobs')
      .set({ report_sealed: sealed, report_withheld: version })
      .where('id', '=', job.id)
      .execute();
    return { id: job.id, dataKeyId };
  };
  const storedJob = (id: string) =>
    database.db
      .selectFrom('import_jobs')
      .select(['report_sealed', 'report_withheld'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const upgrade = () =>
    withholdOlderReports({ database, vault: services.vault, audit: services.audit });

  it('marks every new report as keeping no identifying cell, so none is rewritten', async () => {
    await services.imports.run(system, {
      organisationId: orgId,
      format: 'htcds',
      content: Buffer.from(csv),
      dryRun: true,
    });
    expect(await upgrade()).toEqual({ rewritten: 0, failed: [] });
  });

  it.each([0, 1])(
    'rewrites a report withheld under allow-list %s without what the current one withholds, once, audited',
    async (version) => {
      const older = await jobWithOlderReport(version);
      expect(await upgrade()).toEqual({ rewritten: 1, failed: [] });

      const stored = await storedJob(older.id);
      expect(stored.report_withheld).toBe(reportAllowListVersion);
      const cipher = await services.vault.cipherFor(database.db, older.dataKeyId);
      const opened = cipher.open(
        stored.report_sealed ?? '',
        fieldContext('import_job', older.id, 'report'),
      );
      expect(opened).not.toContain('0812');
      expect(opened).not.toContain('KIV-2024');
      expect(JSON.parse(opened)).toEqual([
        expect.objectContaining({ column: 'prs_MobilePhone', value: null, withheld: true }),
        expect.objectContaining({ column: 'prs_Gender', value: 'Martian', withheld: false }),
        expect.objectContaining({ column: 'vigil_CaseNumber', value: null, withheld: true }),
      ]);
      const audited = await services.audit.query(database.db, {
        action: 'case.import_report_withheld',
        limit: 10,
      });
      expect(audited).toEqual([expect.objectContaining({ targetId: older.id })]);
      expect(await upgrade()).toEqual({ rewritten: 0, failed: [] });
    },
  );

  it('leaves a report that does not open as it is, names it, and rewrites the others', async () => {
    const damaged = await jobWithOlderReport();
    await database.db
      .updateTable('import_jobs')
      .set({ report_sealed: 'not a sealed value' })
      .where('id', '=', damaged.id)
      .execute();
    const sound = await jobWithOlderReport();
    const outcome = await upgrade();
    expect(outcome.rewritten).toBe(1);
    expect(outcome.failed).toEqual([{ jobId: damaged.id, reason: 'crypto.decrypt_failed' }]);
    expect(await storedJob(damaged.id)).toEqual({
      report_sealed: 'not a sealed value',
      report_withheld: 0,
    });
    expect((await storedJob(sound.id)).report_withheld).toBe(reportAllowListVersion);
  });

  it('drops an older report whose key was destroyed: nobody can read it', async () => {
    const older = await jobWithOlderReport();
    await database.db.transaction().execute((trx) => services.vault.shred(trx, older.dataKeyId));
    expect(await upgrade()).toEqual({ rewritten: 1, failed: [] });
    expect(await storedJob(older.id)).toEqual({
      report_sealed: null,
      report_withheld: reportAllowListVersion,
    });
  });
});
