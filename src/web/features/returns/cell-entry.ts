import { belowFiveInterval, type GlotipCellValue } from '../../../shared/glotip-vocabulary.js';

/**
 * What a person has put in one cell of the return form, before it is a value: the kind chosen
 * in the cell's menu and, for a count, the text typed. Keeping the text (not a number) lets the
 * form show exactly what was typed, including a mistake, until it is corrected.
 */
export interface CellEntry {
  readonly kind: GlotipCellValue['kind'];
  readonly text: string;
}

/** An untouched cell: a count with nothing typed (not reported). */
export const emptyEntry: CellEntry = { kind: 'count', text: '' };

/** What an entry stands for: nothing yet, a value, or text that is not a count. */
export type EntryReading =
  | { readonly state: 'empty' }
  | { readonly state: 'value'; readonly value: GlotipCellValue }
  | { readonly state: 'invalid' };

// Digits people type on Arabic (U+0660…) and Persian/Urdu (U+06F0…) keyboards read as 0–9.
const digitBlocks = [0x0660, 0x06f0];

function asciiDigits(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const block = digitBlocks.find((start) => code >= start && code <= start + 9);
    out += block === undefined ? char : String(code - block);
  }
  return out;
}

// Grouping separators of the six UN locales (comma, dot, plain and no-break spaces, the Arabic
// thousands separator). A separator must start a group of exactly three digits, so `1.5` or
// `12,34` is refused rather than silently read as 15 or 1234.
const groupedCount = /^\d{1,3}(?:[,. \u00a0\u202f\u066c]\d{3})+$/;
const groupSeparators = /[,. \u00a0\u202f\u066c]/g;

// The largest count the API accepts in a return (return-schemas' count bound): a figure above it
// is a typo (an extra digit pasted from a spreadsheet) and is refused here, as the server would.
const maxCount = 100_000_000;

/**
 * Reads the text typed in a count cell. Whole numbers with or without grouping separators, in
 * Latin or Arabic-Indic digits, are counts; `<5` (dataUNODC's suppressed small count) is the
 * censored interval 0–4, so typing it is a shortcut for choosing it in the menu.
 */
export function readCountText(text: string): EntryReading {
  const trimmed = asciiDigits(text).trim();
  if (trimmed === '') return { state: 'empty' };
  if (/^<\s*5$/.test(trimmed)) {
    return { state: 'value', value: { kind: 'censored', ...belowFiveInterval } };
  }
  if (!/^\d+$/.test(trimmed) && !groupedCount.test(trimmed)) return { state: 'invalid' };
  const compact = trimmed.replace(groupSeparators, '');
  const value = Number(compact);
  if (!Number.isSafeInteger(value) || value > maxCount) return { state: 'invalid' };
  return { state: 'value', value: { kind: 'count', value } };
}

/** Reads an entry: the menu's kind decides, the text matters only for a count. */
export function readEntry(entry: CellEntry): EntryReading {
  switch (entry.kind) {
    case 'count':
      return readCountText(entry.text);
    case 'censored':
      return { state: 'value', value: { kind: 'censored', ...belowFiveInterval } };
    case 'not_available':
      return { state: 'value', value: { kind: 'not_available' } };
    case 'not_applicable':
      return { state: 'value', value: { kind: 'not_applicable' } };
  }
}

/** The entry that shows a stored value (a count as plain digits, so it can be edited). */
export function entryOfValue(value: GlotipCellValue | null): CellEntry {
  if (value === null) return emptyEntry;
  if (value.kind === 'count') return { kind: 'count', text: String(value.value) };
  return { kind: value.kind, text: '' };
}

/** True when two values are the same figure (used to send only the cells that changed). */
export function sameValue(a: GlotipCellValue | null, b: GlotipCellValue | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'count' && b.kind === 'count') return a.value === b.value;
  if (a.kind === 'censored' && b.kind === 'censored') {
    return a.lower === b.lower && a.upper === b.upper;
  }
  return true;
}
