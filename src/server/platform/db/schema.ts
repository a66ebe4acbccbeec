// Column conventions shared by both databases (docs/database.md): identifiers are UUID text,
// timestamps are ISO 8601 UTC text (`toISOString()`, which sorts correctly as text), booleans are
// integers 0/1 and lists are JSON text. This keeps every query identical on SQLite and PostgreSQL.

export interface OrganisationsTable {
  id: string;
  name: string;
  slug: string;
  type: string;
  country: string | null;
  parent_id: string | null;
  /** Materialised path of ancestor ids, root first: `/a/b/c/` (this organisation last). */
  path: string;
  require_two_factor: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  language: string;
  password_hash: string;
  password_changed_at: string;
  is_system_admin: number;
  disabled: number;
  data_key_id: string | null;
  totp_secret_sealed: string | null;
  totp_pending_sealed: string | null;
  totp_enabled_at: string | null;
  /** The last accepted TOTP time step; a code from this step or earlier is a replay. */
  totp_last_step: number | null;
  created_at: string;
  updated_at: string;
}

export interface RolesTable {
  name: string;
  verbs: string;
  built_in: number;
  created_at: string;
}

export interface MembershipsTable {
  id: string;
  user_id: string;
  organisation_id: string;
  role: string;
  created_at: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  enrolment_only: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface LoginChallengesTable {
  id_hash: string;
  user_id: string;
  attempts: number;
  expires_at: string;
  consumed_at: string | null;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  name: string;
  user_id: string;
  organisation_id: string;
  verbs: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface LoginFailuresTable {
  id: string;
  /** `account` or `address`; the key is a keyed hash, never the email or IP itself. */
  key_kind: string;
  key_hash: string;
  at: string;
}

export interface AuditEntriesTable {
  seq: number;
  at: string;
  actor_type: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  organisation_id: string | null;
  request_id: string | null;
  outcome: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface DataKeysTable {
  id: string;
  wrapped: string | null;
  master_key_id: string | null;
  created_at: string;
  shredded_at: string | null;
}

/** Every table Vigil owns, as Kysely sees them. */
export interface CrisesTable {
  id: string;
  name: string;
  /** JSON array of ISO alpha-3 codes. */
  countries: string;
  start_date: string;
  end_date: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImportJobsTable {
  id: string;
  organisation_id: string;
  format: string;
  file_hash: string;
  dry_run: number;
  status: string;
  total_rows: number;
  processed_rows: number;
  imported_rows: number;
  duplicate_rows: number;
  rejected_rows: number;
  data_key_id: string | null;
  report_sealed: string | null;
  error_code: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
}

/** One victim case: the victim person and context in plain analytic columns plus one sealed blob. */
export interface CasesTable {
  id: string;
  organisation_id: string;
  case_number: string;
  status: string;
  registration_year: number;
  registered_on: string | null;
  data_source: string | null;
  synthetic: number;
  import_job_id: string | null;
  source_key: string | null;
  data_key_id: string;
  identity_sealed: string | null;
  gender: string;
  age_at_identification: number | null;
  age_when_trafficked: number | null;
  age_band: string | null;
  majority_status: string | null;
  majority_status_at_exploitation: string | null;
  majority_status_at_entry: string | null;
  primary_language: string | null;
  citizenship: string;
  primary_citizenship: string | null;
  trafficking_status: string | null;
  status_decided_by: string | null;
  relationship_to_trafficker: string | null;
  recruiter_relations: string | null;
  recruitment_methods: string | null;
  control_methods: string | null;
  exploitation_types: string | null;
  labour_sectors: string | null;
  sex_exploitation_types: string | null;
  abducted: number | null;
  exploitation_duration: string | null;
  country_of_exploitation: string | null;
  displacement_status: string | null;
  conflict_related: string;
  conflict_bases: string;
  crisis_id: string | null;
  forgotten_at: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Perpetrators, events and support plans share one shape: JSON facts plus sealed text. */
export interface CaseChildTable {
  id: string;
  case_id: string;
  position: number;
  facts: string;
  sealed: string | null;
}

export interface ConsentsTable {
  id: string;
  case_id: string;
  purpose: string;
  granted: number;
  given_by: string;
  prompts: string;
  recorded_at: string;
  recorded_by: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface ConsentOverridesTable {
  id: string;
  case_id: string;
  purpose: string;
  action: string;
  reason_sealed: string | null;
  user_id: string;
  created_at: string;
}

export interface ScreeningsTable {
  id: string;
  case_id: string;
  indicator_set_id: string;
  indicator_set_version: string;
  profile: string;
  indicators: string;
  result_class: string;
  result: string;
  created_by: string | null;
  created_at: string;
}

export interface ServiceProvidersTable {
  id: string;
  organisation_id: string;
  name: string;
  kinds: string;
  country: string;
  recipient_organisation_id: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface ReferralsTable {
  id: string;
  case_id: string;
  organisation_id: string;
  provider_id: string;
  recipient_organisation_id: string;
  service_kind: string;
  status: string;
  packet_sealed: string | null;
  consent_overridden: number;
  acknowledge_by: string;
  sent_at: string;
  acknowledged_at: string | null;
  updated_at: string;
  created_by: string | null;
}

export interface BreakGlassGrantsTable {
  id: string;
  case_id: string;
  user_id: string;
  reason_sealed: string | null;
  created_at: string;
  expires_at: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  organisation_id: string;
  kind: string;
  target_type: string;
  target_id: string;
  created_at: string;
  read_at: string | null;
}

export interface CaseNumberCountersTable {
  organisation_id: string;
  year: number;
  next_value: number;
}

/** GLOTIP data set definitions (decision 0005), one row per code and version. */
export interface GlotipDataSetsTable {
  code: string;
  version: number;
  name: string;
  /** The core `DataSetDefinition` as JSON. */
  definition: string;
  created_at: string;
}

/** A GLOTIP return: one per data set × reporting entity × year. */
export interface GlotipReturnsTable {
  id: string;
  data_set_code: string;
  data_set_version: number;
  organisation_id: string;
  year: number;
  status: string;
  version: number;
  source: string;
  source_note: string | null;
  synthetic: number;
  due_date: string;
  first_submitted_at: string | null;
  accepted_by: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** The current cells of a return; `cell_key` is `cellKeyString(key)`. */
export interface GlotipReturnCellsTable {
  return_id: string;
  cell_key: string;
  indicator: string;
  dimension: string;
  category: string;
  sex: string;
  age: string;
  kind: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  raw_text: string | null;
  derived_value: number | null;
  record_count: number | null;
  override_reason: string | null;
  updated_at: string;
}

/** Sealed versions of a return (append-only: triggers refuse UPDATE and DELETE). */
export interface GlotipReturnVersionsTable {
  return_id: string;
  version: number;
  status: string;
  cells: string;
  hash: string;
  cell_count: number;
  sealed_by: string | null;
  sealed_at: string;
}

/** Workflow history of a return (append-only). */
export interface GlotipReturnEventsTable {
  id: string;
  return_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string;
  version: number;
  actor_type: string;
  actor_id: string | null;
  level_organisation_id: string | null;
  comment: string | null;
  at: string;
}

/** The comment a submitter gave for one warning of one version. */
export interface GlotipWarningCommentsTable {
  return_id: string;
  version: number;
  subject: string;
  rule_id: string;
  comment: string;
  created_by: string | null;
  created_at: string;
}

/** One cuboid of the case cube: its cells packed into one text value (modules/stats). */
export interface CaseCubeCuboidsTable {
  cuboid: string;
  cells: string;
  cell_count: number;
  updated_at: string;
}

/** A signed change to the case cube, appended by a case write; folded in, then deleted. */
export interface CaseCubeChangesTable {
  id: string;
  organisation_id: string;
  weight: number;
  year: string;
  country: string;
  citizenship: string;
  sex: string;
  age: string;
  exploitation: string;
  conflict: string;
  crisis: string;
  displacement: string;
  status: string;
}

/** A write counter per organisation ('*' for rebuilds): the cube's freshness stamp. */
export interface CaseCubeVersionsTable {
  scope: string;
  version: number;
}

/** Population of a country in a year (public data, imported from CSV) for rates per 100,000. */
export interface PopulationsTable {
  country: string;
  year: number;
  population: number;
  source: string | null;
  updated_at: string;
}

export interface Schema {
  organisations: OrganisationsTable;
  users: UsersTable;
  roles: RolesTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  login_challenges: LoginChallengesTable;
  recovery_codes: RecoveryCodesTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  audit_entries: AuditEntriesTable;
  audit_head: AuditHeadTable;
  data_keys: DataKeysTable;
  crises: CrisesTable;
  import_jobs: ImportJobsTable;
  cases: CasesTable;
  case_perpetrators: CaseChildTable;
  case_events: CaseChildTable;
  case_support_plans: CaseChildTable;
  consents: ConsentsTable;
  consent_overrides: ConsentOverridesTable;
  screenings: ScreeningsTable;
  service_providers: ServiceProvidersTable;
  referrals: ReferralsTable;
  break_glass_grants: BreakGlassGrantsTable;
  notifications: NotificationsTable;
  case_number_counters: CaseNumberCountersTable;
  glotip_data_sets: GlotipDataSetsTable;
  glotip_returns: GlotipReturnsTable;
  glotip_return_cells: GlotipReturnCellsTable;
  glotip_return_versions: GlotipReturnVersionsTable;
  glotip_return_events: GlotipReturnEventsTable;
  glotip_warning_comments: GlotipWarningCommentsTable;
  case_cube_cuboids: CaseCubeCuboidsTable;
  case_cube_changes: CaseCubeChangesTable;
  case_cube_versions: CaseCubeVersionsTable;
  populations: PopulationsTable;
}
