import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gate } from '../../../test-support/gate.js';
import { importServiceWith } from '../../../test-support/import-harness.js';
import { createTestClock, databaseKinds } from '../../../test-support/test-db.js';
import { createTestOrganisation, createTestServices } from '../../../test-support/test-services.js';
import type { Services } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import type { ImportRequest } from './import-model.js';
import type { ImportService } from './import-service.js';

// Import jobs as a server runs them: in turn, a few waiting, each stamped alive while it waits
// or runs, and shown as interrupted once nothing stamps it any more.

const system = { actor: { kind: 'system' } as const, requestId: null };

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  const until = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(databaseKinds)('import jobs on %s', (kind) => {
  let clock: ReturnType<typeof createTestClock>;
  let database: Database;
  let services: Services;
  let dispose: () => Promise<void>;
  let orgId: string;
  beforeEach(async () => {
    clock = createTestClock();
    ({ database, services, dispose } = await createTestServices(kind, clock));
    orgId = await createTestOrganisation(services, 'field');
  });
  afterEach(() => dispose());

  const file = (gender: string): ImportRequest => ({
    organisationId: orgId,
    format: 'htcds',
    dryRun: false,
    content: Buffer.from(`prs_Gender,vic_TraffickingStatus\n${gender},PossibleVictimOfTrafficking`),
  });
  const statusOf = async (imports: ImportService, id: string) =>
    (await imports.get(system, id)).status;
  const heartbeatOf = async (id: string) =>
    (
      await database.db
        .selectFrom('import_jobs')
        .select('heartbeat_at')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).heartbeat_at;

  it('runs one import at a time: the next waits queued, one more is refused as busy', async () => {
    const held = gate();
    const turns: string[] = [];
    const imports = importServiceWith(services, database, {
      running: 1,
      waiting: 1,
      beforeRun: async (id) => {
        turns.push(id);
        if (turns.length === 1) await held.opened;
      },
    });
    const first = await imports.start(system, file('Feminine'));
    const second = await imports.start(system, file('Masculine'));
    await expect(imports.start(system, file('NonConforming'))).rejects.toMatchObject({
      code: 'import.busy',
    });
    await waitFor(() => Promise.resolve(turns.length === 1), 'the first turn');
    expect(turns).toEqual([first.id]);
    expect(await statusOf(imports, second.id)).toBe('queued');
    held.open();
    await waitFor(
      async () => (await statusOf(imports, second.id)) === 'succeeded',
      'the second import',
    );
    expect(turns).toEqual([first.id, second.id]);
    expect(await statusOf(imports, first.id)).toBe('succeeded');
    // Both places are free again.
    const third = await imports.run(system, file('NonConforming'));
    expect(third.status).toBe('succeeded');
  });

  it('gives the place back when the file was imported before or the import is refused', async () => {
    const imports = importServiceWith(services, database, { running: 1, waiting: 0 });
    const done = await imports.run(system, file('Feminine'));
    for (let i = 0; i < 3; i += 1) {
      expect(await imports.start(system, file('Feminine'))).toMatchObject({
        id: done.id,
        alreadyImported: true,
      });
    }
    const stranger = {
      actor: {
        kind: 'user' as const,
        userId: '00000000-0000-4000-8000-000000000001',
        sessionId: 's',
        isSystemAdmin: false,
        enrolmentOnly: false,
        grants: [],
      },
      requestId: null,
    };
    for (let i = 0; i < 3; i += 1) {
      await expect(imports.start(stranger, file('Masculine'))).rejects.toMatchObject({
        code: 'access.denied',
      });
    }
    expect((await imports.run(system, file('Masculine'))).status).toBe('succeeded');
  });

  it('stamps waiting jobs alive; a job nobody stamps any more reads as interrupted', async () => {
    const held = gate();
    const beating = importServiceWith(services, database, {
      running: 1,
      waiting: 1,
      heartbeatMs: 5,
      beforeRun: () => held.opened,
    });
    const first = await beating.start(system, file('Feminine'));
    const second = await beating.start(system, file('Masculine'));
    clock.advance(60 * 60_000);
    const later = clock.now().toISOString();
    await waitFor(async () => (await heartbeatOf(second.id)) === later, 'a heartbeat');
    expect(await heartbeatOf(first.id)).toBe(later);
    // Another process (the service every request uses, here) sees them alive.
    expect(await statusOf(services.imports, second.id)).toBe('queued');

    // A process that stops stamping: its job waits, and no beat comes for three minutes.
    const stalled = gate();
    const silent = importServiceWith(services, database, {
      heartbeatMs: 24 * 60 * 60_000,
      beforeRun: () => stalled.opened,
    });
    const stopped = await silent.start(system, file('NonConforming'));
    clock.advance(3 * 60_000);
    await waitFor(
      async () => (await heartbeatOf(second.id)) === clock.now().toISOString(),
      'the next heartbeat',
    );
    expect(await services.imports.get(system, stopped.id)).toMatchObject({
      status: 'failed',
      errorCode: 'import.interrupted',
    });
    const listed = await services.imports.list(system);
    expect(listed.find((job) => job.id === stopped.id)?.status).toBe('failed');
    expect(listed.find((job) => job.id === second.id)?.status).toBe('queued');
    // The process that holds it still knows it is waiting.
    expect(await statusOf(silent, stopped.id)).toBe('queued');

    held.open();
    stalled.open();
    for (const [imports, id] of [
      [beating, first.id],
      [beating, second.id],
      [silent, stopped.id],
    ] as const) {
      await waitFor(async () => (await statusOf(imports, id)) === 'succeeded', `import ${id}`);
    }
  });
});
