import type {
  CaseRecord,
  Perpetrator,
  SupportPlan,
  TipEvent,
  VictimIdentity,
} from '../../../shared/case-schemas.js';
import { victimIdentitySchema } from '../../../shared/case-schemas.js';
import type { FieldCipher } from '../../platform/crypto/index.js';
import { fieldContext } from '../vault/index.js';
import { sealedChildFields, type ChildKind, type StoredChild } from './case-model.js';

// Sealed values are JSON objects sealed as one string, bound to their record and field, so a
// ciphertext copied into another case or another child does not open.

/** Seals a victim identity; null when every field is empty (nothing to protect). */
export function sealIdentity(
  cipher: FieldCipher,
  caseId: string,
  identity: VictimIdentity,
): string | null {
  const present = Object.values(identity).some((value) => value !== null);
  if (!present) return null;
  return cipher.seal(JSON.stringify(identity), fieldContext('case', caseId, 'identity'));
}

/** Opens a sealed identity (empty identity when nothing was sealed). */
export function openIdentity(
  cipher: FieldCipher,
  caseId: string,
  sealed: string | null,
): VictimIdentity {
  if (sealed === null) return victimIdentitySchema.parse({});
  const json: unknown = JSON.parse(cipher.open(sealed, fieldContext('case', caseId, 'identity')));
  return victimIdentitySchema.parse(json);
}

type ChildOf<K extends ChildKind> = K extends 'perpetrators'
  ? Perpetrator
  : K extends 'events'
    ? TipEvent
    : SupportPlan;

/** Splits a child into stored facts and a sealed blob of its identifying fields. */
export function encodeChild<K extends ChildKind>(
  cipher: FieldCipher,
  kind: K,
  caseId: string,
  id: string,
  position: number,
  child: ChildOf<K>,
): StoredChild {
  const secretNames: readonly string[] = sealedChildFields[kind];
  const facts: Record<string, unknown> = {};
  const secrets: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(child)) {
    if (secretNames.includes(key)) secrets[key] = value;
    else facts[key] = value;
  }
  const hasSecret = Object.values(secrets).some((value) => value !== null);
  const sealed = hasSecret
    ? cipher.seal(JSON.stringify(secrets), fieldContext('case', caseId, `${kind}/${id}`))
    : null;
  return { id, caseId, position, facts, sealed };
}

/**
 * Rebuilds a child. With a cipher its identifying fields are opened; without one (analytic
 * view, or the person was forgotten) they come back null.
 */
export function decodeChild<K extends ChildKind>(
  cipher: FieldCipher | null,
  kind: K,
  stored: StoredChild,
): ChildOf<K> {
  const secrets: Record<string, unknown> = Object.fromEntries(
    sealedChildFields[kind].map((name) => [name, null]),
  );
  if (cipher !== null && stored.sealed !== null) {
    const opened = JSON.parse(
      cipher.open(stored.sealed, fieldContext('case', stored.caseId, `${kind}/${stored.id}`)),
    ) as Record<string, unknown>;
    Object.assign(secrets, opened);
  }
  return { ...stored.facts, ...secrets } as ChildOf<K>;
}

/** The sections of a record that are stored as children. */
export function childrenOf(record: Pick<CaseRecord, ChildKind>): {
  [K in ChildKind]: ChildOf<K>[];
} {
  return {
    perpetrators: record.perpetrators,
    events: record.events,
    supportPlans: record.supportPlans,
  };
}
