import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/app-error.js';
import { caseRecordSchema } from '../../../shared/case-schemas.js';
import { buildCase } from '../../../test-support/case-fixtures.js';
import { databaseKinds } from '../../../test-support/test-db.js';
import { type Services } from '../../app.js';
import type { Database, Executor } from '../../platform/db/database.js';
import { caseOpener } from './case-opening.js';
import { servicesWorld } from '../../../test-support/test-services.js';

const system = { actor: { kind: 'system' } as const, requestId: null };

// Record-level exports read the list of cases, then open each under its key. On PostgreSQL a
// forget can commit in between; the key then reads as destroyed, which the opener must take
// as "forgotten since", not as a failure of the whole export.
describe.each(databaseKinds)('opening whole records on %s', (kind) => {
  const world = servicesWorld(kind);
  let database: Database;
  let services: Services;
  let orgId: string;
  beforeEach(() => {
    ({ database, services, orgId } = world);
  });

  const createCase = async (caseNumber: string) => {
    const input: Record<string, unknown> = buildCase(orgId, { caseNumber });
    delete input.organisationId;
    return (await services.cases.create(system, orgId, caseRecordSchema.parse(input))).stored;
  };
  /** An opener whose vault fails for one key as `failure` says, as if it changed meanwhile. */
  const openerFailingFor = (dataKeyId: string, failure: AppError) =>
    caseOpener({
      cipherFor: (db: Executor, id: string) =>
        id === dataKeyId ? Promise.reject(failure) : services.vault.cipherFor(db, id),
    });

  it('leaves out a case whose key was destroyed after the list was read', async () => {
    const kept = await createCase('K-1');
    const forgotten = await createCase('K-2');
    const opener = openerFailingFor(forgotten.dataKeyId, new AppError('crypto.key_shredded'));
    const records = await opener.recordsOf(database.db, orgId, true);
    expect(records.map(({ stored }) => stored.id)).toEqual([kept.id]);
    expect(records[0]?.record.victim.identity.firstName).not.toBeNull();
  });

  it('fails on any other error opening a key', async () => {
    const broken = await createCase('K-3');
    const opener = openerFailingFor(
      broken.dataKeyId,
      new AppError('crypto.decrypt_failed', { reason: 'test' }),
    );
    await expect(opener.recordsOf(database.db, orgId, true)).rejects.toMatchObject({
      code: 'crypto.decrypt_failed',
    });
  });
});
