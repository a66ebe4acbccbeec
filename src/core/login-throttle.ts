/** Limits on failed sign-ins for one key (an account, or a client address). */
export interface ThrottleRule {
  /** Failures within the window that trigger a lockout. */
  maxFailures: number;
  windowMs: number;
  /** How long the lockout lasts after the failure that triggered it. */
  lockoutMs: number;
}

/** Per account: five wrong passwords in 15 minutes lock the account for 15 minutes. */
export const accountRule: ThrottleRule = {
  maxFailures: 5,
  windowMs: 15 * 60_000,
  lockoutMs: 15 * 60_000,
};

/** Per client address: twenty failures in 15 minutes (spraying many accounts) lock it out. */
export const addressRule: ThrottleRule = {
  maxFailures: 20,
  windowMs: 15 * 60_000,
  lockoutMs: 15 * 60_000,
};

/**
 * When does the lockout end? `failures` are ISO times, oldest first, covering at least
 * `windowMs + lockoutMs` before `now`. Returns null when not locked.
 */
export function lockedUntil(
  failures: readonly string[],
  now: Date,
  rule: ThrottleRule,
): Date | null {
  const times = failures.map((at) => Date.parse(at));
  // Find the latest failure that completed a burst of maxFailures within the window.
  for (let i = times.length - 1; i >= rule.maxFailures - 1; i -= 1) {
    const last = times[i] ?? 0;
    const first = times[i - rule.maxFailures + 1] ?? 0;
    if (last - first <= rule.windowMs) {
      const until = last + rule.lockoutMs;
      return until > now.getTime() ? new Date(until) : null;
    }
  }
  return null;
}

/** How far back failures must be read to apply a rule. */
export function lookbackMs(rule: ThrottleRule): number {
  return rule.windowMs + rule.lockoutMs;
}
