import { cellKeyString, type GlotipCellKey } from '../../shared/glotip-vocabulary.js';
import type { OrganisationType } from '../../shared/vocabulary.js';
import {
  protectAsPublished,
  suppressTable,
  type ProtectionRecord,
  type PublishedValue,
} from '../disclosure/index.js';
import { returnStatTable, type ReturnCell } from './return-stat-table.js';

/**
 * The reporting entity that published a return. Its name and type are public once it publishes
 * (it is the publisher, never a victim); they say which figure a country-year counts
 * (consolidation.ts).
 */
export interface ReturnReporter {
  readonly organisationName: string;
  readonly organisationType: OrganisationType;
  /** When the return was published: its last change, since a published return is locked. */
  readonly publishedAt: string;
}

/** A published return as the publication path receives it (never a draft). */
export interface PublishableReturn {
  readonly returnId: string;
  readonly version: number;
  readonly country: string;
  readonly year: number;
  /** `dataunodc` figures are already public; everything else is protected by threshold. */
  readonly source: string;
  readonly synthetic: boolean;
  readonly reporter: ReturnReporter;
  readonly cells: readonly ReturnCell[];
}

/** One cell of a protected return, in the return's own vocabulary. */
export interface ProtectedCell {
  readonly key: GlotipCellKey;
  readonly value: PublishedValue;
}

/** A return after disclosure control: the only form in which its figures leave the server. */
export interface ProtectedReturn {
  readonly returnId: string;
  readonly version: number;
  readonly country: string;
  readonly year: number;
  readonly source: string;
  readonly synthetic: boolean;
  readonly reporter: ReturnReporter;
  readonly protection: ProtectionRecord;
  readonly cells: readonly ProtectedCell[];
}

/** Policy of one publication: the threshold of the suppression rule. */
export interface PublicationPolicy {
  readonly threshold: number;
}

export const defaultPublicationPolicy: PublicationPolicy = { threshold: 5 };

/** The return's previous publication: its cells and what was shown of them. */
export interface EarlierPublication {
  readonly cells: readonly ReturnCell[];
  readonly published: ProtectedReturn;
}

/**
 * The cells whose values have not changed since an earlier publication: those it hid stay
 * hidden, and those it showed a reader knows, so no complement may rest on them. Otherwise a
 * reader holding both versions could combine them (v1 shows 7 and 16, v2 shows 6: the hidden 3
 * is 16 − 6 − 7).
 */
function unchangedSince(
  earlier: EarlierPublication,
  cells: readonly ReturnCell[],
): { hidden: string[]; shown: string[] } {
  const before = new Map(earlier.cells.map((cell) => [cellKeyString(cell.key), cell.value]));
  const after = new Map(cells.map((cell) => [cellKeyString(cell.key), cell.value]));
  const out = { hidden: [] as string[], shown: [] as string[] };
  for (const cell of earlier.published.cells) {
    const key = cellKeyString(cell.key);
    const now = after.get(key);
    const then = before.get(key);
    if (now === undefined || then === undefined || JSON.stringify(now) !== JSON.stringify(then)) {
      continue;
    }
    (isHidden(cell.value) ? out.hidden : out.shown).push(key);
  }
  return out;
}

/**
 * Protects one return. Figures from dataUNODC are shown as UNODC published them, their `<5`
 * cells as primary suppressions plus the complements that keep those from being recomputed;
 * Vigil's own figures go through the threshold rule and complementary suppression. Cells the
 * return did not report (added as unknowns to close the table's relations) are dropped.
 */
export function protectReturn(
  input: PublishableReturn,
  policy: PublicationPolicy = defaultPublicationPolicy,
  earlier?: EarlierPublication,
): ProtectedReturn {
  const table = returnStatTable(input.cells);
  const carried = earlier === undefined ? null : unchangedSince(earlier, input.cells);
  const history = { carriedHidden: carried?.hidden ?? [], shownBefore: carried?.shown ?? [] };
  const result =
    input.source === 'dataunodc'
      ? protectAsPublished(table, history)
      : suppressTable(table, { threshold: policy.threshold, ...history });
  const reported = new Map(input.cells.map((cell) => [cellKeyString(cell.key), cell.key]));
  const cells: ProtectedCell[] = [];
  for (const cell of result.cells) {
    const key = reported.get(cell.key);
    if (key !== undefined) cells.push({ key, value: cell.value });
  }
  return {
    returnId: input.returnId,
    version: input.version,
    country: input.country,
    year: input.year,
    source: input.source,
    synthetic: input.synthetic,
    reporter: input.reporter,
    protection: result.protection,
    cells,
  };
}

/** The number a protected cell shows, or null when it shows none (hidden, interval, empty). */
export function shownNumber(value: PublishedValue): number | null {
  return value.kind === 'count' || value.kind === 'rounded' ? value.value : null;
}

/** True when a protected cell hides a figure (suppressed, or published only as `<5`). */
export function isHidden(value: PublishedValue): boolean {
  return value.kind === 'suppressed' || value.kind === 'censored';
}
