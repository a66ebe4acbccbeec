import type { PermissionVerb } from '../../shared/permissions.js';
import type { Me, Organisation } from '../api/endpoints.js';

/**
 * True when the signed-in user holds `verb` somewhere. The server decides per request; the
 * UI uses this only to hide what the user cannot do. A session that must still enrol
 * two-factor can do nothing but enrol.
 */
export function hasVerb(me: Me, verb: PermissionVerb): boolean {
  if (me.twoFactorEnrolmentRequired) return false;
  return me.user.isSystemAdmin || me.memberships.some((m) => m.verbs.includes(verb));
}

/** Installation-wide actions (custom roles, top-level organisations) are system admins' alone. */
export function isSystemAdmin(me: Me): boolean {
  return !me.twoFactorEnrolmentRequired && me.user.isSystemAdmin;
}

/** The ids of `organisation` and everything below it. */
export function subtreeOf(
  organisationId: string,
  organisations: readonly Organisation[],
): string[] {
  const children = new Map<string, string[]>();
  for (const org of organisations) {
    if (org.parentId === null) continue;
    const list = children.get(org.parentId) ?? [];
    list.push(org.id);
    children.set(org.parentId, list);
  }
  const result: string[] = [];
  const queue = [organisationId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (result.includes(id)) continue;
    result.push(id);
    queue.push(...(children.get(id) ?? []));
  }
  return result;
}

/**
 * The organisations (of those visible) in which the user holds `verb`: a role held in an
 * organisation applies to its whole subtree, as on the server.
 */
export function organisationsWhere(
  me: Me,
  verb: PermissionVerb,
  organisations: readonly Organisation[],
): Organisation[] {
  if (me.twoFactorEnrolmentRequired) return [];
  if (me.user.isSystemAdmin) return [...organisations];
  const allowed = new Set<string>();
  for (const membership of me.memberships) {
    if (!membership.verbs.includes(verb)) continue;
    for (const id of subtreeOf(membership.organisationId, organisations)) allowed.add(id);
  }
  return organisations.filter((org) => allowed.has(org.id));
}

/** The ancestors of an organisation, itself included (root first). */
export function ancestryOf(
  organisationId: string,
  organisations: readonly Organisation[],
): string[] {
  const byId = new Map(organisations.map((org) => [org.id, org]));
  const path: string[] = [];
  for (
    let current = byId.get(organisationId);
    current !== undefined && !path.includes(current.id);
    current = current.parentId === null ? undefined : byId.get(current.parentId)
  ) {
    path.unshift(current.id);
  }
  return path;
}

/** The verbs the user holds in an organisation (through it or any ancestor). */
export function verbsIn(
  me: Me,
  organisationId: string,
  organisations: readonly Organisation[],
): Set<PermissionVerb> {
  const path = ancestryOf(organisationId, organisations);
  const verbs = new Set<PermissionVerb>();
  for (const membership of me.memberships) {
    if (path.includes(membership.organisationId)) {
      for (const verb of membership.verbs) verbs.add(verb);
    }
  }
  return verbs;
}
