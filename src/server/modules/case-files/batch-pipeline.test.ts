import { describe, expect, it } from 'vitest';
import type { BatchOutcome, BatchRequest, BatchRow } from '../cases/index.js';
import { preparedBatches, type PreparedBatch, type Preparer } from './batch-pipeline.js';

// The pipeline with stand-ins for the preparation itself: each outcome carries its row's line
// and who prepared it, so order and sharing can be read off what comes out.

const rowsOf = (count: number): BatchRow[] =>
  Array.from({ length: count }, (_, index) => ({
    line: index + 2,
    cells: [String(index)],
    sourceKey: `k${String(index)}`,
  }));

const request = (rows: readonly BatchRow[]): BatchRequest => ({
  layout: {} as BatchRequest['layout'],
  fallbackYear: 2026,
  rows,
  write: null,
});

const outcomesBy = (who: string, batch: BatchRequest): BatchOutcome[] =>
  batch.rows.map((row) => ({ ok: true, line: row.line, caseNumber: who, prepared: null }));

/** Workers that answer only when the test releases a batch (or fails it). */
function heldWorkers() {
  const held: { request: BatchRequest; release: () => void; fail: (e: Error) => void }[] = [];
  const workers: Preparer = {
    prepare: (batch) =>
      new Promise((resolve, reject) => {
        held.push({
          request: batch,
          release: () => {
            resolve(outcomesBy('worker', batch));
          },
          fail: reject,
        });
      }),
    close: () => Promise.resolve(),
  };
  return { workers, held };
}

async function collect(batches: AsyncGenerator<PreparedBatch>): Promise<PreparedBatch[]> {
  const out: PreparedBatch[] = [];
  for await (const batch of batches) out.push(batch);
  return out;
}

/**
 * A pipeline of `count` rows in batches of two over held workers; `onHere` runs as each batch
 * is prepared in this thread, and `hereCalls` counts them.
 */
function heldPipeline(
  count: number,
  inFlight: number,
  onHere: (held: ReturnType<typeof heldWorkers>['held']) => void = () => undefined,
) {
  const { workers, held } = heldWorkers();
  let calls = 0;
  const pipeline = collect(
    preparedBatches({
      rows: rowsOf(count),
      batchSize: 2,
      request,
      here: (batch) => {
        calls += 1;
        onHere(held);
        return outcomesBy('here', batch);
      },
      workers,
      inFlight,
    }),
  );
  return { pipeline, held, hereCalls: () => calls };
}

const linesOf = (batches: readonly PreparedBatch[]) =>
  batches.flatMap((b) => b.outcomes.map((o) => (o.ok ? o.line : -1)));
const whoOf = (batches: readonly PreparedBatch[]) =>
  batches.map((b) => (b.outcomes[0]?.ok === true ? b.outcomes[0].caseNumber : null));

describe('import batch pipeline', () => {
  it('without workers prepares every batch here, in file order, each of at most batchSize rows', async () => {
    const batches = await collect(
      preparedBatches({
        rows: rowsOf(7),
        batchSize: 3,
        request,
        here: (batch) => outcomesBy('here', batch),
        workers: null,
        inFlight: 2,
      }),
    );
    expect(batches.map((b) => b.size)).toEqual([3, 3, 1]);
    expect(linesOf(batches)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(whoOf(batches)).toEqual(['here', 'here', 'here']);
  });

  it('builds each request as its batch is cut, in file order, not all before the first', async () => {
    const cut: number[] = [];
    const batches = preparedBatches({
      rows: rowsOf(7),
      batchSize: 3,
      request: (rows) => {
        cut.push(rows[0]?.line ?? -1);
        return request(rows);
      },
      here: (batch) => outcomesBy('here', batch),
      workers: null,
      inFlight: 2,
    });
    const first = await batches.next();
    expect(first.done).toBe(false);
    expect(cut).toEqual([2]);
    await collect(batches);
    expect(cut).toEqual([2, 5, 8]);
  });

  it('takes requests that are awaited and leave rows out; a batch still covers its file rows', async () => {
    const { workers, held } = heldWorkers();
    const pipeline = collect(
      preparedBatches({
        rows: rowsOf(6),
        batchSize: 3,
        // Keeps the rows on even lines, as an import keeps the rows not imported before.
        request: async (rows) => {
          await new Promise((resolve) => setImmediate(resolve));
          return request(rows.filter((row) => row.line % 2 === 0));
        },
        here: (batch) => outcomesBy('here', batch),
        workers,
        inFlight: 2,
      }),
    );
    await expect.poll(() => held.length).toBe(2);
    for (const one of held) one.release();
    const batches = await pipeline;
    expect(batches.map((b) => b.size)).toEqual([3, 3]);
    expect(linesOf(batches)).toEqual([2, 4, 6]);
  });

  it('keeps inFlight batches with the workers, prepares the rest here while waiting, and yields in file order', async () => {
    const { workers, held } = heldWorkers();
    const pipeline = collect(
      preparedBatches({
        rows: rowsOf(10),
        batchSize: 2,
        request,
        here: (batch) => outcomesBy('here', batch),
        workers,
        inFlight: 2,
      }),
    );
    // Let the pipeline run until it has nothing left but the workers' two batches.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(held.map((h) => h.request.rows.map((r) => r.line))).toEqual([
      [2, 3],
      [4, 5],
    ]);
    // The second batch comes back first: nothing is yielded out of order.
    held[1]?.release();
    held[0]?.release();
    // Two batches prepared here are as many as it holds ahead: the last goes to the workers.
    await expect.poll(() => held.length).toBe(3);
    held[2]?.release();
    const batches = await pipeline;
    expect(linesOf(batches)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(whoOf(batches)).toEqual(['worker', 'worker', 'here', 'here', 'worker']);
  });

  it('hands a batch to the workers again once one comes back', async () => {
    // This thread is slow: by the time it is done, the first worker batch is back.
    const { pipeline, held, hereCalls } = heldPipeline(6, 1, (waiting) => {
      waiting[0]?.release();
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    held[1]?.release();
    const batches = await pipeline;
    expect(hereCalls()).toBe(1);
    expect(held).toHaveLength(2);
    expect(whoOf(batches)).toEqual(['worker', 'here', 'worker']);
    expect(linesOf(batches)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('prepares at most two batches here ahead of a worker batch that is not back', async () => {
    const { pipeline, held, hereCalls } = heldPipeline(20, 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(hereCalls()).toBe(2);
    expect(held).toHaveLength(1);
    // Released as they come, the workers and this thread share the rest, in order.
    const releasing = setInterval(() => {
      for (const one of held) one.release();
    }, 1);
    const batches = await pipeline;
    clearInterval(releasing);
    expect(batches).toHaveLength(10);
    expect(linesOf(batches)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
  });

  it('fails at the turn of a batch the workers could not prepare, after the batches before it', async () => {
    const { workers, held } = heldWorkers();
    const seen: number[] = [];
    const pipeline = (async () => {
      for await (const batch of preparedBatches({
        rows: rowsOf(4),
        batchSize: 2,
        request,
        here: (batch) => outcomesBy('here', batch),
        workers,
        inFlight: 2,
      })) {
        seen.push(batch.size);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 20));
    held[1]?.fail(new Error('worker died'));
    held[0]?.release();
    await expect(pipeline).rejects.toThrow('worker died');
    expect(seen).toEqual([2]);
  });

  it('fails at its turn when preparing a batch here throws', async () => {
    const batches = preparedBatches({
      rows: rowsOf(4),
      batchSize: 2,
      request,
      here: (batch) => {
        if (batch.rows[0]?.line === 4) throw new Error('bad batch');
        return outcomesBy('here', batch);
      },
      workers: null,
      inFlight: 2,
    });
    await expect(collect(batches)).rejects.toThrow('bad batch');
  });
});
