/**
 * The record every protected output carries, so the publication service can store and show
 * which policy protected it; fields that do not apply to a policy are null. What is published of
 * it is `publicProtection` (`shared/public-schemas.ts`'s `protectionSchema`): the two kinds of
 * suppression are counted together there.
 */

/** The disclosure-control policies. */
export type ProtectionPolicy = 'suppression' | 'rounding' | 'k_anonymity' | 'as_published';

/** Which policy protected an output, with its parameters, method and suppression counts. */
export interface ProtectionRecord {
  readonly policy: ProtectionPolicy;
  /** Method name and version, e.g. `vigil-cell-suppression/1 …`. */
  readonly method: string;
  readonly threshold: number | null;
  readonly base: number | null;
  readonly k: number | null;
  /** Primary suppressions (below threshold, censored on input) or suppressed records. */
  readonly primarySuppressed: number;
  /** Complementary suppressions (0 for policies that have none). */
  readonly secondarySuppressed: number;
}

/** The protection as published: the suppressions counted together (see `protectionSchema`). */
export function publicProtection(record: ProtectionRecord): {
  policy: ProtectionPolicy;
  method: string;
  threshold: number | null;
  base: number | null;
  k: number | null;
  suppressed: number;
} {
  return {
    policy: record.policy,
    method: record.method,
    threshold: record.threshold,
    base: record.base,
    k: record.k,
    suppressed: record.primarySuppressed + record.secondarySuppressed,
  };
}

/** Method names with their versions; bump the version whenever the output could change. */
export const protectionMethods = {
  suppression: 'vigil-cell-suppression/2 (exact linear audit, hypercube complement)',
  rounding: 'vigil-conventional-rounding/1',
  kAnonymity: 'vigil-full-domain-generalisation/1 (minimal lattice node, record suppression)',
} as const;

/**
 * A cell as an output shows it: a number (exact, or rounded to a base and marked so), hidden, a
 * published interval, or an empty cell.
 */
export type PublishedValue =
  | { readonly kind: 'count'; readonly value: number }
  | { readonly kind: 'rounded'; readonly value: number; readonly base: number }
  | { readonly kind: 'suppressed' }
  | { readonly kind: 'censored'; readonly lower: number; readonly upper: number }
  | { readonly kind: 'not_available' }
  | { readonly kind: 'not_applicable' };

/** One cell of a protected table. */
export interface PublishedCell {
  readonly key: string;
  readonly value: PublishedValue;
}
