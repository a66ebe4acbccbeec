import type { KyselyPlugin, QueryId, RootOperationNode } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Grant } from '../../../core/permission-check.js';
import { isAppError } from '../../../shared/app-error.js';
import { caseRecordSchema } from '../../../shared/case-schemas.js';
import type { GlotipCellKey } from '../../../shared/glotip-vocabulary.js';
import { builtInRoles, type PermissionVerb } from '../../../shared/permissions.js';
import { buildCase } from '../../../test-support/case-fixtures.js';
import { databaseKinds } from '../../../test-support/test-db.js';
import { type Services } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import type { Actor, RequestContext } from '../access/index.js';
import { createDerivationFactsService } from './derivation-facts-service.js';
import { createTestServices } from '../../../test-support/test-services.js';

const system = { actor: { kind: 'system' } as const, requestId: null };
const year = 2025;
const totalCell: GlotipCellKey = {
  indicator: 'detected_victims',
  dimension: 'total',
  category: 'total',
  sex: 'total',
  age: 'total',
};

function as(grants: Grant[]): RequestContext {
  const actor: Actor = {
    kind: 'user',
    userId: 'user-1',
    sessionId: 'session-1',
    isSystemAdmin: false,
    grants,
    enrolmentOnly: false,
  };
  return { actor, requestId: 'request-1' };
}
const role = (organisationId: string, verbs: readonly PermissionVerb[]): Grant[] => [
  { organisationId, verbs },
];

async function expectError(promise: Promise<unknown>, code: string): Promise<void> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(isAppError(error) ? error.code : error).toBe(code);
}

describe.each(databaseKinds)('derivation facts service on %s', (kind) => {
  let database: Database;
  let services: Services;
  let dispose: () => Promise<void>;
  const org: Record<'national' | 'ngo' | 'other', string> = { national: '', ngo: '', other: '' };
  const caseIds: Record<string, string> = {};

  const createOrg = async (slug: string, parentId: string | null) =>
    (
      await services.organisations.create(system, {
        name: slug,
        slug,
        type: 'ngo',
        country: 'COD',
        parentId,
        requireTwoFactor: false,
      })
    ).id;
  const createCase = async (name: string, organisationId: string) => {
    // buildCase names the holder for the HTTP body; the service takes it as an argument.
    const input: Record<string, unknown> = buildCase(organisationId, {
      caseNumber: name,
      registrationYear: year,
      registeredOn: `${String(year)}-02-01`,
    });
    delete input.organisationId;
    const record = caseRecordSchema.parse(input);
    const victim = { ...record.victim, traffickingStatus: 'ActualVictimOfTrafficking' as const };
    caseIds[name] = (
      await services.cases.create(system, organisationId, { ...record, victim })
    ).stored.id;
  };

  beforeEach(async () => {
    ({ database, services, dispose } = await createTestServices(kind));
    org.national = await createOrg('national', null);
    org.ngo = await createOrg('ngo', org.national);
    org.other = await createOrg('other', null);
    await createCase('N-1', org.national);
    await createCase('G-1', org.ngo);
    await createCase('G-2', org.ngo);
    await createCase('O-1', org.other);
  });
  afterEach(() => dispose());

  const numbersOf = (facts: readonly { caseNumber: string }[]) =>
    facts.map((item) => item.caseNumber).sort();

  describe('loadDerivationFacts', () => {
    it('refuses a caseworker (no return.edit)', async () => {
      const ctx = as(role(org.ngo, builtInRoles.caseworker));
      await expectError(
        services.derivationFacts.loadDerivationFacts(ctx, { organisationId: org.ngo, year }),
        'access.denied',
      );
    });

    it("gives a parent's data manager the children's cases and no other organisation's", async () => {
      const ctx = as(role(org.national, builtInRoles.data_manager));
      const result = await services.derivationFacts.loadDerivationFacts(ctx, {
        organisationId: org.national,
        year,
      });
      expect(numbersOf(result.facts)).toEqual(['G-1', 'G-2', 'N-1']);
      expect(result.organisationIds.sort()).toEqual([org.national, org.ngo].sort());
      expect(result.reportingCountry).toBe('COD');
    });

    it("refuses a child's data manager the parent's return", async () => {
      const ctx = as(role(org.ngo, builtInRoles.data_manager));
      await expectError(
        services.derivationFacts.loadDerivationFacts(ctx, { organisationId: org.national, year }),
        'access.denied',
      );
    });

    it('needs case.read_subtree when there are children, case.read alone for a leaf', async () => {
      const verbs: PermissionVerb[] = ['return.edit', 'case.read'];
      await expectError(
        services.derivationFacts.loadDerivationFacts(as(role(org.national, verbs)), {
          organisationId: org.national,
          year,
        }),
        'access.denied',
      );
      // Held in the national organisation, case.read does not reach the NGO's cases.
      await expectError(
        services.derivationFacts.loadDerivationFacts(as(role(org.national, verbs)), {
          organisationId: org.ngo,
          year,
        }),
        'access.denied',
      );
      const leaf = await services.derivationFacts.loadDerivationFacts(as(role(org.ngo, verbs)), {
        organisationId: org.ngo,
        year,
      });
      expect(numbersOf(leaf.facts)).toEqual(['G-1', 'G-2']);
    });

    it('answers org.not_found for an unknown organisation', async () => {
      await expectError(
        services.derivationFacts.loadDerivationFacts(system, {
          organisationId: '00000000-0000-4000-8000-000000000000',
          year,
        }),
        'org.not_found',
      );
    });

    it('records one case.derive entry on the organisation, and none when refused', async () => {
      const ctx = as(role(org.national, builtInRoles.data_manager));
      await services.derivationFacts.loadDerivationFacts(ctx, {
        organisationId: org.national,
        year,
      });
      await services.derivationFacts
        .loadDerivationFacts(as(role(org.ngo, builtInRoles.caseworker)), {
          organisationId: org.ngo,
          year,
        })
        .catch(() => undefined);
      const entries = await services.audit.query(database.db, { action: 'case.derive', limit: 10 });
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        actorType: 'user',
        actorId: 'user-1',
        targetType: 'organisation',
        targetId: org.national,
        organisationId: org.national,
        requestId: 'request-1',
        outcome: 'success',
      });
    });

    it('never reads a sealed column (every statement it runs, checked)', async () => {
      const statements: { node: RootOperationNode; queryId: QueryId }[] = [];
      const recorder: KyselyPlugin = {
        transformQuery: (args) => {
          statements.push(args);
          return args.node;
        },
        transformResult: (args) => Promise.resolve(args.result),
      };
      const watched = { ...database, db: database.db.withPlugin(recorder) };
      const reader = createDerivationFactsService({ database: watched, audit: services.audit });
      const result = await reader.loadDerivationFacts(system, {
        organisationId: org.national,
        year,
      });
      expect(result.facts).toHaveLength(3);
      const sqlTexts = statements.map(
        ({ node, queryId }) => database.db.getExecutor().compileQuery(node, queryId).sql,
      );
      expect(sqlTexts.some((text) => text.includes('"cases"'))).toBe(true);
      expect(sqlTexts.some((text) => text.includes('"case_events"'))).toBe(true);
      for (const text of sqlTexts) {
        expect(text).not.toMatch(/sealed/i);
        expect(text).not.toMatch(/select \*|\.\*/i);
      }
    });
  });

  describe('drillDown', () => {
    const drill = (ctx: RequestContext, organisationId: string, policyId = 'unodc_identified') =>
      services.derivationFacts.drillDown(ctx, {
        organisationId,
        year,
        policyId,
        cellKey: totalCell,
      });

    it("names a data manager the subtree's counted cases by id and number only", async () => {
      const result = await drill(as(role(org.national, builtInRoles.data_manager)), org.national);
      expect(result.value).toBe(3);
      expect(result.hidden).toBe(0);
      expect(result.cases).toEqual(
        ['G-1', 'G-2', 'N-1'].map((number) => ({ caseId: caseIds[number], caseNumber: number })),
      );
    });

    it('hides the cases the reader could not list', async () => {
      // An analyst reads returns and the cases of their own organisation only.
      const result = await drill(as(role(org.national, builtInRoles.analyst)), org.national);
      expect(result.value).toBe(3);
      expect(result.cases.map((item) => item.caseNumber)).toEqual(['N-1']);
      expect(result.hidden).toBe(2);
    });

    it('refuses a reader without return.read, and an unknown policy', async () => {
      await expectError(
        drill(as(role(org.ngo, builtInRoles.caseworker)), org.ngo),
        'access.denied',
      );
      await expectError(drill(system, org.ngo, 'no_such_policy'), 'validation.failed');
    });

    it('an uncounted cell is empty; each drill-down is audited', async () => {
      const ctx = as(role(org.national, builtInRoles.data_manager));
      const result = await services.derivationFacts.drillDown(ctx, {
        organisationId: org.national,
        year,
        policyId: 'formal_only',
        cellKey: totalCell,
      });
      // buildCase records no decision maker: formal_only counts none of them.
      expect(result).toMatchObject({ value: 0, cases: [], hidden: 0 });
      await drill(ctx, org.ngo);
      const entries = await services.audit.query(database.db, {
        action: 'case.drill_down',
        limit: 10,
      });
      expect(entries.map((entry) => entry.targetId).sort()).toEqual([org.national, org.ngo].sort());
    });
  });
});
