import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashEntry, type ChainedFields } from '../../../core/audit-chain.js';
import { type Services } from '../../app.js';
import { sha256Hex } from '../../platform/crypto/index.js';
import type { Database } from '../../platform/db/database.js';
import { createTestClock, databaseKinds } from '../../../test-support/test-db.js';
import { createTestServices } from '../../../test-support/test-services.js';

const system = { actor: { kind: 'system' } as const, requestId: null };

/** Simulates an attacker with database administrator rights: removes the append-only guard. */
async function dropAppendOnlyTriggers(database: Database): Promise<void> {
  if (database.dialect.kind === 'sqlite') {
    await sql`drop trigger audit_entries_no_update`.execute(database.db);
    await sql`drop trigger audit_entries_no_delete`.execute(database.db);
  } else {
    await sql`drop trigger audit_entries_no_change on audit_entries`.execute(database.db);
  }
}

describe.each(databaseKinds)('audit chain against tampering on %s', (kind) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let services: Services;
  let clock: ReturnType<typeof createTestClock>;

  const createOrg = (slug: string) =>
    services.organisations.create(system, {
      name: `Org ${slug}`,
      slug,
      type: 'ngo',
      country: null,
      parentId: null,
      requireTwoFactor: false,
    });
  const verify = () => services.audit.verify(database.db);
  const count = async () => (await services.audit.query(database.db, { limit: 500 })).length;

  beforeEach(async () => {
    clock = createTestClock();
    ({ database, services, dispose } = await createTestServices(kind, clock));
    // Five audited changes: entries 1..5.
    for (const slug of ['alpha', 'bravo', 'charlie', 'delta', 'echo']) {
      clock.advance(1000);
      await createOrg(slug);
    }
  });
  afterEach(async () => {
    await dispose();
  });

  it('records one chained entry per change and verifies intact', async () => {
    const report = await verify();
    expect(report).toMatchObject({ intact: true, entries: 5, firstBadSeq: null, problem: null });
    const entries = await services.audit.query(database.db, { limit: 10 });
    expect(entries.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(entries.every((e) => e.action === 'org.create' && e.actorType === 'system')).toBe(true);
    expect(report.headHash).toBe(entries[0]?.hash);
  });

  it('refuses UPDATE and DELETE on audit entries in the database itself', async () => {
    await expect(
      sql`update audit_entries set action = 'org.delete' where seq = 2`.execute(database.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_entries where seq = 2`.execute(database.db)).rejects.toThrow(
      /append-only/,
    );
    expect(await count()).toBe(5);
    expect((await verify()).intact).toBe(true);
  });

  describe('with the append-only triggers dropped', () => {
    beforeEach(async () => {
      await dropAppendOnlyTriggers(database);
    });

    it('catches an altered action at that entry', async () => {
      await sql`update audit_entries set action = 'org.read' where seq = 3`.execute(database.db);
      expect(await verify()).toMatchObject({ intact: false, firstBadSeq: 3 });
    });

    it('catches an altered actor at that entry', async () => {
      await sql`update audit_entries set actor_type = 'user', actor_id = 'someone-else' where seq = 1`.execute(
        database.db,
      );
      expect(await verify()).toMatchObject({ intact: false, firstBadSeq: 1 });
    });

    it('catches a rehashed entry at the next link', async () => {
      // The attacker recomputes entry 2's hash after altering it; entry 3 still links to the
      // original hash.
      const row = await database.db
        .selectFrom('audit_entries')
        .selectAll()
        .where('seq', '=', 2)
        .executeTakeFirstOrThrow();
      const fields: ChainedFields = {
        seq: 2,
        at: row.at,
        actorType: row.actor_type,
        actorId: row.actor_id,
        action: 'org.read',
        targetType: row.target_type,
        targetId: row.target_id,
        organisationId: row.organisation_id,
        requestId: row.request_id,
        outcome: row.outcome,
      };
      const hash = hashEntry(sha256Hex, row.prev_hash, fields);
      await sql`update audit_entries set action = 'org.read', hash = ${hash} where seq = 2`.execute(
        database.db,
      );
      expect(await verify()).toMatchObject({ intact: false, firstBadSeq: 3 });
    });

    it('catches a deleted middle entry at its seq', async () => {
      await sql`delete from audit_entries where seq = 3`.execute(database.db);
      const report = await verify();
      expect(report).toMatchObject({ intact: false, firstBadSeq: 3 });
      expect(report.problem).toMatch(/sequence gap/);
    });

    it('catches a deleted newest entry against the head', async () => {
      await sql`delete from audit_entries where seq = 5`.execute(database.db);
      const report = await verify();
      expect(report).toMatchObject({ intact: false, firstBadSeq: 5 });
      expect(report.problem).toMatch(/head mismatch/);
    });

    it('catches reordered entries at the earlier position', async () => {
      // Swap entries 2 and 4 by renumbering them (seq is the primary key, hence the detour).
      await sql`update audit_entries set seq = 1000 where seq = 2`.execute(database.db);
      await sql`update audit_entries set seq = 2 where seq = 4`.execute(database.db);
      await sql`update audit_entries set seq = 4 where seq = 1000`.execute(database.db);
      expect(await verify()).toMatchObject({ intact: false, firstBadSeq: 2 });
    });

    it('catches entries whose contents were swapped while their seq stayed', async () => {
      const rows = await database.db
        .selectFrom('audit_entries')
        .selectAll()
        .where('seq', 'in', [2, 4])
        .orderBy('seq')
        .execute();
      const [two, four] = rows;
      if (two === undefined || four === undefined) throw new Error('missing rows');
      for (const [target, source] of [
        [2, four],
        [4, two],
      ] as const) {
        await database.db
          .updateTable('audit_entries')
          .set({
            at: source.at,
            target_id: source.target_id,
            organisation_id: source.organisation_id,
            prev_hash: source.prev_hash,
            hash: source.hash,
          })
          .where('seq', '=', target)
          .execute();
      }
      expect(await verify()).toMatchObject({ intact: false, firstBadSeq: 2 });
    });
  });

  it('catches a forged entry appended after the head, even when correctly hashed', async () => {
    // INSERT is allowed (the log is append-only), so no trigger needs dropping.
    const head = await database.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    const fields: ChainedFields = {
      seq: 6,
      at: clock.now().toISOString(),
      actorType: 'system',
      actorId: null,
      action: 'org.create',
      targetType: 'organisation',
      targetId: 'forged',
      organisationId: 'forged',
      requestId: null,
      outcome: 'success',
    };
    await database.db
      .insertInto('audit_entries')
      .values({
        seq: 6,
        at: fields.at,
        actor_type: fields.actorType,
        actor_id: fields.actorId,
        action: fields.action,
        target_type: fields.targetType,
        target_id: fields.targetId,
        organisation_id: fields.organisationId,
        request_id: fields.requestId,
        outcome: fields.outcome,
        prev_hash: head.hash,
        hash: hashEntry(sha256Hex, head.hash, fields),
      })
      .execute();
    const report = await verify();
    expect(report).toMatchObject({ intact: false, firstBadSeq: 6, entries: 6 });
    expect(report.problem).toMatch(/head mismatch/);
  });

  describe('when the audit entry cannot be written', () => {
    it('rolls back the change (a conflicting entry already holds the next seq)', async () => {
      await sql`insert into audit_entries
        (seq, at, actor_type, action, outcome, prev_hash, hash)
        values (6, '2026-06-01T00:00:00.000Z', 'system', 'x.y', 'success', 'p', 'h')`.execute(
        database.db,
      );
      await expect(createOrg('foxtrot')).rejects.toMatchObject({
        code: 'audit.write_failed',
        status: 500,
      });
      expect(await services.organisations.findBySlug(database.db, 'foxtrot')).toBeUndefined();
      // The head did not move either.
      const head = await database.db
        .selectFrom('audit_head')
        .select('seq')
        .executeTakeFirstOrThrow();
      expect(head.seq).toBe(5);
    });

    it('rolls back the change (the chain head is missing)', async () => {
      await sql`alter table audit_head rename to audit_head_gone`.execute(database.db);
      await expect(createOrg('foxtrot')).rejects.toMatchObject({ code: 'audit.write_failed' });
      await sql`alter table audit_head_gone rename to audit_head`.execute(database.db);
      expect(await services.organisations.findBySlug(database.db, 'foxtrot')).toBeUndefined();
      expect(await count()).toBe(5);
      expect((await verify()).intact).toBe(true);
      // With the head back, writes work again and chain on.
      await createOrg('foxtrot');
      expect(await verify()).toMatchObject({ intact: true, entries: 6 });
    });
  });
});
