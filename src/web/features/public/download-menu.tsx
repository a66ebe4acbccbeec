import type { PublicChartId } from '../../../shared/public-schemas.js';
import { downloadFormats, downloadUrl, type DashboardFilters } from './dashboard-filters.js';
import { usePublicTranslation } from './public-i18n.js';

/**
 * The files of one chart, each exactly the table on screen (same filters, same language). A
 * native disclosure (`<details>`) keeps it keyboard-operable with no script of ours.
 */
export function DownloadMenu({
  chart,
  filters,
  title,
}: {
  chart: PublicChartId;
  filters: DashboardFilters;
  title: string;
}) {
  const { t, language } = usePublicTranslation();
  return (
    <details className="download-menu" data-testid={`download-${chart}`}>
      <summary className="button button-small">
        {t('publicDownload.label')}
        <span className="visually-hidden">: {title}</span>
      </summary>
      <ul className="download-list">
        {downloadFormats.map((format) => (
          <li key={format}>
            <a
              href={downloadUrl(chart, format, filters, language)}
              download
              data-testid={`download-${chart}-${format}`}
            >
              {t(`publicDownload.formats.${format}`)}
            </a>
          </li>
        ))}
      </ul>
      <p className="download-note">{t('publicDownload.note')}</p>
    </details>
  );
}
