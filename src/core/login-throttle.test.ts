import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accountRule,
  addressRule,
  lockedUntil,
  lookbackMs,
  type ThrottleRule,
} from './login-throttle.js';

const minute = 60_000;
const start = Date.parse('2026-06-01T09:00:00.000Z');
/** ISO times at the given minute offsets from `start`. */
const at = (...minutes: number[]) => minutes.map((m) => new Date(start + m * minute).toISOString());
const when = (m: number) => new Date(start + m * minute);

describe('lockedUntil (account rule: 5 failures in 15 minutes lock for 15 minutes)', () => {
  it.each<[string, string[], number, number | null]>([
    ['no failures', [], 0, null],
    ['four failures in a minute', at(0, 0.1, 0.2, 0.3), 1, null],
    ['five failures in a minute', at(0, 0.1, 0.2, 0.3, 0.4), 1, 15.4],
    ['five failures exactly one window apart', at(0, 5, 10, 12, 15), 16, 30],
    ['five failures a little more than a window apart', at(0, 5, 10, 12, 15.01), 16, null],
    ['a burst whose lockout has just ended', at(0, 1, 2, 3, 4), 19, null],
    ['a burst a millisecond before its lockout ends', at(0, 1, 2, 3, 4), 19 - 1 / minute, 19],
    ['six failures, the newest five in the window', at(0, 20, 21, 22, 23, 24), 25, 39],
    ['six failures, no five within a window', at(0, 10, 20, 30, 40, 50), 51, null],
    // A failure during the lockout that does not itself complete a burst leaves the earlier one.
    ['a stray failure after a burst', at(0, 1, 2, 3, 4, 18), 18.5, 19],
    // A failure that completes a newer burst extends the lockout.
    ['a burst followed by another', at(0, 1, 2, 3, 4, 5), 6, 20],
  ])('%s', (_label, failures, nowMinutes, expectedMinutes) => {
    const result = lockedUntil(failures, when(nowMinutes), accountRule);
    expect(result?.toISOString() ?? null).toBe(
      expectedMinutes === null ? null : when(expectedMinutes).toISOString(),
    );
  });

  it('the address rule needs twenty failures', () => {
    const nineteen = at(...Array.from({ length: 19 }, (_, i) => i * 0.1));
    expect(lockedUntil(nineteen, when(2), addressRule)).toBeNull();
    const twenty = at(...Array.from({ length: 20 }, (_, i) => i * 0.1));
    expect(lockedUntil(twenty, when(2), addressRule)).toEqual(when(1.9 + 15));
  });

  it('looks back one window plus one lockout', () => {
    expect(lookbackMs(accountRule)).toBe(30 * minute);
    expect(lookbackMs({ maxFailures: 3, windowMs: 100, lockoutMs: 50 })).toBe(150);
  });

  it('never locks with fewer failures than the rule needs, and never reports a past time', () => {
    const ruleArb: fc.Arbitrary<ThrottleRule> = fc.record({
      maxFailures: fc.integer({ min: 1, max: 8 }),
      windowMs: fc.integer({ min: 1, max: 60 * minute }),
      lockoutMs: fc.integer({ min: 1, max: 60 * minute }),
    });
    fc.assert(
      fc.property(
        ruleArb,
        fc.array(fc.integer({ min: 0, max: 120 * minute }), { maxLength: 15 }),
        fc.integer({ min: 0, max: 200 * minute }),
        (rule, offsets, nowOffset) => {
          const sorted = [...offsets].sort((a, b) => a - b);
          const failures = sorted.map((ms) => new Date(start + ms).toISOString());
          const now = new Date(start + nowOffset);
          const result = lockedUntil(failures, now, rule);
          if (failures.length < rule.maxFailures) expect(result).toBeNull();
          if (result !== null) {
            expect(result.getTime()).toBeGreaterThan(now.getTime());
            // The lockout ends exactly one lockout after some failure.
            expect(sorted.map((ms) => start + ms + rule.lockoutMs)).toContain(result.getTime());
          }
        },
      ),
    );
  });

  it('locks right after any burst of maxFailures within the window', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: accountRule.windowMs }), {
          minLength: accountRule.maxFailures,
          maxLength: accountRule.maxFailures,
        }),
        (offsets) => {
          const sorted = [...offsets].sort((a, b) => a - b);
          const last = sorted.at(-1) ?? 0;
          const failures = sorted.map((ms) => new Date(start + ms).toISOString());
          expect(lockedUntil(failures, new Date(start + last), accountRule)).toEqual(
            new Date(start + last + accountRule.lockoutMs),
          );
        },
      ),
    );
  });
});
