import { describe, expect, it } from 'vitest';
import { errorCatalog } from '../../shared/error-codes.js';
import { builtInRoleNames, isPermissionVerb, permissionVerbs } from '../../shared/permissions.js';
import {
  auditOutcomes,
  languages,
  organisationTypes,
  type Language,
} from '../../shared/vocabulary.js';
import { clientErrorCodes } from '../api/api-client.js';
import { knownAuditActions } from '../features/audit/audit-actions.js';
import { caseMessageKeys } from '../features/cases/case-message-keys.js';
import ar from './ar.json';
import en from './en.json';
import es from './es.json';
import fr from './fr.json';
import ru from './ru.json';
import zh from './zh.json';

const locales: Record<Language, unknown> = { ar, zh, en, fr, ru, es };
const others = languages.filter((language) => language !== 'en');

/**
 * Words that are spelt the same in a language as in English: the product name everywhere,
 * and a handful of genuine French and Spanish words. Anything else equal to English is an untranslated
 * string.
 */
const sameAsEnglish: Record<Language, readonly string[]> = {
  ar: ['Vigil'],
  zh: ['Vigil'],
  en: [],
  fr: [
    'Vigil',
    'Organisation',
    'Organisations',
    'Population',
    'Populations',
    'Type',
    'Menu',
    'Publication',
    'Session',
    'Exploitation',
    'Dimensions',
    'Format',
    'Police',
    'Servitude',
    'Construction',
    'Prostitution',
    'Migrant',
    'Transit',
    'Total',
    'Europe',
  ],
  ru: ['Vigil'],
  es: ['Vigil', 'Crisis', 'Total', 'Asia', 'Melanesia', 'Micronesia'],
};

/** Nested messages → `a.b.c` → text; anything but an object or a string is a defect. */
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

/** Splits keys into plain keys and plural groups (`rows_one`, `rows_other` → rows). */
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

function hasKey(messages: Map<string, string>, key: string): boolean {
  return messages.has(key) || messages.has(`${key}_other`);
}

describe.each(languages)('locale %s', (language) => {
  const messages = flat[language];

  it('has no empty text', () => {
    const empty = [...messages].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
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

describe.each(others)('locale %s against English', (language) => {
  const messages = flat[language];
  const shape = shapeOf(messages);

  it('misses no key that English has', () => {
    const missing = [...englishShape.plain].filter((key) => !shape.plain.has(key));
    expect(missing).toEqual([]);
  });

  it('has no key that English lacks', () => {
    const extra = [...shape.plain].filter((key) => !englishShape.plain.has(key));
    expect(extra).toEqual([]);
  });

  it('leaves nothing in English', () => {
    const allowed = new Set(sameAsEnglish[language]);
    const untranslated = [...messages].filter(([key, text]) => {
      const source = english.get(key);
      return source !== undefined && text === source && text.length > 3 && !allowed.has(text);
    });
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it('keeps the interpolation variables of English', () => {
    const mismatched: string[] = [];
    for (const [key, text] of messages) {
      const match = pluralForm.exec(key);
      if (match?.[1] !== undefined) {
        // A plural form may spell its number out ("one row"), but use no other variable.
        const source = english.get(`${match[1]}_other`) ?? '';
        const known = new Set(variables(source));
        if (!variables(text).every((name) => known.has(name))) mismatched.push(key);
      } else if (variables(text).join() !== variables(english.get(key) ?? '').join()) {
        mismatched.push(key);
      }
    }
    expect(mismatched).toEqual([]);
  });
});

describe('translated vocabularies', () => {
  const codes = [...Object.keys(errorCatalog), ...Object.values(clientErrorCodes)];

  it.each(languages)('%s translates every error code', (language) => {
    const missing = codes.filter((code) => !flat[language].has(`errors.${code}`));
    expect(missing).toEqual([]);
  });

  it('names every permission verb, its noun, role, organisation type and outcome', () => {
    const keys = [
      ...permissionVerbs.map((verb) => `verbs.${verb}`),
      ...permissionVerbs.map((verb) => `nouns.${verb.split('.')[0] ?? ''}`),
      ...builtInRoleNames.map((name) => `roles.names.${name}`),
      ...organisationTypes.map((type) => `organisationTypes.${type}`),
      ...auditOutcomes.map((outcome) => `audit.outcomes.${outcome}`),
      ...knownAuditActions.map((action) => `audit.actions.${action}`),
      ...['user', 'token', 'system', 'anonymous'].map((actor) => `audit.actors.${actor}`),
      ...['active', 'revoked', 'expired'].map((status) => `tokens.statuses.${status}`),
    ];
    expect(keys.filter((key) => !english.has(key))).toEqual([]);
  });

  it('names every code, indicator and step the case pages show', () => {
    const keys = caseMessageKeys();
    expect(keys.length).toBeGreaterThan(300);
    expect(keys.filter((key) => !english.has(key))).toEqual([]);
  });
});

describe('keys used in the code', () => {
  const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts'], {
    query: '?raw',
    import: 'default',
    eager: true,
  });
  const namespaces = new Set(Object.keys(en));
  // Audit actions (`screening.create`) are identifiers, translated under `audit.actions`.
  const auditActions = new Set<string>(knownAuditActions);

  it('exist in English (so no page can show a raw key)', () => {
    const missing = new Set<string>();
    for (const [file, source] of Object.entries(sources)) {
      for (const match of source.matchAll(/['"`]([a-z][A-Za-z]*\.[A-Za-z0-9_.]+)['"`]/g)) {
        const key = match[1] ?? '';
        const namespace = key.split('.')[0] ?? '';
        // Only literals that look like message keys: a known namespace, not a permission verb
        // nor an audit action.
        if (!namespaces.has(namespace) || isPermissionVerb(key) || auditActions.has(key)) continue;
        if (!hasKey(english, key)) missing.add(`${file}: ${key}`);
      }
    }
    expect([...missing]).toEqual([]);
  });

  it('were found at all (the scan works)', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });
});
