import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../../components/language-select.js';
import { applyLanguage } from '../../i18n/i18n.js';
import { SignInForm } from '../../session/sign-in-form.js';
import { PublicDashboardLink } from '../public/public-link.js';

/** The page everyone meets first: sign-in, in the browser's language or one they pick. */
export function LoginPage({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <div className="login-layout">
      <header className="login-header">
        <p className="brand">{t('app.name')}</p>
        <LanguageSelect onChange={applyLanguage} />
      </header>
      <main id="main" className="login-main" tabIndex={-1}>
        <div className="card login-card">
          <h1 className="login-title">{t('login.title')}</h1>
          <p className="login-tagline">{t('app.tagline')}</p>
          <SignInForm onSignedIn={onSignedIn} />
        </div>
        <PublicDashboardLink />
      </main>
    </div>
  );
}
