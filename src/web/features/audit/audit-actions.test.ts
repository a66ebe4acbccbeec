import { describe, expect, it } from 'vitest';
import { returnActions } from '../../../shared/return-schemas.js';
import { languages, type Language } from '../../../shared/vocabulary.js';
import ar from '../../locales/ar.json';
import en from '../../locales/en.json';
import es from '../../locales/es.json';
import fr from '../../locales/fr.json';
import ru from '../../locales/ru.json';
import zh from '../../locales/zh.json';
import { knownAuditActions } from './audit-actions.js';

const locales: Record<Language, unknown> = { ar, zh, en, fr, ru, es };

/** The text at `audit.actions.<noun>.<verb>` (i18next reads the dot as nesting). */
function actionText(messages: unknown, action: string): unknown {
  let node: unknown = messages;
  for (const segment of ['audit', 'actions', ...action.split('.')]) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[segment]
        : undefined;
  }
  return node;
}

describe('audit actions on the audit page', () => {
  it('lists each action once, as noun.verb', () => {
    expect(new Set(knownAuditActions).size).toBe(knownAuditActions.length);
    for (const action of knownAuditActions) expect(action).toMatch(/^[a-z]+\.[a-z_]+$/);
  });

  it('includes every audited step of the return workflow (`return.<action>`)', () => {
    const steps = returnActions
      .filter((action) => action !== 'edit')
      .map((action) => `return.${action}`);
    expect(
      steps.filter((action) => !(knownAuditActions as readonly string[]).includes(action)),
    ).toEqual([]);
  });

  it.each(languages)('names every action in %s', (language) => {
    const missing = knownAuditActions.filter((action) => {
      const text = actionText(locales[language], action);
      return typeof text !== 'string' || text.trim() === '' || text === action;
    });
    expect(missing).toEqual([]);
  });
});
