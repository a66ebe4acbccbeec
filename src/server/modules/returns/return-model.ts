import {
  cellKeyString,
  type GlotipCellKey,
  type GlotipCellValue,
  type ReturnSource,
  type ReturnStatus,
} from '../../../shared/glotip-vocabulary.js';
import type { OrganisationType } from '../../../shared/vocabulary.js';
import type { ReturnEventKind } from '../../../shared/return-schemas.js';

/** A return as services see it, with its reporting entity. */
export interface StoredReturn {
  id: string;
  dataSetCode: string;
  dataSetVersion: number;
  organisationId: string;
  organisationName: string;
  organisationType: OrganisationType;
  country: string | null;
  /** The reporting entity's ancestry, root first, the entity last. */
  organisationPath: string[];
  year: number;
  status: ReturnStatus;
  version: number;
  source: ReturnSource;
  sourceNote: string | null;
  synthetic: boolean;
  dueDate: string;
  firstSubmittedAt: string | null;
  acceptedBy: string | null;
  cellCount: number;
  createdAt: string;
  updatedAt: string;
}

/** One cell with what it was derived from and why it was overridden. */
export interface StoredCell {
  key: GlotipCellKey;
  value: GlotipCellValue;
  derivedValue: number | null;
  recordCount: number | null;
  overrideReason: string | null;
  rawText: string | null;
}

/** A sealed version's header (its cells are loaded separately). */
export interface SealedVersion {
  returnId: string;
  version: number;
  status: ReturnStatus;
  hash: string;
  cellCount: number;
  sealedBy: string | null;
  sealedAt: string;
}

/** One workflow step as stored, with names for display. */
export interface StoredEvent {
  action: ReturnEventKind;
  fromStatus: ReturnStatus | null;
  toStatus: ReturnStatus;
  version: number;
  actorId: string | null;
  actorName: string | null;
  levelOrganisationId: string | null;
  levelOrganisationName: string | null;
  comment: string | null;
  at: string;
}

/** Statuses in which no cell may change (DHIS2's approval lock). */
export const lockedStatuses: readonly ReturnStatus[] = ['accepted', 'approved', 'published'];

/** Statuses whose figures count as reported to the next level (statistics, completeness). */
export const reportedStatuses: readonly ReturnStatus[] = [
  'submitted',
  'accepted',
  'approved',
  'published',
];

/** Statuses whose figures the statistics query serves: checked by at least one level. */
export const statisticStatuses: readonly ReturnStatus[] = ['accepted', 'approved', 'published'];

/** True when the return's cells are locked. */
export function isLocked(status: ReturnStatus): boolean {
  return lockedStatuses.includes(status);
}

/**
 * The organisations that accept and approve a return of the entity with this ancestry. The
 * parent accepts and the grandparent approves, as DHIS2 approves one level up at a time; a
 * top-level entity's own reviewers accept, and a chain too short for a grandparent ends at the
 * top ancestor (where the four-eyes rule still separates acceptor and approver).
 */
export function approvalLevelsOf(path: readonly string[]): { accept: string; approve: string } {
  const self = path.at(-1);
  if (self === undefined) throw new Error('an organisation path is never empty');
  const root = path[0] ?? self;
  return { accept: path.at(-2) ?? self, approve: path.at(-3) ?? root };
}

/** The default due date of a year's return: 30 June of the following year (decision 0005). */
export function defaultDueDate(year: number): string {
  return `${String(year + 1)}-06-30`;
}

/** The columns a value is stored in (the database's CHECK mirrors this). */
export function valueColumns(value: GlotipCellValue): {
  kind: GlotipCellValue['kind'];
  value: number | null;
  lower: number | null;
  upper: number | null;
} {
  switch (value.kind) {
    case 'count':
      return { kind: 'count', value: value.value, lower: null, upper: null };
    case 'censored':
      return { kind: 'censored', value: null, lower: value.lower, upper: value.upper };
    case 'not_available':
    case 'not_applicable':
      return { kind: value.kind, value: null, lower: null, upper: null };
  }
}

/** Reads a value back from its columns. */
export function valueFromColumns(row: {
  kind: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
}): GlotipCellValue {
  switch (row.kind) {
    case 'count':
      return { kind: 'count', value: Number(row.value) };
    case 'censored':
      return { kind: 'censored', lower: Number(row.lower), upper: Number(row.upper) };
    case 'not_available':
      return { kind: 'not_available' };
    case 'not_applicable':
      return { kind: 'not_applicable' };
    default:
      throw new Error(`unknown cell kind ${row.kind}`);
  }
}

/** True when two values are the same figure. */
export function sameValue(a: GlotipCellValue | null, b: GlotipCellValue | null): boolean {
  if (a === null || b === null) return a === b;
  const left = valueColumns(a);
  const right = valueColumns(b);
  return (
    left.kind === right.kind &&
    left.value === right.value &&
    left.lower === right.lower &&
    left.upper === right.upper
  );
}

/** Cells sorted by their key string, so that equal contents serialise identically. */
export function sortCells<T extends { key: GlotipCellKey }>(cells: readonly T[]): T[] {
  return [...cells].sort((a, b) => {
    const left = cellKeyString(a.key);
    const right = cellKeyString(b.key);
    return left < right ? -1 : left > right ? 1 : 0;
  });
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([key, item]) => [key, canonical(item)]));
  }
  return value;
}

/**
 * The canonical JSON of a version's cells: cells sorted by key, object keys sorted, so that the
 * SHA-256 over it identifies the content whatever order the cells were written in.
 */
export function canonicalCellsJson(cells: readonly StoredCell[]): string {
  return JSON.stringify(canonical(sortCells(cells)));
}
