import type { PermissionVerb } from '../shared/permissions.js';
import type { Grant } from './permission-check.js';

/**
 * What an API token may do: what its owner may do today in the token's organisation, narrowed
 * to the token's verbs. A grant the owner holds in the token's organisation counts as it is. A
 * grant held above it reaches the token's organisation the way it reaches it for the owner,
 * which is not the same for every verb: `case.read` covers the cases of the organisation that
 * holds the grant only, and `case.read_identifying` counts below it only beside
 * `case.read_subtree` (core/cases/case-access.ts). Moved down to the token's organisation as
 * they are, those two would show a child organisation's cases, and their identities, to a
 * caseworker of its parent. Grants held below the token's organisation are not the token's.
 */
export function grantsForToken(input: {
  ownerGrants: readonly Grant[];
  ownerIsSystemAdmin: boolean;
  /** The token's organisation's ancestry, root first, the organisation itself last. */
  organisationPath: readonly string[];
  verbs: readonly PermissionVerb[];
}): Grant[] {
  const organisationId = input.organisationPath.at(-1);
  if (organisationId === undefined) return [];
  if (input.ownerIsSystemAdmin) return [{ organisationId, verbs: [...new Set(input.verbs)] }];
  const held = new Set<PermissionVerb>();
  for (const grant of input.ownerGrants) {
    if (grant.organisationId === organisationId) {
      for (const verb of grant.verbs) held.add(verb);
    } else if (input.organisationPath.includes(grant.organisationId)) {
      for (const verb of grant.verbs) {
        if (verb === 'case.read') continue;
        if (verb === 'case.read_identifying' && !grant.verbs.includes('case.read_subtree'))
          continue;
        held.add(verb);
      }
    }
  }
  const verbs = [...new Set(input.verbs)].filter((verb) => held.has(verb));
  return verbs.length === 0 ? [] : [{ organisationId, verbs }];
}
