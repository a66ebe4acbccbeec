// The source note of a derived return, written by the server and read by the web app; kept free
// of zod so that the browser bundle can import it.

/**
 * The source note of a return derived from case records. It names the counting policy, with
 * its id in brackets at the end, where `policyIdOfSourceNote` reads it back.
 */
export function derivationSourceNote(policy: { id: string; name: string }): string {
  return `Derived from case records under the counting policy "${policy.name}" (${policy.id}).`;
}

/**
 * The counting policy a derived return's source note names (one of `policyIds`), or null when
 * the note names none of them (a return entered by hand or imported).
 */
export function policyIdOfSourceNote(
  note: string | null,
  policyIds: readonly string[],
): string | null {
  if (note === null) return null;
  return policyIds.find((id) => note.endsWith(`(${id}).`)) ?? null;
}
