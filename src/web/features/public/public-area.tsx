import { useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes } from 'react-router';
import { LanguageSelect } from '../../components/language-select.js';
import { Skeleton } from '../../components/skeleton.js';
import { DashboardPage } from './dashboard-page.js';
import { applyPublicLanguage, usePublicTranslation } from './public-i18n.js';
import './public.css';

/**
 * The public (no sign-in) area: a light frame (brand, language, a way to sign in) around the
 * open-data dashboard. It lives outside the session gate, so it never asks who the reader is.
 */
export function PublicArea() {
  const { t, ready, failed } = usePublicTranslation();
  const main = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  // The boundary around the area shows the failure and remounts it (and so refetches) on retry.
  if (failed) throw new Error("The public area's messages could not be loaded");
  if (!ready) {
    return (
      <div className="splash">
        <p className="brand brand-large">{main.t('app.name')}</p>
        <Skeleton lines={2} />
      </div>
    );
  }
  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
  };
  return (
    <div className="app-layout public-layout">
      <a href="#main" className="skip-link" onClick={skipToMain}>
        {t('publicShell.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/public" className="brand">
          {main.t('app.name')}
        </Link>
        <span className="public-area-name">{t('publicShell.areaName')}</span>
        <div className="header-tools">
          <LanguageSelect onChange={applyPublicLanguage} />
          <Link to="/" className="button button-quiet public-sign-in" data-testid="public-sign-in">
            {t('publicShell.signIn')}
          </Link>
        </div>
      </header>
      <main id="main" ref={mainRef} className="public-main" tabIndex={-1}>
        <Routes>
          <Route path="/public" element={<DashboardPage />} />
          <Route path="*" element={<PublicNotFound />} />
        </Routes>
      </main>
    </div>
  );
}

function PublicNotFound() {
  const { t } = usePublicTranslation();
  return (
    <>
      <h1>{t('publicShell.notFoundTitle')}</h1>
      <p>
        <Link to="/public">{t('publicShell.backToDashboard')}</Link>
      </p>
    </>
  );
}
