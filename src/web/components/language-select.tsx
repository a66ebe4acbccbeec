import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/vocabulary.js';
import { currentLanguage, isLanguage, languageNames, languageOrder } from '../i18n/i18n.js';

/**
 * The language switch on every page: a native select (keyboard and screen-reader friendly
 * everywhere), each language named in itself and marked with its own `lang`.
 */
export function LanguageSelect({ onChange }: { onChange: (language: Language) => Promise<void> }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const value = isLanguage(i18n.language) ? i18n.language : currentLanguage();
  return (
    <div className="language-select">
      <label htmlFor={id} className="language-label">
        <svg className="language-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="9" />
          <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" />
        </svg>
        <span className="visually-hidden">{t('common.language')}</span>
      </label>
      <select
        id={id}
        className="input input-compact"
        value={value}
        disabled={busy}
        data-testid="language-select"
        onChange={(event) => {
          const next = event.target.value;
          if (!isLanguage(next)) return;
          setBusy(true);
          void onChange(next).finally(() => {
            setBusy(false);
          });
        }}
      >
        {languageOrder.map((language) => (
          <option key={language} value={language} lang={language}>
            {languageNames[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
