import type { Grant } from '../permission-check.js';
import { grantsAllow } from '../permission-check.js';

/**
 * Whether grants let an actor see a case held by the organisation whose ancestry (root first,
 * the holder last) is `casePath`. Case records are narrower than other objects: `case.read`
 * covers the organisation it is held in only, so a caseworker sees their own organisation's
 * cases; `case.read_subtree` (data managers) extends to the organisations below.
 */
export function grantsSeeCase(grants: readonly Grant[], casePath: readonly string[]): boolean {
  const holder = casePath.at(-1);
  if (holder === undefined) return false;
  const direct = grants.some(
    (grant) => grant.organisationId === holder && grant.verbs.includes('case.read'),
  );
  return direct || grantsAllow(grants, 'case.read_subtree', casePath);
}

/**
 * Whether grants show a visible case's identifying fields. `case.read_identifying` counts only
 * in a grant that reaches the case by itself: one held in the case's own organisation, or one
 * above it that also carries `case.read_subtree`. Otherwise a caseworker of a parent
 * organisation who is also an analyst of a child would read the child's identities, though
 * neither role shows them on its own.
 */
export function grantsSeeIdentity(grants: readonly Grant[], casePath: readonly string[]): boolean {
  const holder = casePath.at(-1);
  if (holder === undefined) return false;
  return grants.some(
    (grant) =>
      grant.verbs.includes('case.read_identifying') &&
      (grant.organisationId === holder ||
        (casePath.includes(grant.organisationId) && grant.verbs.includes('case.read_subtree'))),
  );
}

/** The organisations whose cases the grants show directly, and those shown with descendants. */
export function caseReadScopes(grants: readonly Grant[]): {
  own: readonly string[];
  subtrees: readonly string[];
} {
  return {
    own: grants.filter((g) => g.verbs.includes('case.read')).map((g) => g.organisationId),
    subtrees: grants
      .filter((g) => g.verbs.includes('case.read_subtree'))
      .map((g) => g.organisationId),
  };
}
