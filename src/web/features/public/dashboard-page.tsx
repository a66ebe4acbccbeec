import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Skeleton } from '../../components/skeleton.js';
import { errorText } from '../../i18n/error-text.js';
import { useSearchState } from '../../shell/search-state.js';
import { ConsolidationNotice } from './consolidation-notice.js';
import { DashboardCharts } from './dashboard-charts.js';
import { DashboardFilterForm } from './dashboard-filter-form.js';
import { filtersOfSearch, searchOfFilters } from './dashboard-filters.js';
import { usePublicDashboard, usePublicRegions } from './public-api.js';
import { usePublicTranslation } from './public-i18n.js';
import { sourceMessageKey } from './public-labels.js';

/**
 * The public dashboard: published, protected figures only, with the filters in the address.
 * No sign-in, no session call: everything comes from `/api/public/…`.
 */
export function DashboardPage() {
  const { t, language } = usePublicTranslation();
  const main = useTranslation();
  const [filters, change] = useSearchState(filtersOfSearch, searchOfFilters);
  const dashboard = usePublicDashboard(filters, language);
  const regions = usePublicRegions(filters.scheme, language);

  const title = t('publicShell.title');
  useEffect(() => {
    document.title = `${title} · ${main.t('app.name')}`;
  }, [title, main]);

  const data = dashboard.data;
  return (
    <>
      <div className="page-header">
        <div className="page-heading">
          <h1>{title}</h1>
          <p className="page-description">{t('publicShell.intro')}</p>
        </div>
      </div>
      {data?.synthetic === true && (
        <div
          className="alert alert-warning synthetic-banner"
          role="note"
          data-testid="synthetic-banner"
        >
          <p>
            <strong>{t('publicShell.syntheticTitle')}</strong> {t('publicShell.syntheticText')}
          </p>
        </div>
      )}
      <DashboardFilterForm
        filters={filters}
        years={data?.years ?? []}
        regions={regions.data?.regions ?? []}
        onChange={change}
      />
      {dashboard.isError && (
        <div className="alert alert-error" role="alert">
          <p>{errorText(dashboard.error)}</p>
          <button type="button" className="button" onClick={() => void dashboard.refetch()}>
            {t('publicShell.retry')}
          </button>
        </div>
      )}
      {data === undefined && !dashboard.isError && (
        <Skeleton lines={6} label={t('publicCharts.loading')} />
      )}
      {data !== undefined && (
        <div
          aria-busy={dashboard.isFetching}
          data-testid="public-dashboard"
          data-loading={dashboard.isPlaceholderData ? 'true' : undefined}
        >
          <ConsolidationNotice consolidation={data.consolidation} charts={data.charts} />
          <DashboardCharts charts={data.charts} filters={filters} />
          {data.sources.length > 0 && (
            <p className="public-sources">
              {t('publicShell.sources')}{' '}
              {data.sources
                .map((source) => {
                  const key = sourceMessageKey(source);
                  return key === null ? source : t(key);
                })
                .join(' · ')}
            </p>
          )}
        </div>
      )}
    </>
  );
}
