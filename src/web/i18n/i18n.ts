import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { languages, type Language } from '../../shared/vocabulary.js';

type Messages = Record<string, unknown>;

// One chunk per language, fetched when chosen: a user never downloads five unused languages.
const loaders = import.meta.glob<Messages>('../locales/*.json', { import: 'default' });

const storageKey = 'vigil.language';

/** Each language's name in itself (an endonym reads the same in every locale, by design). */
export const languageNames: Record<Language, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

/**
 * A language's name in the interface language (for showing a user's setting in a table); the
 * selectors use the endonyms above instead, so that everyone can find their own language.
 */
export function languageLabel(language: Language, uiLanguage: string): string {
  return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(language) ?? language;
}

/** The six UN languages in the order a selector shows them. */
export const languageOrder: readonly Language[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];

/** True when `value` is one of the six UN languages. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The language before anyone has signed in: the one last chosen on this device, else the
 * browser's first UN language, else English.
 */
export function initialLanguage(): Language {
  const stored = storedLanguage();
  if (stored !== null) return stored;
  for (const tag of navigator.languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

async function ensureLoaded(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, 'translation')) return;
  const load = loaders[`../locales/${language}.json`];
  if (load === undefined) throw new Error(`No locale file for ${language}`);
  i18next.addResourceBundle(language, 'translation', await load());
}

/** Loads a language if needed, switches to it, and sets `<html lang dir>` to match. */
export async function applyLanguage(language: Language): Promise<void> {
  await ensureLoaded(language);
  await i18next.changeLanguage(language);
  const root = document.documentElement;
  root.lang = language;
  root.dir = i18next.dir(language);
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

/** The current language as a UN language code. */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

/**
 * Starts i18next with the given language loaded. Keys nest with '.', so an error code such as
 * `auth.invalid_credentials` is the path `errors → auth → invalid_credentials`. There is no
 * fallback language: a test guarantees every locale has every key, and falling back would
 * show English to someone who chose Arabic.
 */
export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    resources: {},
    fallbackLng: false,
    keySeparator: '.',
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnEmptyString: false,
    react: { useSuspense: false },
  });
  await applyLanguage(language);
}
