import i18next from 'i18next';
import { builtInRoleNames, type PermissionVerb } from '../../shared/permissions.js';
import type { AuditOutcome, OrganisationType } from '../../shared/vocabulary.js';

/** A role's display name: built-in roles are translated, custom ones are shown as named. */
export function roleLabel(name: string): string {
  return (builtInRoleNames as readonly string[]).includes(name)
    ? i18next.t(`roles.names.${name}`)
    : name;
}

/** A permission verb in words (`org.read` → "View organisations"). */
export function verbLabel(verb: PermissionVerb): string {
  return i18next.t(`verbs.${verb}`);
}

/** The noun part of a verb, in words (`org` → "Organisations"). */
export function nounLabel(noun: string): string {
  return i18next.t(`nouns.${noun}`);
}

/** A kind of organisation in words. */
export function organisationTypeLabel(type: OrganisationType): string {
  return i18next.t(`organisationTypes.${type}`);
}

/** An audit outcome in words. */
export function outcomeLabel(outcome: AuditOutcome): string {
  return i18next.t(`audit.outcomes.${outcome}`);
}

/**
 * An audit action in words; an action this build does not know yet (a newer server) is shown
 * as its identifier rather than hidden.
 */
export function auditActionLabel(action: string): string {
  const key = `audit.actions.${action}`;
  return i18next.exists(key) ? i18next.t(key) : action;
}

/** What an audit entry is about (user, role…), in words, or the stored type. */
export function targetTypeLabel(type: string): string {
  const key = `audit.targetTypes.${type}`;
  return i18next.exists(key) ? i18next.t(key) : type;
}
