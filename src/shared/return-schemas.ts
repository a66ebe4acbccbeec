import { z } from 'zod';
import { idSchema, languageSchema, pageQuerySchema } from './common-schemas.js';
import { glotipCellKeySchema, glotipCellValueSchema } from './glotip-schemas.js';
import {
  glotipAges,
  glotipDimensions,
  glotipIndicators,
  glotipSexes,
  returnSources,
  returnStatuses,
  ruleImportances,
} from './glotip-vocabulary.js';
import { organisationTypes } from './vocabulary.js';

/**
 * API contracts of GLOTIP returns (decision 0005): one return per data set × reporting entity ×
 * year, its cells, its workflow (draft → submitted → returned | accepted → approved → published),
 * immutable versions, completeness and the statistics query.
 */

/** A reporting year. GLOTIP collects from 2003; older years are refused. */
export const returnYearSchema = z.number().int().min(2000).max(2100);

// The cell key and value schemas live with the GLOTIP vocabulary; re-exported here so that a
// client of the returns API finds its whole contract in one file.
export { glotipCellKeySchema, glotipCellValueSchema };
export type GlotipCellKeyInput = z.output<typeof glotipCellKeySchema>;
export type GlotipCellValueInput = z.output<typeof glotipCellValueSchema>;

/** Why an entered value differs from the one derived from case records. Not personal data. */
export const overrideReasonTextSchema = z.string().trim().min(3).max(2000);

/** The actions on a return; `GET /api/returns/:id` lists those the actor may take now. */
export const returnActions = [
  'edit',
  'submit',
  'return',
  'accept',
  'approve',
  'publish',
  'reopen',
] as const;
export type ReturnAction = (typeof returnActions)[number];

/** Workflow events recorded in a return's history (`create` and `import` are not actions). */
export const returnEventKinds = ['create', 'import', ...returnActions] as const;
export type ReturnEventKind = (typeof returnEventKinds)[number];

// ---------------------------------------------------------------------------------------------
// Requests

/** `POST /api/returns` body. */
export const createReturnBodySchema = z.strictObject({
  organisationId: idSchema,
  year: returnYearSchema,
});

/** `GET /api/returns` query. */
export const returnListQuerySchema = pageQuerySchema.extend({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  organisationId: idSchema.optional(),
  status: z.enum(returnStatuses).optional(),
});
export type ReturnListQuery = z.output<typeof returnListQuerySchema>;

/** `GET /api/returns/:id` query: the language of rule messages (default: the user's own). */
export const returnDetailQuerySchema = z.strictObject({ lang: languageSchema.optional() });

/** One cell to write. Cells not named keep their values (replace-given-cells semantics). */
export const returnCellInputSchema = z.strictObject({
  key: glotipCellKeySchema,
  /** `null` deletes the cell (it becomes "not reported"). */
  value: glotipCellValueSchema.nullable(),
  /** Required when the value differs from the derived one; kept beside both. */
  overrideReason: overrideReasonTextSchema.nullable().optional(),
});
export type ReturnCellInput = z.output<typeof returnCellInputSchema>;

/** `PUT /api/returns/:id/cells` body. */
export const returnCellsBodySchema = z.strictObject({
  cells: z.array(returnCellInputSchema).min(1).max(5000),
});

const commentSchema = z.string().trim().min(1).max(5000);

/** `POST /api/returns/:id/submit` body: one comment per warning, keyed by violation subject. */
export const submitReturnBodySchema = z.strictObject({
  warningComments: z.record(z.string().min(1).max(300), commentSchema).default({}),
});

/** `POST /api/returns/:id/return` body: sending back always says why. */
export const sendBackReturnBodySchema = z.strictObject({ comment: commentSchema });

/** `POST /api/returns/:id/accept|approve|publish` body: an optional comment. */
export const decisionBodySchema = z.strictObject({ comment: commentSchema.optional() });

/** `POST /api/returns/:id/reopen` body. */
export const reopenReturnBodySchema = z.strictObject({
  reason: z.string().trim().min(10, 'Explain the reopening in at least 10 characters').max(5000),
});

/** `GET /api/returns/completeness` query. */
export const completenessQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
});

/** `GET /api/stats/glotip` query; every filter is optional and they combine with AND. */
export const glotipStatsQuerySchema = pageQuerySchema.extend({
  indicator: z.enum(glotipIndicators).optional(),
  /** ISO3 of the reporting entity's country. */
  country: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  dimension: z.enum(glotipDimensions).optional(),
  category: z.string().min(1).max(40).optional(),
  sex: z.enum(glotipSexes).optional(),
  age: z.enum(glotipAges).optional(),
  organisationId: idSchema.optional(),
});
export type GlotipStatsQuery = z.output<typeof glotipStatsQuerySchema>;

// ---------------------------------------------------------------------------------------------
// Responses

/** A data set definition: the cells a return of it may hold. */
export const dataSetResponseSchema = z.object({
  code: z.string(),
  version: z.number().int(),
  name: z.string(),
  /** Every cell key the definition allows for fixed categories (countries are open-ended). */
  cells: z.array(glotipCellKeySchema),
  /** The definition as stored (core's `DataSetDefinition`), for clients that render forms. */
  definition: z.record(z.string(), z.unknown()),
});
export type DataSetResponse = z.output<typeof dataSetResponseSchema>;

/** A validation rule, its message template in the requested language. */
export const ruleResponseSchema = z.object({
  id: z.string(),
  importance: z.enum(ruleImportances),
  description: z.string(),
});
export type RuleResponse = z.output<typeof ruleResponseSchema>;

/** One stored cell. */
export const returnCellResponseSchema = z.object({
  key: glotipCellKeySchema,
  value: glotipCellValueSchema,
  /** The value derived from case records, or null when the cell was not derived. */
  derivedValue: z.number().int().nullable(),
  /** How many case records the derived value counts. */
  recordCount: z.number().int().nullable(),
  overrideReason: z.string().nullable(),
  /** The text the value was read from (dataUNODC `txtVALUE`, e.g. `<5`, `1,173`). */
  rawText: z.string().nullable(),
});
export type ReturnCellResponse = z.output<typeof returnCellResponseSchema>;

/** A rule violation on the current cells, with its message and any warning comment. */
export const returnViolationSchema = z.object({
  ruleId: z.string(),
  importance: z.enum(ruleImportances),
  subject: z.string(),
  cells: z.array(glotipCellKeySchema),
  params: z.record(z.string(), z.unknown()),
  message: z.string(),
  /** The comment given for this warning at the last submission, if any. */
  comment: z.string().nullable(),
});
export type ReturnViolation = z.output<typeof returnViolationSchema>;

/** One workflow step in a return's history. */
export const returnEventSchema = z.object({
  action: z.enum(returnEventKinds),
  fromStatus: z.enum(returnStatuses).nullable(),
  toStatus: z.enum(returnStatuses),
  version: z.number().int(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** The hierarchy level the actor acted at (the reporting entity, or an ancestor). */
  levelOrganisationId: idSchema.nullable(),
  levelOrganisationName: z.string().nullable(),
  comment: z.string().nullable(),
  at: z.string(),
});
export type ReturnEvent = z.output<typeof returnEventSchema>;

/** A return as lists show it. */
export const returnSummarySchema = z.object({
  id: idSchema,
  dataSetCode: z.string(),
  dataSetVersion: z.number().int(),
  organisationId: idSchema,
  organisationName: z.string(),
  organisationType: z.enum(organisationTypes),
  country: z.string().nullable(),
  year: z.number().int(),
  status: z.enum(returnStatuses),
  /** Accepted, approved and published returns: no cell may change until reopened. */
  locked: z.boolean(),
  version: z.number().int(),
  source: z.enum(returnSources),
  sourceNote: z.string().nullable(),
  synthetic: z.boolean(),
  dueDate: z.string(),
  submittedAt: z.string().nullable(),
  cellCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReturnSummary = z.output<typeof returnSummarySchema>;

/** The organisations that accept and approve a return (its approval levels). */
export const approvalLevelsSchema = z.object({
  accept: z.object({ organisationId: idSchema, organisationName: z.string() }),
  approve: z.object({ organisationId: idSchema, organisationName: z.string() }),
});

/** `GET /api/returns/:id`. */
export const returnDetailSchema = returnSummarySchema.extend({
  cells: z.array(returnCellResponseSchema),
  violations: z.array(returnViolationSchema),
  history: z.array(returnEventSchema),
  /** What the actor may do now; the UI shows exactly these buttons. */
  actions: z.array(z.enum(returnActions)),
  approvalLevels: approvalLevelsSchema,
  /** The last sealed (accepted or later) version, which `/diff` compares against. */
  lastSealedVersion: z.number().int().nullable(),
});
export type ReturnDetail = z.output<typeof returnDetailSchema>;

/** A sealed version: written once when the return locks, never changed. */
export const returnVersionSummarySchema = z.object({
  version: z.number().int(),
  status: z.enum(returnStatuses),
  cellCount: z.number().int(),
  /** SHA-256 of the canonical JSON of the cells. */
  hash: z.string(),
  sealedAt: z.string(),
  sealedBy: z.string().nullable(),
});
export type ReturnVersionSummary = z.output<typeof returnVersionSummarySchema>;

/** `GET /api/returns/:id/versions/:version`. */
export const returnVersionSchema = returnVersionSummarySchema.extend({
  returnId: idSchema,
  cells: z.array(returnCellResponseSchema),
});
export type ReturnVersion = z.output<typeof returnVersionSchema>;

/** One changed cell; `before`/`after` are null where the cell was absent. */
export const cellChangeSchema = z.object({
  key: glotipCellKeySchema,
  before: glotipCellValueSchema.nullable(),
  after: glotipCellValueSchema.nullable(),
});

/** `GET /api/returns/:id/diff`: current cells against the last sealed version. */
export const returnDiffSchema = z.object({
  returnId: idSchema,
  fromVersion: z.number().int().nullable(),
  toVersion: z.number().int(),
  changes: z.array(cellChangeSchema),
});
export type ReturnDiff = z.output<typeof returnDiffSchema>;

/** `GET /api/returns/inbox`: returns awaiting an action the actor can take. */
export const returnInboxItemSchema = returnSummarySchema.extend({
  actions: z.array(z.enum(returnActions)),
});

/** One reporting entity's line of `GET /api/returns/completeness`. */
export const completenessEntrySchema = z.object({
  organisationId: idSchema,
  organisationName: z.string(),
  organisationType: z.enum(organisationTypes),
  returnId: idSchema.nullable(),
  status: z.enum(returnStatuses).nullable(),
  /** Cells of the fixed tables (without detailed forms and country rows). */
  expectedCells: z.number().int(),
  /** Expected cells holding a count, a censored value or "not applicable". */
  reportedCells: z.number().int(),
  /** Expected cells marked "not available" (missing, but said so). */
  notAvailableCells: z.number().int(),
  /** reportedCells / expectedCells, 0 to 1. */
  share: z.number(),
  dueDate: z.string(),
  submittedAt: z.string().nullable(),
  /** Null for figures imported as published (they were never submitted). */
  timeliness: z.enum(['on_time', 'late', 'not_yet_due', 'overdue']).nullable(),
  /** Whole days past the due date when late or overdue. */
  daysLate: z.number().int().nullable(),
  /** Submitted by the due date; false when late or overdue; null while not yet due. */
  onTime: z.boolean().nullable(),
});

/** `GET /api/returns/completeness`. */
export const completenessResponseSchema = z.object({
  year: z.number().int(),
  expectedEntities: z.number().int(),
  entitiesWithReturn: z.number().int(),
  entitiesSubmitted: z.number().int(),
  entitiesOnTime: z.number().int(),
  entries: z.array(completenessEntrySchema),
});
export type CompletenessResponse = z.output<typeof completenessResponseSchema>;

/** One cell of `GET /api/stats/glotip`, flat for tables and charts. */
export const glotipStatsCellSchema = z.object({
  returnId: idSchema,
  organisationId: idSchema,
  organisationName: z.string(),
  organisationType: z.enum(organisationTypes),
  country: z.string().nullable(),
  year: z.number().int(),
  status: z.enum(returnStatuses),
  source: z.enum(returnSources),
  synthetic: z.boolean(),
  key: glotipCellKeySchema,
  value: glotipCellValueSchema,
  /** True for `<5`-style values: the truth lies in [lower, upper]. */
  censored: z.boolean(),
  /** Bounds for counts (lower = upper = value) and censored values; null when no figure. */
  lower: z.number().int().nullable(),
  upper: z.number().int().nullable(),
});
export type GlotipStatsCell = z.output<typeof glotipStatsCellSchema>;

/** `GET /api/stats/glotip`. */
export const glotipStatsResponseSchema = z.object({
  items: z.array(glotipStatsCellSchema),
  total: z.number().int(),
});

/** `GET /api/returns`. */
export const returnListResponseSchema = z.object({
  items: z.array(returnSummarySchema),
  total: z.number().int(),
});

/** `GET /api/returns/inbox`. */
export const returnInboxResponseSchema = z.object({ items: z.array(returnInboxItemSchema) });

/** `GET /api/returns/:id/versions`. */
export const returnVersionListSchema = z.object({ items: z.array(returnVersionSummarySchema) });

/** `GET /api/glotip/data-sets`. */
export const dataSetListSchema = z.object({ items: z.array(dataSetResponseSchema) });

/** `GET /api/glotip/rules`. */
export const ruleListSchema = z.object({ items: z.array(ruleResponseSchema) });

/** `GET /api/glotip/rules` query: the language of descriptions (default: the user's own). */
export const ruleListQuerySchema = z.strictObject({ lang: languageSchema.optional() });
