import type { Actor } from './access-model.js';

/**
 * A client's key (an `Idempotency-Key`) scoped to who sent it, for a keyed hash: two users'
 * keys never meet, so one person's key can neither match nor probe another's submissions.
 */
export function actorScopedKey(actor: Actor, key: string): string {
  return `${actor.kind === 'user' ? actor.userId : 'system'}\n${key}`;
}
