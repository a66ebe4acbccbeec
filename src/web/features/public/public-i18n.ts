import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/vocabulary.js';
import { applyLanguage, currentLanguage, isLanguage } from '../../i18n/i18n.js';

/*
 * The public area's messages are an i18next namespace of their own, in
 * `locales/public/<lang>.json`: one small chunk per language, fetched only by someone who opens
 * the public pages (or the link to them on the sign-in page), never by the signed-in app.
 */

/** The i18next namespace of the public area. */
export const publicNamespace = 'public';

type Messages = Record<string, unknown>;
const loaders = import.meta.glob<Messages>('../../locales/public/*.json', { import: 'default' });

/** Loads the public messages of a language (once). */
export async function loadPublicMessages(language: Language): Promise<void> {
  if (i18next.hasResourceBundle(language, publicNamespace)) return;
  const load = loaders[`../../locales/public/${language}.json`];
  if (load === undefined) throw new Error(`No public locale file for ${language}`);
  i18next.addResourceBundle(language, publicNamespace, await load());
}

/**
 * Switches language with the public messages loaded first, so that no one sees raw keys while
 * the new language arrives.
 */
export async function applyPublicLanguage(language: Language): Promise<void> {
  await loadPublicMessages(language);
  await applyLanguage(language);
}

/**
 * The public namespace's `t`, whether the current language's messages have arrived (render
 * nothing translated until they have) and whether fetching them failed.
 */
export function usePublicTranslation() {
  const translation = useTranslation(publicNamespace);
  const language = isLanguage(translation.i18n.language)
    ? translation.i18n.language
    : currentLanguage();
  const [loaded, setLoaded] = useState<string | null>(() =>
    i18next.hasResourceBundle(language, publicNamespace) ? language : null,
  );
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadPublicMessages(language).then(
      () => {
        if (live) setLoaded(language);
      },
      () => {
        // Offline, or a new build replaced the chunk: the caller decides how to offer a retry.
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [language]);
  return { t: translation.t, i18n: translation.i18n, language, ready: loaded === language, failed };
}
