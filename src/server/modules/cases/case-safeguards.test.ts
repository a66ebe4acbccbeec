import { existsSync, readFileSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectError } from '../../../test-support/api-expect.js';
import { casesApiWorld, type CaseBody } from '../../../test-support/cases-api-world.js';
import type { TestApp } from '../../../test-support/test-app.js';
import { databaseKinds } from '../../../test-support/test-db.js';
import { untilSomeoneWaitsFor } from '../../../test-support/lock-waits.js';
import { caseOverseers } from './break-glass-repo.js';
import { clearSealedValues, lockCase } from './case-repo.js';

// Emergency access to another organisation's case, and forgetting a person.
describe.each(databaseKinds)('case safeguards API on %s', (kind) => {
  const w = casesApiWorld(kind);
  const { create, responderIn, reason } = w;
  let t: TestApp;
  // root ─┬─ ngo ── field
  //       └─ other
  let ngo: string;
  let field: string;
  let other: string;
  beforeEach(() => {
    ({ t, ngo, field, other } = w);
  });

  describe('break-glass', () => {
    it('notifies whoever oversees the case from above, else the system administrators', async () => {
      const responder = await responderIn(other);
      // `field` has no data manager of its own; the one of `ngo`, above it, oversees its cases.
      const inField = await create(field);
      const aboveManager = await t.userWithRole('data_manager', ngo);
      const sideManager = await t.userWithRole('data_manager', other);
      const granted = await t.call(
        responder,
        'POST',
        `/api/cases/${inField.id}/break-glass`,
        reason,
      );
      expect(granted.statusCode, granted.body).toBe(201);
      const notified = async (session: Parameters<TestApp['call']>[0]) =>
        (await t.call(session, 'GET', '/api/notifications'))
          .json<{ items: { kind: string; targetId: string }[] }>()
          .items.some((item) => item.kind === 'case.break_glass' && item.targetId === inField.id);
      expect(await notified(aboveManager)).toBe(true);
      expect(await notified(sideManager)).toBe(false);

      // An organisation path that nobody oversees falls back on the system administrators.
      const lonely = await t.createOrg('lonely', t.rootOrgId);
      expect(await caseOverseers(t.database.db, [lonely])).toEqual([t.admin.userId]);
      expect(await caseOverseers(t.database.db, [ngo, field])).toEqual([aboveManager.userId]);
    });

    it('needs the verb and a reason, notifies the holder’s data manager, and is audited', async () => {
      const created = await create(other);
      const manager = await t.userWithRole('data_manager', other);
      const responder = await responderIn(ngo);
      const worker = await t.userWithRole('caseworker', ngo);
      const url = `/api/cases/${created.id}/break-glass`;

      expectError(
        await t.call(responder, 'GET', `/api/cases/${created.id}`),
        404,
        'case.not_found',
      );
      expectError(await t.call(worker, 'POST', url, reason), 403, 'access.denied');
      expectError(
        await t.call(responder, 'POST', url, { reason: 'urgent' }),
        400,
        'validation.failed',
        [['body', 'reason']],
      );
      const granted = await t.call(responder, 'POST', url, reason);
      expect(granted.statusCode, granted.body).toBe(201);

      const read = (await t.call(responder, 'GET', `/api/cases/${created.id}`)).json<
        CaseBody & { breakGlass: boolean }
      >();
      expect(read.breakGlass).toBe(true);
      expect(read.victim.identity).toMatchObject({ firstName: 'Amina' });
      // Emergency access is for reading: changing the case stays with its holder.
      expectError(
        await t.call(responder, 'PATCH', `/api/cases/${created.id}`, {
          version: 1,
          status: 'Closed',
        }),
        403,
        'access.denied',
      );
      expect(await t.auditActions('case.break_glass')).toContainEqual(
        expect.objectContaining({ actorId: responder.userId, targetId: created.id }),
      );
      expect(await t.auditActions('case.read_break_glass')).toHaveLength(1);
      // Each part of the case read under the grant is audited as well.
      for (const part of ['consents', 'screenings', 'referrals']) {
        const response = await t.call(responder, 'GET', `/api/cases/${created.id}/${part}`);
        expect(response.statusCode, response.body).toBe(200);
        expect(await t.auditActions(`case.read_${part}`)).toEqual([
          expect.objectContaining({ actorId: responder.userId, targetId: created.id }),
        ]);
      }
      const notes = (await t.call(manager, 'GET', '/api/notifications')).json<{
        items: { kind: string; targetId: string }[];
      }>();
      expect(notes.items).toContainEqual(
        expect.objectContaining({ kind: 'case.break_glass', targetId: created.id }),
      );

      // The grant expires.
      t.clock.advance(5 * 60 * 60 * 1000);
      const again = await t.signIn(responder.email, 'Correct-Horse-Battery-7781');
      expectError(await t.call(again, 'GET', `/api/cases/${created.id}`), 404, 'case.not_found');
    });
  });

  describe('forget this person', () => {
    /** The case's wrapped data key and sealed identity, as stored. */
    const keyAndIdentity = (caseId: string) =>
      t.database.db
        .selectFrom('data_keys')
        .innerJoin('cases', 'cases.data_key_id', 'data_keys.id')
        .select(['data_keys.wrapped', 'cases.identity_sealed'])
        .where('cases.id', '=', caseId)
        .executeTakeFirstOrThrow();

    /** A new case on SQLite: what was stored of it, which files hold a value, its forget. */
    const caseOnDisk = async () => {
      const created = await create(ngo);
      const worker = await t.userWithRole('caseworker', ngo);
      const before = await keyAndIdentity(created.id);
      const [main] = (await sql<{ file: string }>`pragma database_list`.execute(t.database.db))
        .rows;
      const file = main?.file ?? '';
      const holding = (value: string | null) =>
        [file, `${file}-wal`].filter((f) => existsSync(f) && readFileSync(f).includes(value ?? ''));
      const forget = () =>
        t.call(worker, 'POST', `/api/cases/${created.id}/forget`, {
          confirmCaseNumber: created.caseNumber,
        });
      return { before, file, holding, forget };
    };

    it.skipIf(kind !== 'sqlite')(
      'leaves neither the wrapped key nor the sealed identity in the SQLite files',
      async () => {
        const { before, holding, forget } = await caseOnDisk();
        // What the files held before: the test would mean nothing if they never had it.
        expect(holding(before.wrapped).length).toBeGreaterThan(0);
        expect(holding(before.identity_sealed).length).toBeGreaterThan(0);
        const done = await forget();
        expect(done.statusCode, done.body).toBe(204);
        expect(holding(before.wrapped)).toEqual([]);
        expect(holding(before.identity_sealed)).toEqual([]);
      },
    );

    it.skipIf(kind !== 'sqlite')(
      'says so in the log when a reader holds the WAL, and cuts it once the reader ends',
      async () => {
        const { before, file, holding, forget } = await caseOnDisk();
        // Another process reading, its transaction open across the forget.
        const reader = new SqliteDatabase(file, { readonly: true });
        try {
          reader.exec('begin');
          reader.prepare('select count(*) from cases').get();
          const done = await forget();
          expect(done.statusCode, done.body).toBe(204);
          expect(t.logs.some((line) => line.includes('"walScrub":"pending"'))).toBe(true);
          expect(holding(before.wrapped)).toContain(`${file}-wal`);
          reader.exec('commit');
        } finally {
          reader.close();
        }
        await expect
          .poll(() => holding(before.wrapped), { timeout: 10_000, interval: 50 })
          .toEqual([]);
      },
    );

    it('shreds identifying fields, keeps analytic facts, and is audited', async () => {
      const created = await create(ngo, {
        events: [
          { type: 'Recruitment', country: 'COD', date: '2023-11-02', place: 'Market in Goma' },
          // Year and date disagree: statistics read the date's year, and so must what is kept.
          { type: 'Exploitation', country: 'COD', year: 2023, date: '2024-01-15' },
          { type: 'Transit', country: 'UGA', year: 2022 },
        ],
        supportPlans: [
          { type: 'Health', plannedEndDate: '2024-06-30', actualEndDate: '2024-07-02' },
        ],
      });
      const worker = await t.userWithRole('caseworker', ngo);
      const url = `/api/cases/${created.id}/forget`;
      expectError(
        await t.call(worker, 'POST', url, { confirmCaseNumber: 'WRONG' }),
        400,
        'case.forget_unconfirmed',
        [['body', 'confirmCaseNumber']],
      );
      const analyst = await t.userWithRole('analyst', ngo);
      expectError(
        await t.call(analyst, 'POST', url, { confirmCaseNumber: created.caseNumber }),
        403,
        'access.denied',
      );
      // Reasons sealed under the case's key elsewhere: an emergency access, a consent override.
      const responder = await responderIn(other);
      const glass = await t.call(responder, 'POST', `/api/cases/${created.id}/break-glass`, reason);
      expect(glass.statusCode, glass.body).toBe(201);
      const provider = await t.call(t.admin, 'POST', '/api/service-providers', {
        name: 'Clinic',
        kinds: ['medical'],
        country: 'COD',
        recipientOrganisationId: other,
      });
      const referred = await t.call(t.admin, 'POST', `/api/cases/${created.id}/referrals`, {
        providerId: provider.json<{ id: string }>().id,
        serviceKind: 'medical',
        overrideReason: 'Injured and unconscious; cannot be asked for consent tonight',
      });
      expect(referred.statusCode, referred.body).toBe(201);

      const done = await t.call(worker, 'POST', url, { confirmCaseNumber: created.caseNumber });
      expect(done.statusCode, done.body).toBe(204);
      for (const table of ['consent_overrides', 'break_glass_grants'] as const) {
        const reasons = await t.database.db
          .selectFrom(table)
          .select('reason_sealed')
          .where('case_id', '=', created.id)
          .execute();
        expect([table, reasons]).toEqual([table, [{ reason_sealed: null }]]);
      }

      const after = (await t.call(worker, 'GET', `/api/cases/${created.id}`)).json<CaseBody>();
      expect(after.forgotten).toBe(true);
      // Nothing left that links the facts to a paper file or to a day in the person's life.
      expect(after.caseNumber).toBe(`#F-${created.id}`);
      expect(after.events.map(({ year, date }) => ({ year, date }))).toEqual([
        { year: 2023, date: null },
        { year: 2024, date: null },
        { year: 2022, date: null },
      ]);
      expect(after.supportPlans).toEqual([
        expect.objectContaining({ type: 'Health', plannedEndDate: null, actualEndDate: null }),
      ]);
      expect(after.victim.identity).toBeNull();
      expect(after.perpetrators[0]?.name).toBeNull();
      expect(after.victim.gender).toBe('Feminine');
      expect(after.victim.ageBand).toBe('21-23');
      const key = await keyAndIdentity(created.id);
      expect(key).toEqual({ wrapped: null, identity_sealed: null });
      expect(await t.auditActions('case.forget')).toContainEqual(
        expect.objectContaining({ actorId: worker.userId, targetId: created.id }),
      );
      expect(await t.auditActions('referral.revoke')).toContainEqual(
        expect.objectContaining({
          actorId: worker.userId,
          targetId: referred.json<{ id: string }>().id,
        }),
      );
      expectError(
        await t.call(worker, 'POST', url, { confirmCaseNumber: created.caseNumber }),
        410,
        'case.forgotten',
      );
      // Nothing new is recorded about the person: neither consent nor a screening.
      for (const [path, body] of [
        [
          'consents',
          {
            purpose: 'research',
            granted: false,
            prompts: {
              interview: false,
              purposeExplained: false,
              dataUseExplained: false,
              researchUseExplained: false,
              rightToAccessExplained: false,
              retentionExplained: false,
              withdrawalExplained: false,
            },
          },
        ],
        ['screenings', { profile: 'adult_labour', indicators: [] }],
      ] as const) {
        expectError(
          await t.call(worker, 'POST', `/api/cases/${created.id}/${path}`, body),
          410,
          'case.forgotten',
        );
      }
      // Nor a reason for emergency access, sealed under a key that no longer exists.
      expectError(
        await t.call(responder, 'POST', `/api/cases/${created.id}/break-glass`, reason),
        410,
        'case.forgotten',
      );
    });

    it('an edit sent while the person is being forgotten waits for it, then is refused', async () => {
      const created = await create(ngo);
      let editing: ReturnType<TestApp['call']> | undefined;
      await t.database.db.transaction().execute(async (trx) => {
        // The forget, held open: the case locked and marked, its sealed texts cleared.
        await lockCase(trx, t.database.dialect, created.id);
        await trx
          .updateTable('cases')
          .set({
            forgotten_at: new Date().toISOString(),
            identity_sealed: null,
            version: created.version + 1,
          })
          .where('id', '=', created.id)
          .execute();
        await clearSealedValues(trx, created.id);
        editing = t.call(t.admin, 'PATCH', `/api/cases/${created.id}`, {
          version: created.version,
          status: 'Closed',
        });
        await untilSomeoneWaitsFor(trx, t.database);
      });
      if (editing === undefined) throw new Error('the edit was not sent');
      // Not a version conflict: the edit read the case only once the forget was done.
      expectError(await editing, 410, 'case.forgotten');
    });
  });
});
