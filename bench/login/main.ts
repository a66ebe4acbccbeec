// `npm run bench -- login`: full POST /api/auth/login round trips (in-process) per second,
// against raw argon2id verifications per second (the baseline) measured in the same run.
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { hashPassword, verifyPassword } from '../../src/server/platform/crypto/index.js';
import { formatNumber, reportBench } from '../bench-report.js';
import { benchPassword, startVigil } from '../vigil-app.js';

// As many operations in flight as there are cores (BENCH_CONCURRENCY overrides): argon2 runs on
// the libuv thread pool, so the baseline keeps every core busy; a login's other work runs on the
// main thread and competes with the hashing for the same cores, which is what the ratio shows.
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? availableParallelism());
const warmupMs = Number(process.env.BENCH_WARMUP_MS ?? 1_000);
const durationMs = Number(process.env.BENCH_DURATION_MS ?? 5_000);
const target = 0.8;
// Each side's measuring time is split into rounds that alternate (ABBA), so that a change in
// the machine's load during the run weighs on both sides alike.
const rounds = Number(process.env.BENCH_ROUNDS ?? 4);

interface Run {
  elapsedMs: number;
  /** Latencies (ms) of the operations that finished in time. */
  latencies: number[];
}

const perSecond = (r: Run) => (r.latencies.length * 1000) / r.elapsedMs;
const p50 = (r: Run) =>
  [...r.latencies].sort((a, b) => a - b)[Math.floor(r.latencies.length / 2)] ?? 0;
const combine = (runs: Run[]): Run => ({
  elapsedMs: runs.reduce((sum, r) => sum + r.elapsedMs, 0),
  latencies: runs.flatMap((r) => r.latencies),
});

/** Runs `op` in `concurrency` loops for `ms` and counts the operations that finished in time. */
async function measure(ms: number, op: () => Promise<void>): Promise<Run> {
  const latencies: number[] = [];
  const deadline = performance.now() + ms;
  const loop = async () => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      await op();
      const t1 = performance.now();
      if (t1 <= deadline) latencies.push(t1 - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { elapsedMs: ms, latencies };
}

async function main(): Promise<void> {
  const vigil = await startVigil();
  try {
    // The baseline: verify calls against a hash made with Vigil's own parameters.
    const phc = await hashPassword(benchPassword);
    const verify = async () => {
      if (!(await verifyPassword(phc, benchPassword))) throw new Error('verify failed');
    };

    // The value: whole sign-ins with the correct password (a wrong one would lock the account
    // after 5 failures). The login route allows 30 requests a minute per client address, so
    // each request comes from its own address in 127.0.0.0/8 (in-process: nothing is sent).
    const login = async (seq: number) => {
      const address = `127.${String((seq >> 16) & 255)}.${String((seq >> 8) & 255)}.${String(seq & 255)}`;
      const response = await vigil.login(address);
      if (
        response.statusCode !== 200 ||
        response.json<{ status: string }>().status !== 'signed_in'
      ) {
        throw new Error(`login failed: ${String(response.statusCode)} ${response.body}`);
      }
    };

    console.log(
      `login: ${String(concurrency)} in flight, warm-up ${String(warmupMs)} ms, ` +
        `measure ${String(durationMs)} ms each in ${String(rounds)} alternating rounds`,
    );
    // Every login gets the next sequence number, so no client address is used twice.
    let next = 1;
    const nextLogin = () => {
      next += 1;
      return login(next);
    };
    await measure(warmupMs, verify);
    await measure(warmupMs, nextLogin);
    const baseRuns: Run[] = [];
    const valueRuns: Run[] = [];
    const roundMs = durationMs / rounds;
    for (let round = 0; round < rounds; round += 1) {
      const measureBase = async () => {
        baseRuns.push(await measure(roundMs, verify));
      };
      const measureValue = async () => {
        valueRuns.push(await measure(roundMs, nextLogin));
      };
      const [first, second] =
        round % 2 === 0 ? [measureBase, measureValue] : [measureValue, measureBase];
      await first();
      await second();
    }
    const base = combine(baseRuns);
    const value = combine(valueRuns);
    console.log(
      `  baseline  ${formatNumber(perSecond(base))} verifies/s, p50 ${p50(base).toFixed(1)} ms`,
    );
    console.log(
      `  vigil     ${formatNumber(perSecond(value))} logins/s, p50 ${p50(value).toFixed(1)} ms`,
    );

    const sessions = await vigil.database.db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

    reportBench(
      {
        name: 'login',
        metric:
          'argon2id logins/s (POST /api/auth/login, in-process) vs raw verifyPassword calls/s',
        value: perSecond(value),
        baseline: perSecond(base),
        target,
      },
      [
        ['in flight', String(concurrency)],
        ['vigil p50', `${p50(value).toFixed(1)} ms (${String(value.latencies.length)} logins)`],
        ['baseline p50', `${p50(base).toFixed(1)} ms (${String(base.latencies.length)} verifies)`],
        ['sessions issued', String(sessions.n)],
      ],
    );
  } finally {
    await vigil.close();
  }
}

await main();
