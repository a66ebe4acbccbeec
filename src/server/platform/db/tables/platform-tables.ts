// Organisations, accounts, sessions, tokens, the audit log and data keys. Conventions: ../schema.ts.

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
