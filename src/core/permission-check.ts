import type { PermissionVerb } from '../shared/permissions.js';

/** Verbs granted to an actor in one organisation; they extend to its descendants. */
export interface Grant {
  organisationId: string;
  verbs: readonly PermissionVerb[];
}

/**
 * True when a grant covers `verb` in the organisation whose ancestry (root first, itself last)
 * is `organisationPath`. A role held in an organisation applies to its whole subtree, as in
 * DHIS2's organisation-unit hierarchy: a national rapporteur sees the NGOs under them.
 */
export function grantsAllow(
  grants: readonly Grant[],
  verb: PermissionVerb,
  organisationPath: readonly string[],
): boolean {
  return grants.some(
    (grant) => organisationPath.includes(grant.organisationId) && grant.verbs.includes(verb),
  );
}

/** Organisations in which the actor holds `verb` directly (their subtrees are implied). */
export function organisationsWithVerb(
  grants: readonly Grant[],
  verb: PermissionVerb,
): readonly string[] {
  return grants.filter((grant) => grant.verbs.includes(verb)).map((grant) => grant.organisationId);
}
