// Vigil's side: a database (SQLite file or a PostgreSQL schema) holding the synthetic cases,
// the cube built as Vigil builds it, and cross-tabs through the stats service (authorization,
// organisation scope, audit, cube read, roll-up) as an analyst holding `stats.read` at the top.
import path from 'node:path';
import { createServices, type Services } from '../../src/server/app.js';
import type { RequestContext } from '../../src/server/modules/access/index.js';
import {
  createPostgresSchema,
  openDatabase,
  type Database,
} from '../../src/server/platform/db/database.js';
import type { CrosstabDimension } from '../../src/shared/crosstab-schemas.js';
import { testMasterKey } from '../../src/test-support/test-db.js';
import { caseRow, generateCases, type SyntheticCases } from './synthetic-cases.js';

const system = { actor: { kind: 'system' } as const, requestId: null };

export interface VigilSide {
  kind: 'sqlite' | 'postgres';
  services: Services;
  database: Database;
  insertMs: number;
  crosstab: (
    dims: readonly CrosstabDimension[],
  ) => Promise<{ cells: Map<string, number>; fromMemory: boolean }>;
  close: () => Promise<void>;
}

/** Organisations: a top level, four national offices, three NGOs under each. */
async function createOrganisations(services: Services): Promise<string[]> {
  const create = async (slug: string, parentId: string | null) =>
    (
      await services.organisations.create(system, {
        name: `Bench ${slug}`,
        slug,
        type: 'ngo',
        country: null,
        parentId,
        requireTwoFactor: false,
      })
    ).id;
  const top = await create('top', null);
  const out = [top];
  for (let n = 0; n < 4; n += 1) {
    const national = await create(`national-${String(n)}`, top);
    out.push(national);
    for (let k = 0; k < 3; k += 1)
      out.push(await create(`ngo-${String(n)}-${String(k)}`, national));
  }
  return out;
}

export async function openVigil(
  kind: 'sqlite' | 'postgres',
  dir: string,
  rows: number,
): Promise<{ side: VigilSide; cases: SyntheticCases }> {
  let drop: () => Promise<void> = () => Promise.resolve();
  let database: Database;
  if (kind === 'sqlite') {
    database = openDatabase({ kind: 'sqlite', file: path.join(dir, 'vigil.db') });
  } else {
    const url = process.env.VIGIL_TEST_PG_URL ?? '';
    const schema = `vigil_bench_${String(process.pid)}`;
    drop = await createPostgresSchema(url, schema);
    database = openDatabase({ kind: 'postgres', url, schema });
  }
  await database.migrate();
  const at = '2026-06-01T09:00:00.000Z';
  const services = createServices(
    database,
    testMasterKey,
    { session: { idleMinutes: 30, maxHours: 12 } },
    () => new Date(at),
  );
  const organisations = await createOrganisations(services);
  const crises: string[] = [];
  for (const [name, country] of [
    ['Sudan 2023', 'SDN'],
    ['Ukraine 2022', 'UKR'],
    ['Sahel', 'MLI'],
    ['Eastern DRC', 'COD'],
    ['Myanmar', 'MMR'],
  ] as const) {
    const crisis = await services.crises.create(system, {
      name,
      countries: [country],
      startDate: '2020-01-01',
      endDate: null,
    });
    crises.push(crisis.id);
  }
  // Cases sit at the national and NGO levels, not at the top.
  const cases = generateCases(rows, organisations.slice(1), crises);
  // Bulk load of analytic columns only (no identity, one shared data key): the benchmark
  // measures aggregation, and the import benchmark measures the full write path.
  const started = performance.now();
  await database.db.transaction().execute(async (trx) => {
    const key = services.vault.newRecordKey();
    await services.vault.storeRecordKeys(trx, [key]);
    const chunk = 10_000;
    for (let start = 0; start < rows; start += chunk) {
      const batch = [];
      for (let i = start; i < Math.min(rows, start + chunk); i += 1) {
        batch.push(caseRow(cases, i, key.id, at));
      }
      await database.insertRows(trx, 'cases', batch);
    }
  });
  const insertMs = performance.now() - started;
  const top = organisations[0] ?? '';
  const analyst: RequestContext = {
    actor: {
      kind: 'user',
      userId: 'bench-analyst',
      sessionId: 'bench-session',
      isSystemAdmin: false,
      grants: [{ organisationId: top, verbs: ['stats.read'] }],
      enrolmentOnly: false,
    },
    requestId: null,
  };
  return {
    cases,
    side: {
      kind,
      services,
      database,
      insertMs,
      async crosstab(dims) {
        const answer = await services.stats.crosstab(analyst, { dims: [...dims] });
        return {
          cells: new Map(answer.cells.map((cell) => [JSON.stringify(cell.keys), cell.count])),
          fromMemory: answer.fromMemory,
        };
      },
      close: async () => {
        await database.close();
        await drop();
      },
    },
  };
}

/**
 * What keeping the cube current costs a case write: the hook's own work (one change row and
 * the organisation's counter) in a transaction of its own, for new cases and for updates that
 * move a case's facts; then the compaction that folds those changes into all 120 cuboids.
 */
export async function measureMaintenance(
  side: VigilSide,
  cases: SyntheticCases,
  writes: number,
): Promise<{ createMs: number; updateMs: number; compactMs: number; changes: number }> {
  const { services, database } = side;
  const key = await database.db.selectFrom('data_keys').select('id').executeTakeFirstOrThrow();
  const row = (i: number) => caseRow(cases, i % cases.length, key.id, '2026-06-01T09:00:00.000Z');
  let started = performance.now();
  for (let i = 0; i < writes; i += 1) {
    await database.db
      .transaction()
      .execute((trx) => services.cube.recordCaseChanges(trx, [{ before: null, after: row(i) }]));
  }
  const createMs = (performance.now() - started) / writes;
  started = performance.now();
  for (let i = 0; i < writes; i += 1) {
    await database.db
      .transaction()
      .execute((trx) =>
        services.cube.recordCaseChanges(trx, [{ before: row(i), after: row(i + 7) }]),
      );
  }
  const updateMs = (performance.now() - started) / writes;
  started = performance.now();
  const changes = await services.cube.compact();
  const compactMs = performance.now() - started;
  return { createMs, updateMs, compactMs, changes };
}
