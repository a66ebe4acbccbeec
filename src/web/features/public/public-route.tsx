import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Skeleton } from '../../components/skeleton.js';
import { ErrorBoundary } from '../../shell/error-boundary.js';

/*
 * The part of the public area that ships in the application's entry: the path test and the
 * lazy import. Everything else (page, filters, charts, map, its messages) is fetched only when
 * someone opens /public.
 */

const PublicArea = lazy(async () => ({
  default: (await import('./public-area.js')).PublicArea,
}));

/** True for `/public` and its subpaths: the pages served without sign-in. */
export function isPublicPath(pathname: string): boolean {
  return pathname === '/public' || pathname.startsWith('/public/');
}

/** The public area, loaded on demand, with a retry should its chunk fail to arrive. */
export function PublicRoute() {
  const { t } = useTranslation();
  const splash = (
    <div className="splash">
      <p className="brand brand-large">{t('app.name')}</p>
      <Skeleton lines={2} />
    </div>
  );
  return (
    <ErrorBoundary
      fallback={(retry) => (
        <div className="splash" role="alert">
          <p className="brand brand-large">{t('app.name')}</p>
          <p>{t('shell.pageFailed')}</p>
          <button type="button" className="button" onClick={retry}>
            {t('common.retry')}
          </button>
        </div>
      )}
    >
      <Suspense fallback={splash}>
        <PublicArea />
      </Suspense>
    </ErrorBoundary>
  );
}
