import { describe, expect, it } from 'vitest';
import { dataUnodcRejectionReasons } from '../../../core/glotip-formats/index.js';
import { languages, type Language } from '../../../shared/vocabulary.js';
import ar from '../../locales/ar.json';
import en from '../../locales/en.json';
import es from '../../locales/es.json';
import fr from '../../locales/fr.json';
import ru from '../../locales/ru.json';
import zh from '../../locales/zh.json';
import { glotipFormatOf } from './glotip-import-api.js';
import {
  glotipImportMessageKeys,
  rejectionsByReason,
  returnTallies,
} from './glotip-import-labels.js';

const locales: Record<Language, unknown> = { ar, zh, en, fr, ru, es };

function lookup(messages: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, segment) =>
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[segment]
          : undefined,
      messages,
    );
}

describe('dataUNODC import page words', () => {
  const keys = glotipImportMessageKeys();

  it('cover every rejection reason the core reader can give', () => {
    for (const reason of dataUnodcRejectionReasons) {
      expect(keys).toContain(`returns.import.reasons.${reason}`);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(languages)('%s words every code the report carries', (language) => {
    const missing = keys.filter((key) => typeof lookup(locales[language], key) !== 'string');
    expect(missing).toEqual([]);
  });
});

describe('report helpers', () => {
  it('list refused rows by reason, most frequent first, skipping the other outcomes', () => {
    expect(
      rejectionsByReason({
        imported: 17,
        normalised: 7,
        rejected: 6,
        'rejected.unknown_country_text': 1,
        'rejected.implausible_value': 3,
        'rejected.duplicate_cell': 1,
        'rejected.missing_value': 0,
      }),
    ).toEqual([
      { reason: 'implausible_value', count: 3 },
      { reason: 'duplicate_cell', count: 1 },
      { reason: 'unknown_country_text', count: 1 },
    ]);
  });

  it('tally the returns a real import wrote, ignoring dry-run lines', () => {
    const line = (outcome: 'created' | 'updated' | 'unchanged' | 'would_write') => ({
      country: 'NGA',
      year: 2019,
      cells: 3,
      outcome,
    });
    expect(
      returnTallies([line('created'), line('created'), line('unchanged'), line('would_write')]),
    ).toEqual({ created: 2, updated: 0, unchanged: 1 });
  });

  it('take the format from the extension and refuse any other', () => {
    expect(glotipFormatOf('GLOTIP_2024.CSV')).toBe('csv');
    expect(glotipFormatOf('export.xlsx')).toBe('xlsx');
    expect(glotipFormatOf('export.xls')).toBeNull();
    expect(glotipFormatOf('export.csv.txt')).toBeNull();
  });
});
