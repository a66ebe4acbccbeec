/** The six official UN languages, in which every user-facing text exists. */
export const languages = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;

/** A UN language code (ISO 639-1). */
export type Language = (typeof languages)[number];

/** Kinds of reporting entity, as the GLOTIP data collection distinguishes them. */
export const organisationTypes = [
  'un_mission',
  'un_entity',
  'member_state',
  'ngo',
  'international_org',
  'other',
] as const;

/** A kind of reporting entity. */
export type OrganisationType = (typeof organisationTypes)[number];

/** Outcomes an audit entry can record. */
export const auditOutcomes = ['success', 'failure', 'denied'] as const;

/** An audit entry's outcome. */
export type AuditOutcome = (typeof auditOutcomes)[number];
