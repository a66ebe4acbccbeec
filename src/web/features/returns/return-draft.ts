import type { QuestionnaireSection } from '../../../core/glotip/data-set-definition.js';
import {
  cellKeyString,
  citizenshipSpecials,
  type GlotipCellKey,
  type GlotipCellValue,
} from '../../../shared/glotip-vocabulary.js';
import { emptyEntry, entryOfValue, readEntry, sameValue, type CellEntry } from './cell-entry.js';
import type { CellInput } from './returns-api.js';

/**
 * The return form's working copy: what is typed in each cell, by the cell's key string, beside
 * the values the server holds. Pure functions, so the form's rules (what is sent, what is
 * validated) are tested without a browser.
 */
export interface ReturnDraft {
  /** Entries the user has touched or the server sent, by `cellKeyString`. */
  readonly entries: ReadonlyMap<string, CellEntry>;
  /** The keys behind the strings (a key string is not parsed back). */
  readonly keys: ReadonlyMap<string, GlotipCellKey>;
  /** The stored values, by key string. */
  readonly saved: ReadonlyMap<string, GlotipCellValue>;
  /** Derived returns: the value derived from case records, by key string. */
  readonly derived: ReadonlyMap<string, number>;
  /** Why a figure differs from its derived value, as typed (or stored), by key string. */
  readonly reasons: ReadonlyMap<string, string>;
  /** The stored override reasons, by key string. */
  readonly savedReasons: ReadonlyMap<string, string>;
}

/** A stored cell as the draft reads it; the derivation's fields only for derived returns. */
export interface DraftCell {
  key: GlotipCellKey;
  value: GlotipCellValue;
  derivedValue?: number | null;
  overrideReason?: string | null;
}

/** The draft of a return as stored: every entry equals its saved value. */
export function draftOfCells(cells: readonly DraftCell[]): ReturnDraft {
  const entries = new Map<string, CellEntry>();
  const keys = new Map<string, GlotipCellKey>();
  const saved = new Map<string, GlotipCellValue>();
  const derived = new Map<string, number>();
  const reasons = new Map<string, string>();
  for (const cell of cells) {
    const id = cellKeyString(cell.key);
    entries.set(id, entryOfValue(cell.value));
    keys.set(id, cell.key);
    saved.set(id, cell.value);
    if (cell.derivedValue !== undefined && cell.derivedValue !== null) {
      derived.set(id, cell.derivedValue);
    }
    if (cell.overrideReason !== undefined && cell.overrideReason !== null) {
      reasons.set(id, cell.overrideReason);
    }
  }
  return { entries, keys, saved, derived, reasons, savedReasons: reasons };
}

/** The entry of a cell (empty when never touched). */
export function entryOf(draft: ReturnDraft, key: GlotipCellKey): CellEntry {
  return draft.entries.get(cellKeyString(key)) ?? emptyEntry;
}

/** The draft with one cell's entry replaced (a new value, the old one untouched). */
export function withEntry(draft: ReturnDraft, key: GlotipCellKey, entry: CellEntry): ReturnDraft {
  const id = cellKeyString(key);
  const entries = new Map(draft.entries);
  entries.set(id, entry);
  const keys = draft.keys.has(id) ? draft.keys : new Map(draft.keys).set(id, key);
  return { ...draft, entries, keys };
}

/** The draft with the reason for one cell's override replaced. */
export function withReason(draft: ReturnDraft, key: GlotipCellKey, reason: string): ReturnDraft {
  return { ...draft, reasons: new Map(draft.reasons).set(cellKeyString(key), reason) };
}

/**
 * The derived value a cell's entry overrides, or undefined when the cell was not derived or
 * its entry still equals the derived value (an emptied cell overrides nothing: the server
 * refuses to remove a derived cell).
 */
export function overriddenValue(draft: ReturnDraft, key: GlotipCellKey): number | undefined {
  const id = cellKeyString(key);
  const derived = draft.derived.get(id);
  if (derived === undefined) return undefined;
  const reading = readEntry(entryOf(draft, key));
  if (reading.state !== 'value') return undefined;
  return sameValue(reading.value, { kind: 'count', value: derived }) ? undefined : derived;
}

// The returns contract's minimum length of an override reason (overrideReasonTextSchema).
const minimumReason = 3;

/**
 * The overridden cells whose reason is missing or too short, by key string, with the issue
 * (`required`, `too_small`) a field error names. The form refuses to save while there are any.
 */
export function reasonProblems(draft: ReturnDraft): ReadonlyMap<string, 'required' | 'too_small'> {
  const problems = new Map<string, 'required' | 'too_small'>();
  for (const [id, key] of draft.keys) {
    if (overriddenValue(draft, key) === undefined) continue;
    const reason = (draft.reasons.get(id) ?? '').trim();
    if (reason.length < minimumReason) problems.set(id, reason === '' ? 'required' : 'too_small');
  }
  return problems;
}

/** The cells the draft holds a value for, as validation and the statistics read them. */
export function cellsOfDraft(draft: ReturnDraft): { key: GlotipCellKey; value: GlotipCellValue }[] {
  const cells: { key: GlotipCellKey; value: GlotipCellValue }[] = [];
  for (const [id, entry] of draft.entries) {
    const key = draft.keys.get(id);
    const reading = readEntry(entry);
    if (key !== undefined && reading.state === 'value') cells.push({ key, value: reading.value });
  }
  return cells;
}

/** The keys of cells whose text is not a count (they cannot be saved until corrected). */
export function invalidKeys(draft: ReturnDraft): GlotipCellKey[] {
  return [...draft.entries].flatMap(([id, entry]) => {
    const key = draft.keys.get(id);
    return key !== undefined && readEntry(entry).state === 'invalid' ? [key] : [];
  });
}

/**
 * The cells to send: those whose value differs from the stored one (an emptied cell is sent as
 * `null`, which deletes it), and overrides whose reason changed. An override goes with its
 * reason. Cells with text that is not a count are left out; the form refuses to save while
 * there are any.
 */
export function changedCells(draft: ReturnDraft): CellInput[] {
  const changes: CellInput[] = [];
  for (const [id, entry] of draft.entries) {
    const key = draft.keys.get(id);
    const reading = readEntry(entry);
    if (key === undefined || reading.state === 'invalid') continue;
    const value = reading.state === 'value' ? reading.value : null;
    const overrides = overriddenValue(draft, key) !== undefined;
    const reason = (draft.reasons.get(id) ?? '').trim();
    const reasonChanged = overrides && reason !== (draft.savedReasons.get(id) ?? '');
    if (sameValue(value, draft.saved.get(id) ?? null) && !reasonChanged) continue;
    changes.push(
      overrides && reason !== '' ? { key, value, overrideReason: reason } : { key, value },
    );
  }
  return changes;
}

const specials: ReadonlySet<string> = new Set(citizenshipSpecials);

/**
 * The country rows of a citizenship or repatriation table: every country the draft holds a cell
 * for in that table, plus those the user added, each once, in the order first seen (stored
 * countries first), so rows never jump while someone types.
 */
export function countryRows(
  section: Pick<QuestionnaireSection, 'indicator' | 'dimension'>,
  draft: ReturnDraft,
  added: readonly string[],
): string[] {
  const rows: string[] = [];
  for (const key of draft.keys.values()) {
    if (key.indicator !== section.indicator || key.dimension !== section.dimension) continue;
    if (!specials.has(key.category) && !rows.includes(key.category)) rows.push(key.category);
  }
  for (const country of added) if (!rows.includes(country)) rows.push(country);
  return rows;
}
