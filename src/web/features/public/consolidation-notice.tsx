import type { TFunction } from 'i18next';
import type {
  PublicChart,
  PublicConsolidation,
  PublicReport,
} from '../../../shared/public-schemas.js';
import { usePublicTranslation } from './public-i18n.js';
import { sourceMessageKey } from './public-labels.js';

/** A report as one line: the entity, its kind and the source of its figures. */
function reportText(t: TFunction, report: PublicReport): string {
  const sourceKey = sourceMessageKey(report.source);
  return t('publicConsolidation.report', {
    name: report.organisationName,
    type: t(`publicConsolidation.types.${report.organisationType}`),
    source: sourceKey === null ? report.source : t(sourceKey),
  });
}

/**
 * Beside the protection notices: which figure a country-year counts when several entities
 * report on it (the consolidation rule), how many reports were kept aside, and a "view sources"
 * table naming, per country and year, the report counted and those kept aside (kept-aside ones
 * first). Country names come from the map's rows, already in the reader's language.
 */
export function ConsolidationNotice({
  consolidation,
  charts,
}: {
  consolidation: PublicConsolidation;
  charts: readonly PublicChart[];
}) {
  const { t } = usePublicTranslation();
  if (consolidation.sources.length === 0) return null;
  const names = new Map<string, string>();
  for (const row of charts.find((chart) => chart.id === 'map')?.rows ?? []) {
    const { country, countryName } = row.dimensions;
    if (country !== undefined && countryName !== undefined) names.set(country, countryName);
  }
  const entries = [
    ...consolidation.sources.filter((entry) => entry.keptAside.length > 0),
    ...consolidation.sources.filter((entry) => entry.keptAside.length === 0),
  ];
  return (
    <div
      className="protection-notice consolidation-notice"
      data-testid="consolidation-notice"
      data-rule={consolidation.rule}
      data-kept-aside={consolidation.keptAside}
    >
      <p>
        <span className="protection-label">{t('publicConsolidation.label')}</span>{' '}
        {t(`publicConsolidation.rules.${consolidation.descriptionKey}`)}{' '}
        {t('publicConsolidation.keptAside', { count: consolidation.keptAside })}
      </p>
      <details className="consolidation-sources" data-testid="consolidation-sources">
        <summary>{t('publicConsolidation.viewSources')}</summary>
        <div className="table-scroll public-table-scroll">
          <table className="table public-table" data-testid="consolidation-table">
            <caption className="visually-hidden">{t('publicConsolidation.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('publicColumns.countryName')}</th>
                <th scope="col">{t('publicColumns.year')}</th>
                <th scope="col">{t('publicConsolidation.counted')}</th>
                <th scope="col">{t('publicConsolidation.keptAsideColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr
                  key={`${entry.country}|${String(entry.year)}`}
                  data-kept-aside={entry.keptAside.length > 0 ? 'true' : undefined}
                >
                  <td data-raw={entry.country}>{names.get(entry.country) ?? entry.country}</td>
                  <td>{entry.year}</td>
                  <td>{reportText(t, entry.counted)}</td>
                  <td>
                    {entry.keptAside.length === 0
                      ? t('publicConsolidation.none')
                      : entry.keptAside.map((report) => reportText(t, report)).join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
