import type { Actor } from './access-model.js';

/**
 * What a creating request's `Idempotency-Key` is stored as: a keyed hash of the key scoped to
 * who sent it, so two users' keys never meet (one person's key can neither match nor probe
 * another's submissions) and stored keys reveal nothing. Null when the request sent none.
 */
export function submissionKeyHash(
  keyedHash: (input: string) => string,
  actor: Actor,
  key: string | undefined,
): string | null {
  if (key === undefined) return null;
  return keyedHash(`${actor.kind === 'user' ? actor.userId : 'system'}\n${key}`);
}
