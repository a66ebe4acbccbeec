// GLOTIP data sets and returns: cells, versions, workflow events, warning comments. Conventions: ../schema.ts.

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
