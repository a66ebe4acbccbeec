/**
 * Shared reporting for every benchmark: a small human-readable table, then exactly one final
 * line `BENCH {json}` that tools read. `ratio` is value ÷ baseline (higher is better) and the
 * benchmark meets its target when ratio ≥ target.
 */

/** What a benchmark measured: its own figure and the baseline measured in the same run. */
export interface BenchInput {
  /** The benchmark's name, as in `npm run bench -- <name>`. */
  name: string;
  /** What value and baseline count, with their unit (e.g. "requests/s"). */
  metric: string;
  value: number;
  baseline: number;
  /** The lowest acceptable ratio. */
  target: number;
}

/** The record printed on the BENCH line. */
export interface BenchRecord {
  name: string;
  metric: string;
  value: number;
  baseline: number;
  ratio: number;
  target: number;
}

const round = (x: number, digits: number): number => {
  const factor = 10 ** digits;
  return Math.round(x * factor) / factor;
};

/** Builds the record: value and baseline to 2 decimals, ratio = value ÷ baseline to 4. */
export function benchRecord(input: BenchInput): BenchRecord {
  for (const [field, x] of [
    ['value', input.value],
    ['baseline', input.baseline],
    ['target', input.target],
  ] as const) {
    if (!Number.isFinite(x) || x < 0) throw new Error(`bench ${field} must be a finite number ≥ 0`);
  }
  if (input.baseline === 0) throw new Error('bench baseline is 0: the ratio is undefined');
  return {
    name: input.name,
    metric: input.metric,
    value: round(input.value, 2),
    baseline: round(input.baseline, 2),
    ratio: round(input.value / input.baseline, 4),
    target: input.target,
  };
}

/** The final line of a benchmark's output. */
export function benchLine(record: BenchRecord): string {
  return `BENCH ${JSON.stringify(record)}`;
}

/** Lines of a two-column table, labels padded to the same width. */
export function formatTable(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
}

/** Formats a figure for the table, e.g. 12345.678 → "12,345.7". */
export function formatNumber(x: number, digits = 1): string {
  return x.toLocaleString('en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/**
 * Prints the table (the headline figures, then `details`) and, last, the BENCH line. Returns
 * the record. `write` receives one line at a time (stdout by default).
 */
export function reportBench(
  input: BenchInput,
  details: readonly (readonly [string, string])[] = [],
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): BenchRecord {
  const record = benchRecord(input);
  const verdict = record.ratio >= record.target ? 'meets target' : 'BELOW TARGET';
  write('');
  write(`${record.name}: ${record.metric}`);
  for (const line of formatTable([
    ['value', formatNumber(record.value)],
    ['baseline', formatNumber(record.baseline)],
    ['ratio', `${record.ratio.toFixed(4)} (target ≥ ${String(record.target)}: ${verdict})`],
    ...details,
  ])) {
    write(line);
  }
  write(benchLine(record));
  return record;
}
