import { describe, expect, it } from 'vitest';
import { consolidationRuleKey } from '../../../shared/public-schemas.js';
import { languages, organisationTypes, type Language } from '../../../shared/vocabulary.js';
import {
  chartIds,
  conflictFilters,
  downloadFormats,
  regionSchemes,
} from '../../features/public/dashboard-filters.js';
import {
  columnMessageKey,
  knownColumns,
  valueMessageKeys,
} from '../../features/public/public-labels.js';
import ar from './ar.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import ru from './ru.json';
import zh from './zh.json';

/*
 * The public area's namespace, held to the same rules as the main locales: every language has
 * exactly English's keys and plural forms, no empty or untranslated text, the same
 * interpolation variables; and every key the public code uses exists.
 */

const locales: Record<Language, unknown> = { ar, zh, en, fr, ru, es };
const others = languages.filter((language) => language !== 'en');

/** Text rightly the same as English: format and product names, genuine words of the language. */
const sameAsEnglish: Record<Language, readonly string[]> = {
  ar: ['CSV', 'SDMX-CSV', 'Excel (XLSX)', 'dataUNODC (GLOTIP)'],
  zh: ['CSV', 'SDMX-CSV', 'Excel (XLSX)', 'dataUNODC (GLOTIP)'],
  en: [],
  fr: ['CSV', 'SDMX-CSV', 'Excel (XLSX)', 'dataUNODC (GLOTIP)', 'Total', 'Source', 'Servitude'],
  ru: ['CSV', 'SDMX-CSV', 'Excel (XLSX)', 'dataUNODC (GLOTIP)'],
  es: ['CSV', 'SDMX-CSV', 'Excel (XLSX)', 'dataUNODC (GLOTIP)', 'Total', 'Crisis'],
};

function flatten(messages: unknown, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  if (typeof messages !== 'object' || messages === null)
    throw new Error(`${prefix} is not an object`);
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (typeof value === 'string') flat.set(path, value);
    else for (const [inner, text] of flatten(value, path)) flat.set(inner, text);
  }
  return flat;
}

const pluralForm = /^(.*)_(zero|one|two|few|many|other)$/;

function shapeOf(flat: Map<string, string>) {
  const plain = new Set<string>();
  const plurals = new Map<string, Set<string>>();
  for (const key of flat.keys()) {
    const match = pluralForm.exec(key);
    if (match?.[1] !== undefined && match[2] !== undefined) {
      plurals.set(match[1], (plurals.get(match[1]) ?? new Set()).add(match[2]));
    } else {
      plain.add(key);
    }
  }
  return { plain, plurals };
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? '').sort();
}

const flat = Object.fromEntries(
  languages.map((language) => [language, flatten(locales[language])]),
) as Record<Language, Map<string, string>>;
const english = flat.en;
const englishShape = shapeOf(english);

function hasKey(key: string): boolean {
  return english.has(key) || english.has(`${key}_other`);
}

describe.each(languages)('public locale %s', (language) => {
  const messages = flat[language];

  it('has no empty text', () => {
    expect([...messages].filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it('has exactly the plural forms its language uses', () => {
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    const shape = shapeOf(messages);
    expect([...shape.plurals.keys()].sort()).toEqual([...englishShape.plurals.keys()].sort());
    for (const [base, forms] of shape.plurals) {
      expect([...forms].sort(), base).toEqual([...categories].sort());
    }
  });
});

describe.each(others)('public locale %s against English', (language) => {
  const messages = flat[language];
  const shape = shapeOf(messages);

  it('has the same keys as English', () => {
    expect([...shape.plain].sort()).toEqual([...englishShape.plain].sort());
  });

  it('leaves nothing in English', () => {
    const allowed = new Set(sameAsEnglish[language]);
    const untranslated = [...messages].filter(([key, text]) => {
      const source = english.get(key);
      return source !== undefined && text === source && !allowed.has(text);
    });
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it('keeps the interpolation variables of English', () => {
    const mismatched: string[] = [];
    for (const [key, text] of messages) {
      const match = pluralForm.exec(key);
      if (match?.[1] !== undefined) {
        const known = new Set(variables(english.get(`${match[1]}_other`) ?? ''));
        if (!variables(text).every((name) => known.has(name))) mismatched.push(key);
      } else if (variables(text).join() !== variables(english.get(key) ?? '').join()) {
        mismatched.push(key);
      }
    }
    expect(mismatched).toEqual([]);
  });
});

describe('keys the public code uses', () => {
  const sources = import.meta.glob<string>(
    [
      '../../features/public/*.ts',
      '../../features/public/*.tsx',
      '!../../features/public/*.test.ts',
    ],
    { query: '?raw', import: 'default', eager: true },
  );
  const namespaces = new Set(Object.keys(en));

  it('exist in English (literal keys)', () => {
    const missing: string[] = [];
    for (const [file, source] of Object.entries(sources)) {
      for (const match of source.matchAll(/['"`]([a-z][A-Za-z]*\.[A-Za-z0-9_.-]+)['"`]/g)) {
        const key = match[1] ?? '';
        if (namespaces.has(key.split('.')[0] ?? '') && !hasKey(key))
          missing.push(`${file}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
    expect(Object.keys(sources).length).toBeGreaterThan(10);
  });

  it('exist in English (keys built from vocabularies)', () => {
    const keys = [
      ...chartIds.map((id) => `publicCharts.titles.${id}`),
      ...downloadFormats.map((format) => `publicDownload.formats.${format}`),
      ...regionSchemes.map((scheme) => `publicFilters.schemes.${scheme}`),
      ...conflictFilters.map((conflict) => `publicFilters.conflicts.${conflict}`),
      ...knownColumns.map((column) => columnMessageKey(column) ?? column),
      ...valueMessageKeys(),
      ...organisationTypes.map((type) => `publicConsolidation.types.${type}`),
      `publicConsolidation.rules.${consolidationRuleKey}`,
    ];
    expect(keys.filter((key) => !hasKey(key))).toEqual([]);
  });

  it('use no name the main locales use at the top level (the key scans would collide)', async () => {
    const main = (await import('../en.json')).default;
    expect(Object.keys(en).filter((key) => key in main)).toEqual([]);
  });

  it('in English, repeat dataUNODC words exactly (so the English table reads as the file)', () => {
    expect(english.get('publicLabels.words.0_to_17_years')).toBe('0 to 17 years');
    expect(english.get('publicLabels.words.other_forms_of_exploitation')).toBe(
      'Other forms of exploitation',
    );
    for (const key of valueMessageKeys().filter((one) => one.startsWith('publicLabels.words.'))) {
      expect(english.get(key), key).toMatch(/^[A-Z0-9]/);
    }
  });
});
