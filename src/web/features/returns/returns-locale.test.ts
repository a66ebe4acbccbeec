import { describe, expect, it } from 'vitest';
import { languages, type Language } from '../../../shared/vocabulary.js';
import ar from '../../locales/ar.json';
import en from '../../locales/en.json';
import es from '../../locales/es.json';
import fr from '../../locales/fr.json';
import ru from '../../locales/ru.json';
import zh from '../../locales/zh.json';
import { returnMessageKeys } from './return-labels.js';

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

describe('returns pages in six languages', () => {
  const keys = returnMessageKeys();

  it('build a message key for every code they show', () => {
    expect(keys.length).toBeGreaterThan(100);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(languages)('%s words every code', (language) => {
    const missing = keys.filter((key) => typeof lookup(locales[language], key) !== 'string');
    expect(missing).toEqual([]);
  });
});
