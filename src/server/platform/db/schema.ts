// Column conventions shared by both databases (docs/database.md): identifiers are UUID text,
// timestamps are ISO 8601 UTC text (`toISOString()`, which sorts correctly as text), booleans are
// integers 0/1 and lists are JSON text. This keeps every query identical on SQLite and PostgreSQL.
//
// The table types live in tables/, one file per part of the system; this file gathers them.

import type * as Platform from './tables/platform-tables.js';
import type * as Cases from './tables/case-tables.js';
import type * as Glotip from './tables/glotip-tables.js';
import type * as Stats from './tables/stats-tables.js';

export type * from './tables/platform-tables.js';
export type * from './tables/case-tables.js';
export type * from './tables/glotip-tables.js';
export type * from './tables/stats-tables.js';

/** Every table Vigil owns, as Kysely sees them. */
export interface Schema {
  organisations: Platform.OrganisationsTable;
  users: Platform.UsersTable;
  roles: Platform.RolesTable;
  memberships: Platform.MembershipsTable;
  sessions: Platform.SessionsTable;
  login_challenges: Platform.LoginChallengesTable;
  recovery_codes: Platform.RecoveryCodesTable;
  api_tokens: Platform.ApiTokensTable;
  login_failures: Platform.LoginFailuresTable;
  audit_entries: Platform.AuditEntriesTable;
  audit_head: Platform.AuditHeadTable;
  data_keys: Platform.DataKeysTable;
  crises: Cases.CrisesTable;
  import_jobs: Cases.ImportJobsTable;
  cases: Cases.CasesTable;
  case_perpetrators: Cases.CaseChildTable;
  case_events: Cases.CaseChildTable;
  case_support_plans: Cases.CaseChildTable;
  consents: Cases.ConsentsTable;
  consent_overrides: Cases.ConsentOverridesTable;
  screenings: Cases.ScreeningsTable;
  service_providers: Cases.ServiceProvidersTable;
  referrals: Cases.ReferralsTable;
  break_glass_grants: Cases.BreakGlassGrantsTable;
  notifications: Cases.NotificationsTable;
  case_number_counters: Cases.CaseNumberCountersTable;
  submissions: Cases.SubmissionsTable;
  glotip_data_sets: Glotip.GlotipDataSetsTable;
  glotip_returns: Glotip.GlotipReturnsTable;
  glotip_return_cells: Glotip.GlotipReturnCellsTable;
  glotip_return_versions: Glotip.GlotipReturnVersionsTable;
  glotip_return_events: Glotip.GlotipReturnEventsTable;
  glotip_warning_comments: Glotip.GlotipWarningCommentsTable;
  case_cube_cuboids: Stats.CaseCubeCuboidsTable;
  case_cube_changes: Stats.CaseCubeChangesTable;
  case_cube_versions: Stats.CaseCubeVersionsTable;
  populations: Stats.PopulationsTable;
}
