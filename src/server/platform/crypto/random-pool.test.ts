import { describe, expect, it } from 'vitest';
import { secureRandomBytes } from './random-pool.js';

describe('secureRandomBytes', () => {
  it('returns fresh, distinct buffers of the asked size across pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const bytes = secureRandomBytes(32);
      expect(bytes).toHaveLength(32);
      seen.add(bytes.toString('hex'));
    }
    expect(seen.size).toBe(2000);
    expect(secureRandomBytes(10_000)).toHaveLength(10_000);
  });

  it('hands out copies: changing one does not change the next', () => {
    const a = secureRandomBytes(16);
    const copy = Buffer.from(a);
    a.fill(0);
    expect(secureRandomBytes(16).equals(copy)).toBe(false);
  });

  it('looks uniform: every byte value appears in 64 KiB', () => {
    const counts = new Array<number>(256).fill(0);
    for (const byte of secureRandomBytes(65_536)) counts[byte] = (counts[byte] ?? 0) + 1;
    expect(Math.min(...counts)).toBeGreaterThan(150);
  });
});
