// `npm run bench -- write`: authenticated JSON writes over HTTP (validate + authorize + write +
// audit) in requests/s, against a bare Fastify + better-sqlite3 insert measured in the same run.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import Fastify, { type FastifyInstance } from 'fastify';
import { formatNumber, reportBench } from '../bench-report.js';
import {
  combineLoads,
  percentile,
  perSecond,
  runLoad,
  type LoadOptions,
  type LoadResult,
} from '../http-load.js';
import { startVigil } from '../vigil-app.js';

const concurrency = 16;
const warmupMs = Number(process.env.BENCH_WARMUP_MS ?? 1_500);
const durationMs = Number(process.env.BENCH_DURATION_MS ?? 5_000);
// Each side's measuring time is split into rounds that alternate (ABBA), so that a change in
// the machine's load during the run weighs on both sides alike.
const rounds = Number(process.env.BENCH_ROUNDS ?? 4);
const target = 0.5;

interface ItemBody {
  name: string;
  slug: string;
  type: string;
}

/** The baseline: a bare Fastify app whose POST parses JSON and runs one INSERT. */
async function startBaseline(dir: string) {
  const raw = new SqliteDatabase(path.join(dir, 'baseline.db'));
  // The same pragmas as Vigil's SQLite (src/server/platform/db/database.ts).
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('secure_delete = ON');
  raw.pragma('cache_size = -65536');
  raw.exec(`create table items (
    id text primary key,
    name text not null,
    slug text not null unique,
    type text not null,
    created_at text not null
  )`);
  const insert = raw.prepare(
    'insert into items (id, name, slug, type, created_at) values (?, ?, ?, ?, ?)',
  );
  const app: FastifyInstance = Fastify({ logger: false });
  app.post('/items', (request, reply) => {
    const body = request.body as ItemBody;
    const item = { id: randomUUID(), ...body, createdAt: new Date().toISOString() };
    insert.run(item.id, item.name, item.slug, item.type, item.createdAt);
    void reply.code(201).send(item);
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: `http://127.0.0.1:${String((app.server.address() as AddressInfo).port)}/items`,
    rows: () => (raw.prepare('select count(*) as n from items').get() as { n: number }).n,
    close: async () => {
      await app.close();
      raw.close();
    },
  };
}

function check(label: string, result: LoadResult): void {
  if (result.failed > 0 || result.ok === 0) {
    throw new Error(
      `${label}: ${String(result.failed)} failed, ${String(result.ok)} ok; first failure: ${String(result.firstFailure)}`,
    );
  }
}

const describe = (r: LoadResult): string =>
  `${formatNumber(perSecond(r))} req/s, p50 ${percentile(r, 0.5).toFixed(2)} ms, p99 ${percentile(r, 0.99).toFixed(2)} ms, ` +
  `server loop ${(r.serverUtilization * 100).toFixed(0)}%, client loop ${(r.clientUtilization * 100).toFixed(0)}%`;

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'vigil-bench-write-'));
  const vigil = await startVigil();
  const baseline = await startBaseline(dir);
  try {
    const session = await vigil.signIn();
    await vigil.app.listen({ host: '127.0.0.1', port: 0 });
    const vigilUrl = `http://127.0.0.1:${String((vigil.app.server.address() as AddressInfo).port)}/api/organisations`;

    const load = (url: string, headers: Record<string, string>, prefix: string, ms: number) => {
      const options: LoadOptions = {
        url,
        method: 'POST',
        headers,
        bodyTemplate: JSON.stringify({
          name: `Bench ${prefix}-__SEQ__`,
          slug: `${prefix}-__SEQ__`,
          type: 'ngo',
        }),
        concurrency,
        durationMs: ms,
        okStatus: 201,
      };
      return runLoad(options);
    };
    const vigilHeaders = {
      cookie: `vigil_session=${session.cookie}`,
      'x-csrf-token': session.csrf,
    };

    console.log(
      `write: ${String(concurrency)} connections, warm-up ${String(warmupMs)} ms, ` +
        `measure ${String(durationMs)} ms each in ${String(rounds)} alternating rounds`,
    );
    check('vigil warm-up', await load(vigilUrl, vigilHeaders, 'warm-v', warmupMs));
    check('baseline warm-up', await load(baseline.url, {}, 'warm-b', warmupMs));
    const baseRuns: LoadResult[] = [];
    const vigilRuns: LoadResult[] = [];
    const roundMs = durationMs / rounds;
    for (let round = 0; round < rounds; round += 1) {
      const measureBase = async () => {
        baseRuns.push(await load(baseline.url, {}, `base${String(round)}`, roundMs));
      };
      const measureVigil = async () => {
        vigilRuns.push(await load(vigilUrl, vigilHeaders, `vigil${String(round)}`, roundMs));
      };
      const [first, second] =
        round % 2 === 0 ? [measureBase, measureVigil] : [measureVigil, measureBase];
      await first();
      await second();
    }
    const base = combineLoads(baseRuns);
    check('baseline', base);
    console.log(`  baseline  ${describe(base)}`);
    const value = combineLoads(vigilRuns);
    check('vigil', value);
    console.log(`  vigil     ${describe(value)}`);

    // Every counted write must have left its row and its audit entry.
    const orgs = await vigil.database.db
      .selectFrom('organisations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const audits = await vigil.database.db
      .selectFrom('audit_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'org.create')
      .executeTakeFirstOrThrow();

    reportBench(
      {
        name: 'write',
        metric:
          'authenticated JSON writes/s (POST /api/organisations) vs bare Fastify + better-sqlite3 insert',
        value: perSecond(value),
        baseline: perSecond(base),
        target,
      },
      [
        ['concurrency', String(concurrency)],
        [
          'vigil p50 / p99',
          `${percentile(value, 0.5).toFixed(2)} / ${percentile(value, 0.99).toFixed(2)} ms`,
        ],
        [
          'baseline p50 / p99',
          `${percentile(base, 0.5).toFixed(2)} / ${percentile(base, 0.99).toFixed(2)} ms`,
        ],
        [
          'server loop busy',
          `vigil ${(value.serverUtilization * 100).toFixed(0)}%, baseline ${(base.serverUtilization * 100).toFixed(0)}%`,
        ],
        [
          'vigil rows / audit',
          `${String(orgs.n)} organisations, ${String(audits.n)} org.create entries`,
        ],
        ['baseline rows', String(baseline.rows())],
      ],
    );
  } finally {
    await vigil.close();
    await baseline.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
