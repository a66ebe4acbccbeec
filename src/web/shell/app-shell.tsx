import { Suspense, useEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { LanguageSelect } from '../components/language-select.js';
import { Skeleton } from '../components/skeleton.js';
import { useSession } from '../session/session-context.js';
import { ErrorBoundary } from './error-boundary.js';
import { AppRoutes } from './app-routes.js';
import { visibleNavItems } from './nav-items.js';

/**
 * The frame of every signed-in page: skip link, header (brand, menu button on narrow screens,
 * language, user, sign-out), the navigation the user's verbs allow, and the main landmark.
 */
export function AppShell() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const items = visibleNavItems(session);
  const enrolmentDue = session.me.twoFactorEnrolmentRequired;

  // A chosen page closes the narrow-screen menu.
  const [menuPath, setMenuPath] = useState(location.pathname);
  if (menuPath !== location.pathname) {
    setMenuPath(location.pathname);
    setMenuOpen(false);
  }

  useEffect(() => {
    if (!menuOpen) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
    };
  }, [menuOpen]);

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <div className="app-layout">
      <a href="#main" className="skip-link" onClick={skipToMain}>
        {t('shell.skipToContent')}
      </a>
      <header className="app-header">
        <button
          type="button"
          className="button button-icon menu-button"
          aria-expanded={menuOpen}
          aria-controls="primary-nav"
          onClick={() => {
            setMenuOpen(!menuOpen);
          }}
          data-testid="menu-toggle"
        >
          <span aria-hidden="true" className="menu-icon">
            ☰
          </span>
          <span className="visually-hidden">{t('shell.menu')}</span>
        </button>
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <div className="header-tools">
          <LanguageSelect onChange={session.setLanguage} />
          <span className="header-user" data-testid="current-user">
            {session.me.user.displayName}
          </span>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => void session.signOut()}
            data-testid="logout"
          >
            {t('shell.signOut')}
          </button>
        </div>
      </header>
      <div className="app-body">
        <nav
          id="primary-nav"
          className={menuOpen ? 'app-nav app-nav-open' : 'app-nav'}
          aria-label={t('shell.navigation')}
        >
          <ul className="nav-list">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className="nav-link" data-testid={item.testId}>
                  {t(item.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" ref={mainRef} className="app-main" tabIndex={-1}>
          {enrolmentDue && (
            <div className="alert alert-warning" role="status" data-testid="enrolment-required">
              <p>{t('shell.enrolmentRequired')}</p>
            </div>
          )}
          <ErrorBoundary
            key={location.pathname}
            fallback={(retry) => (
              <div className="alert alert-error" role="alert">
                <p>{t('shell.pageFailed')}</p>
                <button type="button" className="button" onClick={retry}>
                  {t('common.retry')}
                </button>
              </div>
            )}
          >
            <Suspense fallback={<Skeleton lines={6} />}>
              <AppRoutes />
            </Suspense>
          </ErrorBoundary>
        </main>
      </div>
    </div>
  );
}
