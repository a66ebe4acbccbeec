import type { Actor } from '../access/index.js';

/** What a creating request with an `Idempotency-Key` made. */
export type SubmissionScope = 'case' | 'consent' | 'screening' | 'referral' | 'service_provider';

/**
 * A creating request sent with an `Idempotency-Key`: the key and the request's content, each
 * as a keyed hash, so stored submissions reveal nothing of either.
 */
export interface Submission {
  scope: SubmissionScope;
  /** The key, scoped to who sent it. */
  key: string;
  /** The request's content as the server parsed it. */
  body: string;
}

/**
 * What a creating request's `Idempotency-Key` is stored as: a keyed hash of the key scoped to
 * who sent it (a user, through a session or one of their tokens), so two users' keys never meet (one person's key can neither match nor probe
 * another's submissions) and stored keys reveal nothing. Null when the request sent none.
 */
function submissionKeyHash(
  keyedHash: (input: string) => string,
  actor: Actor,
  key: string | undefined,
): string | null {
  if (key === undefined) return null;
  // A token submits for its owner: tokens of different owners once shared the 'system' scope,
  // so one integration's key could be refused because of another's, and learn its case id.
  return keyedHash(`${actor.kind === 'system' ? 'system' : actor.userId}\n${key}`);
}

/**
 * The submission a creating request makes, or null when it sent no key. `body` is the request's
 * content after parsing at the edge: the same schema gives the same fields in the same order,
 * so the same content gives the same hash whatever the client's spacing or key order.
 */
export function submissionOf(
  keyedHash: (input: string) => string,
  scope: SubmissionScope,
  actor: Actor,
  key: string | undefined,
  body: unknown,
): Submission | null {
  const keyHash = submissionKeyHash(keyedHash, actor, key);
  if (keyHash === null) return null;
  return { scope, key: keyHash, body: keyedHash(`body\n${JSON.stringify(body)}`) };
}
