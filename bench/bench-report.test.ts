import { describe, expect, it } from 'vitest';
import { benchRecord, reportBench } from './bench-report.js';

const input = { name: 'demo', metric: 'things/s', value: 750, baseline: 1000, target: 0.5 };

describe('reportBench', () => {
  it('ends with exactly one BENCH line holding the record, ratio = value ÷ baseline', () => {
    const lines: string[] = [];
    reportBench(input, [['detail', 'x']], (line) => lines.push(line));
    expect(lines.filter((l) => l.startsWith('BENCH '))).toHaveLength(1);
    const last = lines.at(-1) ?? '';
    expect(last).toMatch(/^BENCH \{.*\}$/);
    const record = JSON.parse(last.slice('BENCH '.length)) as Record<string, unknown>;
    expect(Object.keys(record).sort()).toEqual(
      ['baseline', 'metric', 'name', 'ratio', 'target', 'value'].sort(),
    );
    expect(record).toEqual({
      name: 'demo',
      metric: 'things/s',
      value: 750,
      baseline: 1000,
      ratio: 0.75,
      target: 0.5,
    });
  });

  it('computes the ratio from value and baseline, rounded to 4 decimals', () => {
    const record = benchRecord({ ...input, value: 1234.5678, baseline: 987.654321 });
    expect(record.ratio).toBeCloseTo(1234.5678 / 987.654321, 4);
    expect(record.value).toBe(1234.57);
    expect(record.baseline).toBe(987.65);
  });

  it('refuses a zero or non-finite baseline', () => {
    expect(() => benchRecord({ ...input, baseline: 0 })).toThrow(/baseline/);
    expect(() => benchRecord({ ...input, value: Number.NaN })).toThrow(/value/);
  });
});
