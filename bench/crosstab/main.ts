// `npm run bench -- crosstab`: five named cross-tabs of 1,000,000 case records, cold and warm,
// through Vigil's stats service (the case cube) against the same GROUP BY queries in DuckDB
// over the same rows in the same run. BENCH ratio = DuckDB warm ÷ Vigil warm (higher is better).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CrosstabDimension } from '../../src/shared/crosstab-schemas.js';
import { benchLine, formatNumber, formatTable, type BenchRecord } from '../bench-report.js';
import { startDuckDb, type DuckSide } from './duckdb-side.js';
import { measureMaintenance, openVigil, type VigilSide } from './vigil-side.js';

const rowCount = Number(process.env.BENCH_ROWS ?? 1_000_000);
const warmRepeats = Number(process.env.BENCH_REPEATS ?? 30);
const maintenanceWrites = Number(process.env.BENCH_WRITES ?? 500);
const say = (line: string) => process.stdout.write(`${line}\n`);

const queries: readonly { name: string; dims: readonly CrosstabDimension[] }[] = [
  { name: 'year×sex×age', dims: ['year', 'sex', 'majority'] },
  { name: 'country×exploitation×year', dims: ['country', 'exploitation', 'year'] },
  { name: 'citizenship×country×sex', dims: ['citizenship', 'country', 'sex'] },
  { name: 'conflict×crisis×exploitation', dims: ['conflict', 'crisis', 'exploitation'] },
  { name: 'org×year×status', dims: ['organisation', 'year', 'status'] },
];

const median = (xs: readonly number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

const sameCells = (a: Map<string, number>, b: Map<string, number>): boolean =>
  a.size === b.size && [...a].every(([key, n]) => b.get(key) === n);

interface Timing {
  name: string;
  cells: number;
  vigilCold: number;
  vigilWarm: number;
  duckCold: number;
  duckWarm: number;
}

/** Cold then warm for each query, Vigil and DuckDB alternating (ABBA) over the repeats. */
async function measure(vigil: VigilSide, duck: DuckSide): Promise<Timing[]> {
  const out: Timing[] = [];
  for (const query of queries) {
    vigil.services.cube.dropCache();
    const vigilCold = await time(() => vigil.crosstab(query.dims));
    if (vigilCold.value.fromMemory) throw new Error('cold read came from memory');
    const duckCold = await time(() => duck.crosstab(query.dims));
    if (!sameCells(vigilCold.value.cells, duckCold.value)) {
      throw new Error(`${query.name}: Vigil and DuckDB disagree`);
    }
    const vigilWarm: number[] = [];
    const duckWarm: number[] = [];
    for (let r = 0; r < warmRepeats; r += 1) {
      const runVigil = async () => {
        const t = await time(() => vigil.crosstab(query.dims));
        if (!t.value.fromMemory) throw new Error('warm read missed memory');
        vigilWarm.push(t.ms);
      };
      const runDuck = async () => {
        duckWarm.push((await time(() => duck.crosstab(query.dims))).ms);
      };
      if (r % 2 === 0) {
        await runVigil();
        await runDuck();
      } else {
        await runDuck();
        await runVigil();
      }
    }
    out.push({
      name: query.name,
      cells: duckCold.value.size,
      vigilCold: vigilCold.ms,
      vigilWarm: median(vigilWarm),
      duckCold: duckCold.ms,
      duckWarm: median(duckWarm),
    });
  }
  return out;
}

function printTable(title: string, timings: readonly Timing[]): void {
  const ms = (x: number) => formatNumber(x, 2).padStart(9);
  say('');
  say(title);
  say(
    `  ${'query'.padEnd(30)} ${'cells'.padStart(6)}  ${'Vigil cold'.padStart(9)} ${'Vigil warm'.padStart(9)}  ${'Duck cold'.padStart(9)} ${'Duck warm'.padStart(9)}  (ms)`,
  );
  for (const t of timings) {
    say(
      `  ${t.name.padEnd(30)} ${String(t.cells).padStart(6)}  ${ms(t.vigilCold)} ${ms(t.vigilWarm)}  ${ms(t.duckCold)} ${ms(t.duckWarm)}`,
    );
  }
  const sum = (f: (t: Timing) => number) => timings.reduce((s, t) => s + f(t), 0);
  say(
    `  ${'sum'.padEnd(30)} ${''.padStart(6)}  ${ms(sum((t) => t.vigilCold))} ${ms(sum((t) => t.vigilWarm))}  ${ms(sum((t) => t.duckCold))} ${ms(sum((t) => t.duckWarm))}`,
  );
}

async function runSide(
  kind: 'sqlite' | 'postgres',
  dir: string,
): Promise<{ timings: Timing[]; details: [string, string][] }> {
  say(`\n[${kind}] loading ${formatNumber(rowCount, 0)} synthetic cases…`);
  const { side, cases } = await openVigil(kind, dir, rowCount);
  let duck: DuckSide | null = null;
  try {
    say(
      `[${kind}] cases inserted in ${formatNumber(side.insertMs / 1000, 1)} s; building the cube…`,
    );
    const build = await time(() => side.services.cube.rebuild());
    say(
      `[${kind}] cube built in ${formatNumber(build.ms / 1000, 2)} s: ${String(build.value.cuboids)} cuboids, ${formatNumber(build.value.cells, 0)} cells`,
    );
    const started = await startDuckDb(cases);
    duck = started.side;
    say(`[${kind}] DuckDB loaded in ${formatNumber(started.loadMs / 1000, 2)} s`);
    const timings = await measure(side, duck);
    printTable(`[${kind}] crosstab of ${formatNumber(rowCount, 0)} cases`, timings);
    const upkeep = await measureMaintenance(side, cases, maintenanceWrites);
    const details: [string, string][] = [
      [
        `${kind} cube build`,
        `${formatNumber(build.ms / 1000, 2)} s (${formatNumber(build.value.cells, 0)} cells in 120 cuboids)`,
      ],
      [
        `${kind} cube upkeep, new case`,
        `${formatNumber(upkeep.createMs, 3)} ms per write (own transaction)`,
      ],
      [`${kind} cube upkeep, updated case`, `${formatNumber(upkeep.updateMs, 3)} ms per write`],
      [
        `${kind} compaction`,
        `${formatNumber(upkeep.compactMs, 0)} ms for ${String(upkeep.changes)} changes (${formatNumber(upkeep.compactMs / Math.max(1, upkeep.changes), 3)} ms per change)`,
      ],
    ];
    for (const line of formatTable(details)) say(line);
    return { timings, details };
  } finally {
    duck?.close();
    await side.close();
  }
}

const dir = await mkdtemp(path.join(tmpdir(), 'vigil-bench-crosstab-'));
try {
  say(
    `crosstab: ${formatNumber(rowCount, 0)} cases, warm = median of ${String(warmRepeats)} repeats`,
  );
  const sqlite = await runSide('sqlite', dir);
  const pg = process.env.VIGIL_TEST_PG_URL === undefined ? null : await runSide('postgres', dir);
  const warm = (timings: readonly Timing[], f: (t: Timing) => number) =>
    timings.reduce((s, t) => s + f(t), 0);
  const value = warm(sqlite.timings, (t) => t.vigilWarm);
  const baseline = warm(sqlite.timings, (t) => t.duckWarm);
  const coldRatio =
    warm(sqlite.timings, (t) => t.vigilCold) / warm(sqlite.timings, (t) => t.duckCold);
  const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
  // Times: lower is better, so the ratio is the baseline over the value (bench-report's
  // benchRecord divides the other way, for rates).
  const record: BenchRecord = {
    name: 'crosstab',
    metric: 'warm ms, sum of 5 cross-tabs (SQLite)',
    value: round(value, 2),
    baseline: round(baseline, 2),
    ratio: round(baseline / value, 4),
    target: 1,
  };
  say('');
  say(`crosstab: ${record.metric}`);
  const summary: [string, string][] = [
    ['Vigil warm (SQLite)', `${formatNumber(value, 2)} ms`],
    ['DuckDB warm', `${formatNumber(baseline, 2)} ms`],
    [
      'ratio',
      `${record.ratio.toFixed(4)} (target ≥ 1: ${record.ratio >= 1 ? 'meets target' : 'BELOW TARGET'})`,
    ],
    ['cold Vigil ÷ DuckDB (SQLite)', `${formatNumber(coldRatio, 2)} (target ≤ 3)`],
  ];
  if (pg !== null) {
    const pgValue = warm(pg.timings, (t) => t.vigilWarm);
    const pgBase = warm(pg.timings, (t) => t.duckWarm);
    summary.push(['ratio on PostgreSQL', (pgBase / pgValue).toFixed(4)]);
    summary.push([
      'cold Vigil ÷ DuckDB (PostgreSQL)',
      formatNumber(warm(pg.timings, (t) => t.vigilCold) / warm(pg.timings, (t) => t.duckCold), 2),
    ]);
  }
  for (const line of formatTable(summary)) say(line);
  say(benchLine(record));
} finally {
  await rm(dir, { recursive: true, force: true });
}
