import type { CellChange } from '../../../core/glotip/index.js';
import type { DataSetDefinition } from '../../../core/glotip/index.js';
import type { GlotipCellKey, GlotipCellValue } from '../../../shared/glotip-vocabulary.js';
import type {
  CompletenessResponse,
  DataSetResponse,
  GlotipStatsCell,
  ReturnAction,
  ReturnCellResponse,
  ReturnDetail,
  ReturnDiff,
  ReturnEvent,
  ReturnSummary,
  ReturnVersion,
  ReturnVersionSummary,
} from '../../../shared/return-schemas.js';
import type { CompletenessReport } from './return-insight-service.js';
import type { StatsCellRow } from './return-insight-repo.js';
import {
  isLocked,
  type SealedVersion,
  type StoredCell,
  type StoredEvent,
  type StoredReturn,
} from './return-model.js';
import type { ReturnDetailView } from './return-read-service.js';

// Allow-lists of what crosses the wire. The row lock holder (`acceptedBy`), the creator and the
// entity's materialised path stay private; names of people appear only in the history.

const key = (k: GlotipCellKey): GlotipCellKey => ({
  indicator: k.indicator,
  dimension: k.dimension,
  category: k.category,
  sex: k.sex,
  age: k.age,
});

const value = (v: GlotipCellValue): GlotipCellValue => {
  switch (v.kind) {
    case 'count':
      return { kind: 'count', value: v.value };
    case 'censored':
      return { kind: 'censored', lower: v.lower, upper: v.upper };
    case 'not_available':
    case 'not_applicable':
      return { kind: v.kind };
  }
};

/** A return in lists. */
export function presentReturnSummary(ret: StoredReturn): ReturnSummary {
  return {
    id: ret.id,
    dataSetCode: ret.dataSetCode,
    dataSetVersion: ret.dataSetVersion,
    organisationId: ret.organisationId,
    organisationName: ret.organisationName,
    organisationType: ret.organisationType,
    country: ret.country,
    year: ret.year,
    status: ret.status,
    locked: isLocked(ret.status),
    version: ret.version,
    source: ret.source,
    sourceNote: ret.sourceNote,
    synthetic: ret.synthetic,
    dueDate: ret.dueDate,
    submittedAt: ret.firstSubmittedAt,
    cellCount: ret.cellCount,
    createdAt: ret.createdAt,
    updatedAt: ret.updatedAt,
  };
}

/** One cell. */
export function presentCell(cell: StoredCell): ReturnCellResponse {
  return {
    key: key(cell.key),
    value: value(cell.value),
    derivedValue: cell.derivedValue,
    recordCount: cell.recordCount,
    overrideReason: cell.overrideReason,
    rawText: cell.rawText,
  };
}

function presentEvent(event: StoredEvent): ReturnEvent {
  return {
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    version: event.version,
    actorId: event.actorId,
    actorName: event.actorName,
    levelOrganisationId: event.levelOrganisationId,
    levelOrganisationName: event.levelOrganisationName,
    comment: event.comment,
    at: event.at,
  };
}

/** `GET /api/returns/:id`. */
export function presentReturnDetail(view: ReturnDetailView): ReturnDetail {
  return {
    ...presentReturnSummary(view.ret),
    cells: view.cells.map(presentCell),
    violations: view.violations.map((v) => ({
      ruleId: v.ruleId,
      importance: v.importance,
      subject: v.subject,
      cells: v.cells.map(key),
      params: { ...v.params },
      message: v.message,
      comment: v.comment,
    })),
    history: view.history.map(presentEvent),
    actions: view.actions,
    approvalLevels: {
      accept: { organisationId: view.levels.accept.id, organisationName: view.levels.accept.name },
      approve: {
        organisationId: view.levels.approve.id,
        organisationName: view.levels.approve.name,
      },
    },
    lastSealedVersion: view.lastSealedVersion,
  };
}

/** A sealed version's header. */
export function presentVersionSummary(version: SealedVersion): ReturnVersionSummary {
  return {
    version: version.version,
    status: version.status,
    cellCount: version.cellCount,
    hash: version.hash,
    sealedAt: version.sealedAt,
    sealedBy: version.sealedBy,
  };
}

/** A sealed version with its cells. */
export function presentVersion(version: SealedVersion & { cells: StoredCell[] }): ReturnVersion {
  return {
    ...presentVersionSummary(version),
    returnId: version.returnId,
    cells: version.cells.map(presentCell),
  };
}

/** The diff against the last sealed version. */
export function presentDiff(
  returnId: string,
  diff: { fromVersion: number | null; toVersion: number; changes: CellChange[] },
): ReturnDiff {
  return {
    returnId,
    fromVersion: diff.fromVersion,
    toVersion: diff.toVersion,
    changes: diff.changes.map((change) => ({
      key: key(change.key),
      before: change.before === null ? null : value(change.before),
      after: change.after === null ? null : value(change.after),
    })),
  };
}

/** An inbox line. */
export function presentInboxItem(item: { ret: StoredReturn; actions: ReturnAction[] }) {
  return { ...presentReturnSummary(item.ret), actions: item.actions };
}

/** A data set with its fixed cells. */
export function presentDataSet(item: {
  definition: DataSetDefinition;
  cells: GlotipCellKey[];
}): DataSetResponse {
  return {
    code: item.definition.code,
    version: item.definition.version,
    name: item.definition.name,
    cells: item.cells.map(key),
    definition: JSON.parse(JSON.stringify(item.definition)) as Record<string, unknown>,
  };
}

/** Completeness of a year. */
export function presentCompleteness(report: CompletenessReport): CompletenessResponse {
  return {
    year: report.year,
    expectedEntities: report.expectedEntities,
    entitiesWithReturn: report.entitiesWithReturn,
    entitiesSubmitted: report.entitiesSubmitted,
    entitiesOnTime: report.entitiesOnTime,
    entries: report.entries.map((e) => ({ ...e })),
  };
}

/** One statistics cell, with censoring made explicit. */
export function presentStatsCell(row: StatsCellRow): GlotipStatsCell {
  const v = row.cell.value;
  const bounds =
    v.kind === 'count'
      ? { lower: v.value, upper: v.value }
      : v.kind === 'censored'
        ? { lower: v.lower, upper: v.upper }
        : { lower: null, upper: null };
  return {
    returnId: row.returnId,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    organisationType: row.organisationType,
    country: row.country,
    year: row.year,
    status: row.status,
    source: row.source,
    synthetic: row.synthetic,
    key: key(row.cell.key),
    value: value(v),
    censored: v.kind === 'censored',
    ...bounds,
  };
}
