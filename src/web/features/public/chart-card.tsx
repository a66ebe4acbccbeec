import { Suspense, useId, useState, type ReactNode } from 'react';
import type { PublicChart } from '../../../shared/public-schemas.js';
import { SkeletonBar } from '../../components/skeleton.js';
import { ErrorBoundary } from '../../shell/error-boundary.js';
import { ChartTablePanel } from './chart-table-panel.js';
import type { DashboardFilters } from './dashboard-filters.js';
import { DownloadMenu } from './download-menu.js';
import { ProtectionNotice } from './protection-notice.js';
import { usePublicTranslation } from './public-i18n.js';

/**
 * The frame of every chart: its title, a "view as table" switch, the downloads, the drawing (a
 * lazy chunk) or the table, and the protection notice. The table is also the drawing's text
 * alternative, one keypress away.
 */
export function ChartCard({
  chart,
  title,
  filters,
  children,
  wide = false,
}: {
  chart: PublicChart;
  title: string;
  filters: DashboardFilters;
  children: ReactNode;
  wide?: boolean;
}) {
  const { t } = usePublicTranslation();
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  const bodyId = useId();
  return (
    <section
      className={wide ? 'card chart-card chart-card-wide' : 'card chart-card'}
      aria-labelledby={headingId}
      data-testid={`chart-${chart.id}`}
    >
      <div className="chart-head">
        <h2 id={headingId} className="chart-title">
          {title}
        </h2>
        <div className="chart-tools">
          <button
            type="button"
            className="button button-small"
            aria-pressed={asTable}
            aria-controls={bodyId}
            onClick={() => {
              setAsTable(!asTable);
            }}
            data-testid={`table-toggle-${chart.id}`}
          >
            {asTable ? t('publicCharts.viewAsChart') : t('publicCharts.viewAsTable')}
          </button>
          <DownloadMenu chart={chart.id} filters={filters} title={title} />
        </div>
      </div>
      <div id={bodyId} className="chart-body">
        {chart.unavailable !== null ? (
          <p className="chart-unavailable" data-reason={chart.unavailable}>
            {t('publicCharts.unavailable')}
          </p>
        ) : asTable ? (
          <ChartTablePanel chart={chart} caption={title} />
        ) : chart.rows.length === 0 ? (
          <p className="empty">{t('publicCharts.noRows')}</p>
        ) : (
          <ErrorBoundary
            fallback={(retry) => (
              <div className="alert alert-error" role="alert">
                <p>{t('publicCharts.drawFailed')}</p>
                <button type="button" className="button" onClick={retry}>
                  {t('publicShell.retry')}
                </button>
              </div>
            )}
          >
            <Suspense fallback={<ChartPlaceholder />}>{children}</Suspense>
          </ErrorBoundary>
        )}
      </div>
      <ProtectionNotice protection={chart.protection} />
    </section>
  );
}

function ChartPlaceholder() {
  const { t } = usePublicTranslation();
  return (
    <div className="skeleton-block chart-placeholder" role="status">
      <span className="visually-hidden">{t('publicCharts.loading')}</span>
      <SkeletonBar />
      <SkeletonBar width="medium" />
      <SkeletonBar width="short" />
    </div>
  );
}
