import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectError, expectExactKeys } from '../../../test-support/api-expect.js';
import { createTestApp, type TestApp } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';

const content = readFileSync(
  new URL('../../../../test/fixtures/cases/ctdc-global.csv', import.meta.url),
).toString('base64');

interface Job {
  id: string;
  status: string;
  importedRows: number;
  rejectedRows: number;
  alreadyImported: boolean;
  rejections: unknown[];
}

describe.each(databaseKinds)('imports API on %s', (kind) => {
  let t: TestApp;
  let ngo: string;
  beforeEach(async () => {
    t = await createTestApp(kind);
    ngo = await t.createOrg('ngo', t.rootOrgId);
  });
  afterEach(async () => {
    await t.close();
  });

  const body = (dryRun: boolean) => ({
    organisationId: ngo,
    format: 'ctdc',
    fileName: 'ctdc-global.csv',
    content,
    dryRun,
  });

  const waitFor = async (session: Parameters<TestApp['call']>[0], id: string): Promise<Job> => {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const job = (await t.call(session, 'GET', `/api/imports/${id}`)).json<Job>();
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('import did not finish');
  };

  it('walks the ladder: 401, 403, 400, 202 then progress to the end, audit', async () => {
    expectError(await t.call(null, 'POST', '/api/imports', body(true)), 401, 'auth.required');
    const worker = await t.userWithRole('caseworker', ngo);
    expectError(await t.call(worker, 'POST', '/api/imports', body(true)), 403, 'access.denied');
    const manager = await t.userWithRole('data_manager', ngo);
    expectError(
      await t.call(manager, 'POST', '/api/imports', { ...body(true), content: '***' }),
      400,
      'validation.failed',
      [['body', 'content']],
    );
    const started = await t.call(manager, 'POST', '/api/imports', body(true));
    expect(started.statusCode, started.body).toBe(202);
    const dry = await waitFor(manager, started.json<Job>().id);
    expect(dry).toMatchObject({ status: 'succeeded', alreadyImported: false });
    expect(dry.rejections.length).toBeGreaterThan(0);
    expectExactKeys(dry, [
      'alreadyImported',
      'createdAt',
      'dryRun',
      'duplicateRows',
      'errorCode',
      'finishedAt',
      'format',
      'id',
      'importedRows',
      'organisationId',
      'processedRows',
      'rejectedRows',
      'rejections',
      'status',
      'totalRows',
    ]);

    const real = await waitFor(
      manager,
      (await t.call(manager, 'POST', '/api/imports', body(false))).json<Job>().id,
    );
    expect(real.importedRows).toBe(dry.importedRows);
    const again = await t.call(manager, 'POST', '/api/imports', body(false));
    expect(again.statusCode).toBe(200);
    expect(again.json<Job>()).toMatchObject({ alreadyImported: true, id: real.id });
    expect(await t.auditActions('case.import')).toHaveLength(1);
    expect(await t.auditActions('case.import_check')).toHaveLength(1);

    // Another organisation's data manager cannot see the job.
    const other = await t.createOrg('other', t.rootOrgId);
    const stranger = await t.userWithRole('data_manager', other);
    expectError(await t.call(stranger, 'GET', `/api/imports/${real.id}`), 404, 'import.not_found');
  });

  it('keeps no identifying cell in a report: withheld from every reader, other cells shown', async () => {
    const csv = [
      'prs_FirstName,prs_MobilePhone,prs_Gender,vic_TraffickingStatus,vigil_Perpetrators',
      'Amina,0812 345,Feminine,PossibleVictimOfTrafficking,',
      'Jean,+243812345678,Martian,PossibleVictimOfTrafficking,',
      // A withheld cell whose error message would quote from it (zod names unknown keys).
      'Olena,,Feminine,PossibleVictimOfTrafficking,"[{""KOVALENKO"":1}]"',
    ].join('\n');
    const role = await t.call(t.admin, 'POST', '/api/roles', {
      name: 'intake',
      verbs: ['org.read', 'case.create', 'case.import'],
    });
    expect(role.statusCode, role.body).toBe(201);
    const intake = await t.userWithRole('intake', ngo);
    const manager = await t.userWithRole('data_manager', ngo);
    const started = await t.call(intake, 'POST', '/api/imports', {
      organisationId: ngo,
      format: 'htcds',
      fileName: 'intake.csv',
      content: Buffer.from(csv).toString('base64'),
      dryRun: true,
    });
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json<Job>().id;
    const blind = await waitFor(intake, id);
    expect(blind.rejections).toEqual([
      expect.objectContaining({ row: 2, column: 'prs_MobilePhone', value: null, withheld: true }),
      expect.objectContaining({ row: 3, column: 'prs_Gender', value: 'Martian', withheld: false }),
      expect.objectContaining({
        row: 4,
        column: 'vigil_Perpetrators',
        value: null,
        withheld: true,
        reason: 'invalid_field',
      }),
    ]);
    expect(JSON.stringify(blind)).not.toContain('0812');
    expect(JSON.stringify(blind)).not.toContain('KOVALENKO');

    // Nor for a reader who may see identities: the report never kept the cell.
    const seen = await waitFor(manager, id);
    expect(seen.rejections).toEqual(blind.rejections);
    expect(JSON.stringify(seen)).not.toContain('0812');
    const reads = await t.auditActions('case.import_report_read');
    expect(reads.filter((read) => read.targetId === id).map((read) => read.actorId)).toEqual(
      expect.arrayContaining([intake.userId, manager.userId]),
    );
  });
});
