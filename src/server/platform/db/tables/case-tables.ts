// Victim cases and what hangs off them: crises, imports, children, consents, screenings, referrals. Conventions: ../schema.ts.

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
  /** The allow-list version the stored report was withheld under (0: none; see migration). */
  report_withheld: number;
  error_code: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
  /** When the process running the job last said it was alive (see the migration). */
  heartbeat_at: string | null;
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
  /** Keyed hash of the client's Idempotency-Key, unique per case (null: none sent). */
  submission_key: string | null;
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
  /** Keyed hash of the client's Idempotency-Key, unique per case (null: none sent). */
  submission_key: string | null;
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
  /** Keyed hash of the client's Idempotency-Key, scoped to its user (null: none sent). */
  submission_key: string | null;
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
  /** Keyed hash of the client's Idempotency-Key (API referrals that sent one), unique per case. */
  submission_key: string | null;
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

/** What a keyed creating request carried (see migration 20261207-04). */
export interface SubmissionsTable {
  scope: string;
  /** Keyed hash of the client's Idempotency-Key, scoped to its user. */
  key_hash: string;
  /** Keyed hash of the request's parsed content. */
  body_hash: string;
  /** The case the submission concerns (null: a service provider). */
  case_id: string | null;
  created_at: string;
}
