import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseKinds } from '../../../test-support/test-db.js';
import { type Services } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { caseFixture as fixture, importServiceWith } from '../../../test-support/import-harness.js';
import type { ImportTuning } from './import-model.js';
import { createTestServices } from '../../../test-support/test-services.js';

// Large imports parse and seal their batches in worker threads while the service's thread
// writes; small ones do it all in that thread. Both must store exactly the same cases.

const system = { actor: { kind: 'system' } as const, requestId: null };

describe.each(databaseKinds)('case imports in worker threads on %s', (kind) => {
  let database: Database;
  let services: Services;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ database, services, dispose } = await createTestServices(kind));
  });
  afterEach(async () => {
    await dispose();
  });

  const newOrganisation = async (slug: string) =>
    (
      await services.organisations.create(system, {
        name: slug,
        slug,
        type: 'ngo',
        country: null,
        parentId: null,
        requireTwoFactor: false,
      })
    ).id;

  const importer = (tuning: Partial<ImportTuning>) => importServiceWith(services, database, tuning);

  /** An organisation's cases as a reader sees them, without what differs by design. */
  const casesOf = async (organisationId: string) => {
    const rows = await database.db
      .selectFrom('cases')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('case_number')
      .execute();
    return Promise.all(
      rows.map(async (row) => {
        const opened = await services.cases.get(system, row.id);
        const events = opened.events.map((event) => ({ ...event }));
        // What differs by design between two imports: ids, keys, organisation, job, times.
        const differing = new Set([
          'id',
          'organisation_id',
          'data_key_id',
          'identity_sealed',
          'import_job_id',
          'source_key',
          'created_at',
          'updated_at',
        ]);
        const facts = Object.fromEntries(
          Object.entries(row).filter(([column]) => !differing.has(column)),
        );
        const sealed = row.identity_sealed;
        return { facts, sealed: sealed !== null, identity: opened.identity, events };
      }),
    );
  };

  it.each([
    ['ctdc-global.csv', 'ctdc'],
    ['htcds-template.csv', 'htcds'],
  ] as const)('%s: workers store the same cases as one thread', async (name, format) => {
    const inThread = await newOrganisation('in-thread');
    const inWorkers = await newOrganisation('in-workers');
    const local = await importer({ workers: 0, batchSize: 2 }).run(system, {
      organisationId: inThread,
      format,
      content: fixture(name),
      dryRun: false,
    });
    const threaded = await importer({ workers: 2, workerMinRows: 0, batchSize: 2 }).run(system, {
      organisationId: inWorkers,
      format,
      content: fixture(name),
      dryRun: false,
    });
    expect(threaded).toMatchObject({
      status: 'succeeded',
      importedRows: local.importedRows,
      rejectedRows: local.rejectedRows,
      duplicateRows: 0,
    });
    expect(threaded.importedRows).toBeGreaterThan(1);
    expect(threaded.rejections).toEqual(local.rejections);
    const stored = await casesOf(inWorkers);
    expect(stored).toHaveLength(local.importedRows);
    expect(stored).toEqual(await casesOf(inThread));
    // Every case has its own key, stored in the batch's transaction.
    const keys = await database.db
      .selectFrom('cases')
      .innerJoin('data_keys', 'data_keys.id', 'cases.data_key_id')
      .select('data_keys.id')
      .where('cases.organisation_id', '=', inWorkers)
      .execute();
    expect(new Set(keys.map((key) => key.id)).size).toBe(local.importedRows);
  });

  it('a file big enough for workers whose rows turn out fewer imports in this thread', async () => {
    // 20 rows × 32 bytes is less than the file's size, so workers start before it is read; it
    // holds fewer than 20 rows, so they are closed unused and the rows are prepared here.
    const organisationId = await newOrganisation('field');
    const content = fixture('ctdc-global.csv');
    expect(content.length).toBeGreaterThan(20 * 32);
    const job = await importer({ workers: 1, workerMinRows: 20 }).run(system, {
      organisationId,
      format: 'ctdc',
      content,
      dryRun: false,
    });
    expect(job.status).toBe('succeeded');
    expect(job.totalRows).toBeLessThan(20);
    expect(await database.db.selectFrom('cases').select('id').execute()).toHaveLength(
      job.importedRows,
    );
  });

  it('a crash mid-import with workers keeps whole batches only, and a re-run completes', async () => {
    const organisationId = await newOrganisation('field');
    const request = {
      organisationId,
      format: 'ctdc' as const,
      content: fixture('ctdc-global.csv'),
      dryRun: false,
    };
    const failing = importer({
      workers: 1,
      workerMinRows: 0,
      batchSize: 3,
      afterBatchWrite: (batch) => {
        if (batch === 1) throw new Error('power cut');
      },
    });
    await expect(failing.run(system, request)).rejects.toThrow('power cut');
    const afterCrash = await database.db.selectFrom('cases').select('id').execute();
    // The first batch's valid rows (at most its three) stayed; the second batch left nothing.
    expect(afterCrash.length).toBeLessThanOrEqual(3);
    const retry = await importer({ workers: 1, workerMinRows: 0, batchSize: 3 }).run(
      system,
      request,
    );
    expect(retry.status).toBe('succeeded');
    expect(retry.duplicateRows).toBe(afterCrash.length);
    const all = await database.db.selectFrom('cases').select('id').execute();
    expect(all).toHaveLength(afterCrash.length + retry.importedRows);
  });
});
