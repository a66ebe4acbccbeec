import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CrosstabDimension } from '../../../shared/crosstab-schemas.js';
import { caseApi, caseKeys } from '../../api/case-endpoints.js';
import { useOrganisations } from '../../api/queries.js';
import { PageHeader } from '../../components/page-header.js';
import { Skeleton } from '../../components/skeleton.js';
import { errorText } from '../../i18n/error-text.js';
import { organisationsWhere } from '../../session/permissions.js';
import { useSearchState, type StateUpdate } from '../../shell/search-state.js';
import { useSession } from '../../session/session-context.js';
import { tableGrid } from './crosstab-table.js';
import { statsApi, statsKeys } from './stats-api.js';
import { StatsControls } from './stats-controls.js';
import { internalTableCsv } from './stats-csv.js';
import { dimensionLabel, valueLabel, type LabelContext } from './stats-labels.js';
import { StatsResult, useLaidOut, type LaidOut } from './stats-result.js';
import {
  crosstabQueryOf,
  normaliseView,
  searchOfView,
  viewOfSearch,
  type StatsView,
} from './stats-view.js';
import './stats.css';

/** Ready-made breakdowns the issue names: sex × age profile, flows, forms, conflict, places. */
const presets: readonly { id: string; row: CrosstabDimension; column: CrosstabDimension }[] = [
  { id: 'sexAge', row: 'sex', column: 'ageBand' },
  { id: 'flows', row: 'citizenship', column: 'country' },
  { id: 'exploitationYear', row: 'exploitation', column: 'year' },
  { id: 'conflictCrisis', row: 'crisis', column: 'conflict' },
  { id: 'countryYear', row: 'country', column: 'year' },
];

/** The address of a view, made consistent first (a change may leave a dimension twice). */
const searchOfNormalisedView = (view: StatsView) => searchOfView(normaliseView(view));

/** The banner no one can miss: exact counts, no disclosure control, internal use only. */
function UnprotectedBanner() {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section
      className="alert stats-unprotected"
      aria-labelledby={headingId}
      data-testid="stats-unprotected"
    >
      <h2 id={headingId} className="stats-unprotected-title">
        <span aria-hidden="true">⚠ </span>
        {t('stats.unprotected.title')}
      </h2>
      <p>{t('stats.unprotected.body')}</p>
      <p>
        <Link to="/public" data-testid="stats-public-link">
          {t('stats.unprotected.publicLink')}
        </Link>
      </p>
    </section>
  );
}

/** One-click breakdowns; each keeps the scope and the country grouping, and drops filters. */
function StatsPresets({
  view,
  onChange,
}: {
  view: StatsView;
  onChange: (update: StateUpdate<StatsView>) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="stats-presets" role="group" aria-label={t('stats.presets.title')}>
      <span className="field-label">{t('stats.presets.title')}</span>
      {presets.map((preset) => (
        <button
          key={preset.id}
          type="button"
          className="button button-small"
          aria-pressed={view.row === preset.row && view.column === preset.column}
          data-testid={`stats-preset-${preset.id}`}
          onClick={() => {
            onChange((current) => ({
              ...current,
              row: preset.row,
              column: preset.column,
              layer: null,
              slice: null,
              filters: [],
            }));
          }}
        >
          {t(`stats.presets.${preset.id}`)}
        </button>
      ))}
    </div>
  );
}

function download(name: string, text: string): void {
  // A byte-order mark so that spreadsheet programs read Arabic, Chinese and Russian as UTF-8.
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Give the browser a moment to start the download before the address is revoked.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 1000);
}

/** The CSV of the table on screen, "unprotected, internal" on its first line. */
function csvOf(
  laidOut: LaidOut,
  view: StatsView,
  context: LabelContext,
  t: (key: string, values?: Record<string, string>) => string,
): string {
  const scope =
    view.organisationId === null
      ? t('stats.controls.allScope')
      : (context.organisationNames.get(view.organisationId) ?? t('common.unknownOrganisation'));
  // Filters name countries, never regions.
  const asCountries = { ...context, grouping: 'country' as const };
  const filters = view.filters
    .map(
      (filter) =>
        `${dimensionLabel(filter.dimension)} = ${valueLabel(filter.dimension, filter.value, asCountries)}`,
    )
    .join('; ');
  return internalTableCsv(
    t('stats.csv.notice'),
    [
      t('stats.csv.table', { caption: laidOut.caption }),
      t('stats.csv.scope', { scope }),
      t('stats.csv.filters', { filters: filters === '' ? t('stats.csv.noFilters') : filters }),
      t('stats.csv.generated', { at: new Date().toISOString() }),
    ],
    tableGrid(laidOut.table, laidOut.words),
  );
}

/**
 * Internal case statistics: counts of case records broken down by up to three dimensions (plus
 * filters) from the pre-aggregated cube, over the organisations whose statistics the user may
 * read, as a table with totals, a bar chart and a CSV file. No disclosure control runs here, and
 * the page says so in a banner and in every file.
 */
export function StatsPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [view, setView] = useSearchState(viewOfSearch, searchOfNormalisedView);
  const organisations = useOrganisations(session.can('org.read'));
  const readable = organisationsWhere(session.me, 'stats.read', organisations.data ?? []);
  const crises = useQuery({ queryKey: caseKeys.crises, queryFn: caseApi.crises });
  const query = crosstabQueryOf(view);
  const answer = useQuery({
    queryKey: statsKeys.crosstab(query),
    queryFn: () => statsApi.crosstab(query),
    placeholderData: keepPreviousData,
  });
  const language = i18n.language;
  const context = useMemo<LabelContext>(
    () => ({
      language,
      grouping: view.grouping,
      organisationNames: new Map((organisations.data ?? []).map((org) => [org.id, org.name])),
      crisisNames: new Map((crises.data ?? []).map((crisis) => [crisis.id, crisis.name])),
    }),
    [language, view.grouping, organisations.data, crises.data],
  );
  const laidOut = useLaidOut(answer.data, view, context);

  const downloadCsv = () => {
    if (laidOut === null) return;
    const name = `vigil-internal-case-statistics-${query.dims.replaceAll(',', '-')}.csv`;
    download(name, csvOf(laidOut, view, context, t));
  };

  return (
    <>
      <PageHeader title={t('stats.title')} description={t('stats.description')} />
      <UnprotectedBanner />
      <StatsPresets view={view} onChange={setView} />
      <StatsControls
        view={view}
        onChange={setView}
        organisations={readable}
        context={context}
        currentYear={new Date().getFullYear()}
      />
      {answer.isError && (
        <div className="alert alert-error" role="alert">
          <p>{errorText(answer.error)}</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              void answer.refetch();
            }}
          >
            {t('common.retry')}
          </button>
        </div>
      )}
      {laidOut === null ? (
        answer.isPending && <Skeleton lines={6} />
      ) : (
        <StatsResult
          laidOut={laidOut}
          view={view}
          onChange={setView}
          context={context}
          busy={answer.isPlaceholderData}
          onDownload={downloadCsv}
        />
      )}
    </>
  );
}
