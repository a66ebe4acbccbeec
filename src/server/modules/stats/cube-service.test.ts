import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exploitationGroupOf, exploitationGroupsCode } from '../../../core/stats/index.js';
import type { CaseRecord } from '../../../shared/case-schemas.js';
import { crosstabDimensions, type CrosstabDimension } from '../../../shared/crosstab-schemas.js';
import { type Services } from '../../app.js';
import type { Database } from '../../platform/db/database.js';
import { caseRecordArb } from '../../../test-support/case-record-arbitraries.js';
import { databaseKinds } from '../../../test-support/test-db.js';
import { createTestServices } from '../../../test-support/test-services.js';

const system = { actor: { kind: 'system' } as const, requestId: null };

// The raw column behind each dimension, and how its value reads as the dimension's category.
const rawColumn: Record<CrosstabDimension, string> = {
  organisation: 'organisation_id',
  year: 'registration_year',
  country: 'country_of_exploitation',
  citizenship: 'primary_citizenship',
  sex: 'gender',
  majority: 'majority_status',
  ageBand: 'age_band',
  exploitation: 'exploitation_types',
  conflict: 'conflict_related',
  crisis: 'crisis_id',
  displacement: 'displacement_status',
  status: 'trafficking_status',
};

const readRaw = (dim: CrosstabDimension, value: string | number | null): string | null => {
  if (value === null) return null;
  if (dim === 'exploitation') {
    return exploitationGroupOf(exploitationGroupsCode(JSON.parse(String(value)) as string[]));
  }
  return String(value);
};

/** GROUP BY over the cases table on the raw columns, read as categories and re-summed. */
async function groupByCases(
  database: Database,
  dims: readonly CrosstabDimension[],
): Promise<Map<string, number>> {
  const columns = [...new Set(dims.map((dim) => rawColumn[dim]))];
  let q = database.db
    .selectFrom('cases')
    .select(columns as 'id'[])
    .select((eb) => eb.fn.countAll<number | string>().as('n'));
  for (const column of columns) q = q.groupBy(column as 'id');
  const rows = (await q.execute()) as unknown as Record<string, string | number | null>[];
  const out = new Map<string, number>();
  for (const row of rows) {
    const key = JSON.stringify(dims.map((dim) => readRaw(dim, row[rawColumn[dim]] ?? null)));
    out.set(key, (out.get(key) ?? 0) + Number(row.n));
  }
  return out;
}

const queryArb = fc.uniqueArray(
  fc.constantFrom(...crosstabDimensions.filter((d) => d !== 'ageBand')),
  { minLength: 1, maxLength: 3 },
);

describe.each(databaseKinds)('case cube on %s', (kind) => {
  let database: Database;
  let dispose: () => Promise<void>;
  let services: Services;
  let orgs: string[];
  let crisisId: string;

  beforeEach(async () => {
    ({ database, services, dispose } = await createTestServices(kind));
    const create = async (slug: string, parentId: string | null) =>
      (
        await services.organisations.create(system, {
          name: slug,
          slug,
          type: 'ngo',
          country: null,
          parentId,
          requireTwoFactor: false,
        })
      ).id;
    const root = await create('root', null);
    orgs = [root, await create('ngo-a', root), await create('ngo-b', root)];
    crisisId = (
      await services.crises.create(system, {
        name: 'Crisis',
        countries: ['UKR'],
        startDate: '2022-02-24',
        endDate: null,
      })
    ).id;
  });
  afterEach(async () => {
    await dispose();
  });

  const fit = (record: CaseRecord, crisis: boolean): CaseRecord => ({
    ...record,
    caseNumber: null,
    victim: {
      ...record.victim,
      conflict: { ...record.victim.conflict, crisisId: crisis ? crisisId : null },
    },
  });

  const insert = async (orgIndex: number, records: readonly CaseRecord[]) =>
    database.db.transaction().execute((trx) =>
      services.cases.insertMany(
        trx,
        orgs[orgIndex % orgs.length] ?? '',
        records.map((record) => ({ record, sourceKey: null, synthetic: false })),
        { importJobId: null, createdBy: null },
      ),
    );

  const expectCubeMatches = async (dims: readonly CrosstabDimension[]) => {
    const answer = await services.stats.crosstab(system, { dims: [...dims] });
    const expected = await groupByCases(database, dims);
    expect(new Map(answer.cells.map((c) => [JSON.stringify(c.keys), c.count]))).toEqual(expected);
    return answer;
  };

  it('answers like a GROUP BY over the cases after random creates, updates and compactions', async () => {
    const ids: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(fc.nat(2), fc.array(fc.tuple(caseRecordArb, fc.boolean()), { maxLength: 6 })),
        ),
        fc.array(fc.tuple(fc.nat(), caseRecordArb), { maxLength: 3 }),
        fc.boolean(),
        fc.array(queryArb, { minLength: 1, maxLength: 3 }),
        async (batches, updates, compact, queries) => {
          for (const [org, items] of batches) {
            ids.push(
              ...(await insert(
                org,
                items.map(([record, crisis]) => fit(record, crisis)),
              )),
            );
          }
          for (const [at, record] of updates) {
            const id = ids[at % Math.max(1, ids.length)];
            if (id === undefined) break;
            const current = await services.cases.get(system, id);
            await services.cases.update(system, id, {
              version: current.stored.version,
              registrationYear: record.registrationYear,
              victim: fit(record, false).victim,
            });
          }
          if (compact) await services.cube.compact();
          for (const dims of queries) await expectCubeMatches(dims);
        },
      ),
      { numRuns: kind === 'sqlite' ? 12 : 6 },
    );
  });

  it('answers from memory until a case write changes the stamp', async () => {
    const [record] = fc.sample(caseRecordArb, { numRuns: 1, seed: 7 });
    if (record === undefined) throw new Error('no sample');
    await insert(1, [fit(record, true)]);
    const first = await expectCubeMatches(['year', 'sex', 'conflict']);
    expect(first.fromMemory).toBe(false);
    const again = await expectCubeMatches(['year', 'sex', 'conflict']);
    expect(again.fromMemory).toBe(true);
    await insert(2, [fit(record, false)]);
    const after = await expectCubeMatches(['year', 'sex', 'conflict']);
    expect(after.fromMemory).toBe(false);
    expect(after.total).toBe(2);
  });

  it('builds itself on first read when cases predate the cube, and compacts changes away', async () => {
    const records = fc.sample(caseRecordArb, { numRuns: 12, seed: 3 }).map((r) => fit(r, false));
    await insert(1, records);
    // As if these cases were written before the cube existed.
    await database.db.deleteFrom('case_cube_changes').execute();
    await database.db.deleteFrom('case_cube_cuboids').execute();
    const built = await expectCubeMatches(['organisation', 'exploitation', 'majority']);
    expect(built.total).toBe(12);
    await insert(2, records.slice(0, 3));
    expect(await services.cube.compact()).toBe(3);
    const pending = await database.db.selectFrom('case_cube_changes').selectAll().execute();
    expect(pending).toHaveLength(0);
    services.cube.dropCache();
    expect((await expectCubeMatches(['organisation', 'ageBand'])).total).toBe(15);
  });

  it('a bulk write appends one weighted change per distinct set of facts', async () => {
    const [one, other] = fc
      .sample(caseRecordArb, { numRuns: 2, seed: 5 })
      .map((r) => fit(r, false));
    if (one === undefined || other === undefined) throw new Error('two records');
    const distinct = { ...other, victim: { ...other.victim, gender: 'NonConforming' as const } };
    const sameAsOne = { ...one, victim: { ...one.victim, gender: 'Feminine' as const } };
    await insert(0, [sameAsOne, sameAsOne, sameAsOne, sameAsOne, sameAsOne, distinct, distinct]);
    const changes = await database.db.selectFrom('case_cube_changes').selectAll().execute();
    expect(changes.map((change) => change.weight).sort()).toEqual([2, 5]);
    expect((await expectCubeMatches(['organisation', 'sex'])).total).toBe(7);
    // Folded into the built cube too: two more of the same cases count twice more.
    await insert(0, [distinct, sameAsOne]);
    services.cube.dropCache();
    expect((await expectCubeMatches(['sex', 'exploitation'])).total).toBe(9);
  });

  it('a rebuild counts what maintenance counted', async () => {
    const records = fc.sample(caseRecordArb, { numRuns: 20, seed: 11 }).map((r) => fit(r, true));
    await insert(0, records);
    const before = await services.stats.crosstab(system, { dims: ['citizenship', 'status'] });
    const report = await services.cube.rebuild();
    expect(report).toMatchObject({ cases: 20, cuboids: 120 });
    const after = await services.stats.crosstab(system, { dims: ['citizenship', 'status'] });
    expect(after.cells).toEqual(before.cells);
  });

  it('rebuilds and first reads at once all succeed and agree', async () => {
    const records = fc.sample(caseRecordArb, { numRuns: 15, seed: 17 }).map((r) => fit(r, true));
    await insert(0, records);
    // As an installation whose cube is not built yet: several readers build it at once.
    await database.db.deleteFrom('case_cube_changes').execute();
    await database.db.deleteFrom('case_cube_cuboids').execute();
    const reports = await Promise.all([
      services.cube.rebuild(),
      services.cube.rebuild(),
      services.cube.rebuild(),
      services.stats.crosstab(system, { dims: ['sex'] }),
      services.stats.crosstab(system, { dims: ['organisation', 'status'] }),
    ]);
    for (const report of reports.slice(0, 3)) {
      expect(report).toMatchObject({ cases: 15, cuboids: 120 });
    }
    services.cube.dropCache();
    expect((await expectCubeMatches(['sex', 'status'])).total).toBe(15);
  });
});
