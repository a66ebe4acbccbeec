import { beforeEach, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test-support/test-db.js';
import { type Services } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { caseFixture as fixture, importServiceWith } from '../../../test-support/import-harness.js';
import { fieldContext } from '../vault/index.js';
import type { ImportService } from './import-service.js';
import { servicesWorld } from '../../../test-support/test-services.js';
const system = { actor: { kind: 'system' } as const, requestId: null };

describe.each(databaseKinds)('case imports on %s', (kind) => {
  const world = servicesWorld(kind);
  let database: Database;
  let services: Services;
  let orgId: string;
  beforeEach(() => {
    ({ database, services, orgId } = world);
  });

  const caseNumbers = async () =>
    (
      await database.db.selectFrom('cases').select('case_number').orderBy('case_number').execute()
    ).map((row) => row.case_number);
  const countCases = async () =>
    (await database.db.selectFrom('cases').select('id').execute()).length;
  const importFile = (
    service: ImportService,
    name: string,
    dryRun: boolean,
    format?: 'ctdc' | 'htcds',
  ) => service.run(system, { organisationId: orgId, format, content: fixture(name), dryRun });

  it('the stored report keeps no identifying cell; the run itself reports every cell as written', async () => {
    const csv = [
      'prs_FirstName,prs_MobilePhone,prs_Gender,vic_TraffickingStatus',
      'Amina,0812 345,Feminine,PossibleVictimOfTrafficking',
      'Jean,+243812345678,Martian,PossibleVictimOfTrafficking',
    ].join('\n');
    const request = { organisationId: orgId, format: 'htcds' as const, dryRun: true };
    const ran = await services.imports.run(system, { ...request, content: Buffer.from(csv) });
    // The caller holding the file (the command line) sees what it holds.
    expect(ran.rejections).toEqual([
      expect.objectContaining({ row: 2, column: 'prs_MobilePhone', value: '0812 345' }),
      expect.objectContaining({ row: 3, column: 'prs_Gender', value: 'Martian' }),
    ]);
    // What is stored, opened with the job's key, has the phone number withheld.
    const job = await database.db
      .selectFrom('import_jobs')
      .select(['report_sealed', 'data_key_id'])
      .where('id', '=', ran.id)
      .executeTakeFirstOrThrow();
    const cipher = await services.vault.cipherFor(database.db, job.data_key_id ?? '');
    const stored = cipher.open(
      job.report_sealed ?? '',
      fieldContext('import_job', ran.id, 'report'),
    );
    expect(stored).not.toContain('0812');
    expect(JSON.parse(stored)).toEqual([
      expect.objectContaining({ column: 'prs_MobilePhone', value: null, withheld: true }),
      expect.objectContaining({ column: 'prs_Gender', value: 'Martian', withheld: false }),
    ]);
    const read = await services.imports.get(system, ran.id);
    expect(read.rejections[0]).toMatchObject({ value: null, withheld: true });
  });

  it.each([
    ['ctdc-global.csv', 'ctdc', 'ctdc-global'],
    ['ctdc-synthetic-v2024.csv', 'ctdc', 'ctdc-synthetic'],
    ['ctdc-synthetic-v2025.csv', 'ctdc', 'ctdc-synthetic'],
    ['htcds-template.csv', 'htcds', 'htcds'],
    ['htcds-template.xlsx', 'htcds', 'htcds'],
  ] as const)(
    '%s: a dry run writes nothing and reports; the real run imports the valid rows',
    async (name, format, detected) => {
      const dry = await importFile(services.imports, name, true, format);
      expect(dry.status).toBe('succeeded');
      expect(dry.format).toBe(detected);
      expect(dry.totalRows).toBe(dry.importedRows + dry.rejectedRows);
      expect(dry.importedRows).toBeGreaterThan(0);
      expect(await countCases()).toBe(0);

      const real = await importFile(services.imports, name, false, format);
      expect(real).toMatchObject({
        status: 'succeeded',
        importedRows: dry.importedRows,
        rejectedRows: dry.rejectedRows,
      });
      expect(await countCases()).toBe(dry.importedRows);

      // The identical file again is detected and changes nothing.
      const again = await importFile(services.imports, name, false, format);
      expect(again.alreadyImported).toBe(true);
      expect(again.id).toBe(real.id);
      expect(await countCases()).toBe(dry.importedRows);
    },
  );

  it('reports each bad row with its row number, column, value and reason', async () => {
    const job = await importFile(services.imports, 'ctdc-global.csv', true, 'ctdc');
    expect(job.rejectedRows).toBeGreaterThan(0);
    for (const rejection of job.rejections) {
      expect(rejection.row).toBeGreaterThan(1);
      expect(rejection.column).not.toBeNull();
      expect(rejection.reason).toMatch(/^[a-z_]+$/);
      expect(rejection.message.length).toBeGreaterThan(5);
    }
    // The rejection report is sealed at rest: cell values never sit in plain columns.
    const row = await database.db
      .selectFrom('import_jobs')
      .selectAll()
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(row.report_sealed).not.toBeNull();
    for (const rejection of job.rejections) {
      if (rejection.value !== null && rejection.value.length > 3)
        expect(row.report_sealed).not.toContain(rejection.value);
    }
  });

  it('a file whose rows were imported before, with one row more, adds only the new row', async () => {
    const text = fixture('ctdc-synthetic-v2024.csv').toString('utf8').trimEnd();
    const lines = text.split('\n');
    const shorter = lines.slice(0, -1).join('\n');
    const first = await services.imports.run(system, {
      organisationId: orgId,
      format: 'ctdc',
      content: Buffer.from(shorter),
      dryRun: false,
    });
    const full = await services.imports.run(system, {
      organisationId: orgId,
      format: 'ctdc',
      content: Buffer.from(text),
      dryRun: false,
    });
    expect(full.alreadyImported).toBe(false);
    expect(full.duplicateRows).toBe(first.importedRows);
    expect(await countCases()).toBe(first.importedRows + full.importedRows);
    expect(full.importedRows).toBeLessThanOrEqual(1);
  });

  it('skips numbered rows imported before as duplicates, not as case-number clashes', async () => {
    const header =
      'vigil_CaseNumber,prs_FirstName,prs_Gender,vic_TraffickingStatus,cas_IncomingReferralDate';
    const rows = [
      'N-1,Amina,Feminine,ActualVictimOfTrafficking,2022-03-01',
      'N-2,Jean,Masculine,PossibleVictimOfTrafficking,2021-11-20',
      'N-3,Olena,Feminine,PossibleVictimOfTrafficking,2023-01-15',
    ];
    const run = (lines: readonly string[]) =>
      services.imports.run(system, {
        organisationId: orgId,
        format: 'htcds',
        content: Buffer.from([header, ...lines].join('\n')),
        dryRun: false,
      });
    const first = await run(rows.slice(0, 2));
    expect(first).toMatchObject({ status: 'succeeded', importedRows: 2, rejectedRows: 0 });
    const again = await run(rows);
    expect(again).toMatchObject({
      status: 'succeeded',
      totalRows: 3,
      duplicateRows: 2,
      importedRows: 1,
      rejectedRows: 0,
      processedRows: 3,
    });
    expect(await countCases()).toBe(3);
  });

  it('numbers unnumbered rows past the numbers later batches bring; a dry run agrees', async () => {
    const csv = [
      'vigil_CaseNumber,prs_Gender,vic_TraffickingStatus,cas_IncomingReferralDate',
      ',Masculine,PossibleVictimOfTrafficking,2022-05-01',
      ',Feminine,PossibleVictimOfTrafficking,2022-07-01',
      '2022-00001,Feminine,ActualVictimOfTrafficking,2022-03-01',
      '2022-00002,Feminine,PossibleVictimOfTrafficking,2022-06-01',
    ].join('\n');
    const inBatchesOfTwo = importServiceWith(services, database, { batchSize: 2 });
    const request = { organisationId: orgId, format: 'htcds' as const, content: Buffer.from(csv) };
    const dry = await inBatchesOfTwo.run(system, { ...request, dryRun: true });
    const real = await inBatchesOfTwo.run(system, { ...request, dryRun: false });
    for (const job of [dry, real]) {
      expect(job).toMatchObject({ status: 'succeeded', importedRows: 4, rejectedRows: 0 });
    }
    expect(await caseNumbers()).toEqual(['2022-00001', '2022-00002', '2022-00003', '2022-00004']);
  });

  it('refuses as a clash a number a case was given after the batch was cut', async () => {
    const header = 'vigil_CaseNumber,prs_Gender,vic_TraffickingStatus,cas_IncomingReferralDate';
    const content = (lines: readonly string[]) => Buffer.from([header, ...lines].join('\n'));
    const request = { organisationId: orgId, format: 'htcds' as const, dryRun: false };
    const importing = importServiceWith(services, database, {
      batchSize: 1,
      beforeBatch: async (batch) => {
        // Someone else records a case numbered N-2 while the first batch is written.
        if (batch !== 1) return;
        const other = await services.imports.run(system, {
          ...request,
          content: content(['N-2,Masculine,PossibleVictimOfTrafficking,2021-01-01']),
        });
        expect(other.importedRows).toBe(1);
      },
    });
    const job = await importing.run(system, {
      ...request,
      content: content([
        'N-1,Feminine,ActualVictimOfTrafficking,2022-03-01',
        'N-2,Feminine,PossibleVictimOfTrafficking,2022-04-01',
      ]),
    });
    expect(job).toMatchObject({ status: 'succeeded', importedRows: 1, rejectedRows: 1 });
    expect(job.rejections).toEqual([
      expect.objectContaining({ row: 3, reason: 'case_number_taken', value: 'N-2' }),
    ]);
    expect(await countCases()).toBe(2);
  });

  it('numbers the rows without a number past those the same batch brings', async () => {
    const header = 'vigil_CaseNumber,prs_Gender,vic_TraffickingStatus,cas_IncomingReferralDate';
    const csv = [
      header,
      '2022-00001,Feminine,ActualVictimOfTrafficking,2022-03-01',
      ',Masculine,PossibleVictimOfTrafficking,2022-05-01',
      '2022-00002,Feminine,PossibleVictimOfTrafficking,2022-06-01',
      ',Feminine,PossibleVictimOfTrafficking,2022-07-01',
    ].join('\n');
    const job = await services.imports.run(system, {
      organisationId: orgId,
      format: 'htcds',
      content: Buffer.from(csv),
      dryRun: false,
    });
    expect(job).toMatchObject({ status: 'succeeded', importedRows: 4, rejectedRows: 0 });
    expect(await caseNumbers()).toEqual(['2022-00001', '2022-00002', '2022-00003', '2022-00004']);
  });

  it('refuses a file in the wrong format and an unreadable one, naming the problem', async () => {
    const wrong = await importFile(services.imports, 'ctdc-global.csv', true, 'htcds');
    expect(wrong).toMatchObject({ status: 'failed', errorCode: 'import.unknown_format' });
    const garbage = await services.imports.run(system, {
      organisationId: orgId,
      format: undefined,
      content: Buffer.from('just;some\nwords;here\n'),
      dryRun: true,
    });
    expect(garbage).toMatchObject({ status: 'failed', errorCode: 'import.unknown_format' });
  });

  it('a crash injected mid-import leaves no case of the batch behind', async () => {
    const failing = importServiceWith(services, database, {
      batchSize: 1000,
      afterBatchWrite: () => {
        throw new Error('power cut');
      },
    });
    const keysBefore = (await database.db.selectFrom('data_keys').select('id').execute()).length;
    await expect(importFile(failing, 'ctdc-global.csv', false, 'ctdc')).rejects.toThrow(
      'power cut',
    );
    expect(await countCases()).toBe(0);
    expect(await database.db.selectFrom('case_events').select('id').execute()).toHaveLength(0);
    // Only the job's own report key was added; every case key rolled back with its batch.
    expect((await database.db.selectFrom('data_keys').select('id').execute()).length).toBe(
      keysBefore + 1,
    );
    const job = await database.db.selectFrom('import_jobs').selectAll().executeTakeFirstOrThrow();
    expect(job.status).toBe('failed');
    // After the failure, the same file imports in full.
    const retry = await importFile(services.imports, 'ctdc-global.csv', false, 'ctdc');
    expect(retry.status).toBe('succeeded');
    expect(await countCases()).toBe(retry.importedRows);
    // The failed job had read the whole file: it says how many rows it held (the progress bar
    // of a running import needs the total as soon as the file is read, not at the end).
    expect(retry.totalRows).toBeGreaterThan(1);
    expect(job.total_rows).toBe(retry.totalRows);
  });

  it('needs case.import in the organisation', async () => {
    await services.roles.syncBuiltIns(database.db);
    const worker = {
      actor: {
        kind: 'user' as const,
        userId: '00000000-0000-4000-8000-000000000001',
        sessionId: 's',
        isSystemAdmin: false,
        enrolmentOnly: false,
        grants: [{ organisationId: orgId, verbs: ['case.read', 'case.create'] as const }],
      },
      requestId: null,
    };
    await expect(
      services.imports.run(worker, {
        organisationId: orgId,
        format: 'ctdc',
        content: fixture('ctdc-global.csv'),
        dryRun: true,
      }),
    ).rejects.toMatchObject({ code: 'access.denied' });
  });
});
