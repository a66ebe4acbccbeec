import { useQueries } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header.js';
import { Skeleton } from '../../components/skeleton.js';
import { errorText } from '../../i18n/error-text.js';
import { useFormatters } from '../../i18n/format.js';
import { completenessMatrix, type MatrixCell } from './completeness-matrix.js';
import { reportingYears } from './return-filter.js';
import { countText, statusLabel } from './return-labels.js';
import { returnApi, returnKeys } from './returns-api.js';
import './returns.css';

// Five reporting years side by side: enough to see who reports late or not at all, narrow enough
// for a laptop screen.
const span = 5;

function MatrixCellView({ cell }: { cell: MatrixCell | undefined }) {
  const { t, i18n } = useTranslation();
  if (cell === undefined) return <span className="muted">—</span>;
  const timeliness =
    cell.timeliness === null ? null : (
      <span
        className={
          cell.timeliness === 'late' || cell.timeliness === 'overdue' ? 'return-late' : 'muted'
        }
        data-testid="completeness-timeliness"
      >
        {t(`returns.completeness.timeliness.${cell.timeliness}`)}
        {cell.daysLate !== null &&
          cell.daysLate > 0 &&
          ` (${countText('returns.completeness.days', cell.daysLate)})`}
      </span>
    );
  if (cell.returnId === null || cell.status === null) {
    return (
      <span className="return-matrix-cell">
        <span className="muted">{t('returns.completeness.noReturn')}</span>
        {timeliness}
      </span>
    );
  }
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(cell.share);
  return (
    <Link
      to={`/returns/${cell.returnId}`}
      className="return-matrix-cell"
      data-testid="completeness-cell"
    >
      <span className={`badge badge-return-${cell.status}`}>{statusLabel(cell.status)}</span>
      <span>{t('returns.completeness.reported', { share: percent })}</span>
      {timeliness}
    </Link>
  );
}

/**
 * Completeness: reporting entities × the last five years, each cell the return's status, the
 * share of expected cells reported and whether it came in on time; the chosen year's totals on
 * top.
 */
export function CompletenessPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const yearId = useId();
  const [params, setParams] = useSearchParams();
  const years = useMemo(() => reportingYears(new Date().getFullYear()), []);
  const asked = Number(params.get('year'));
  // Last year's figures are the ones being collected now.
  const last = years.includes(asked) ? asked : (years[1] ?? years[0] ?? 2003);
  const shown = years
    .filter((year) => year <= last)
    .slice(0, span)
    .reverse();
  const reports = useQueries({
    queries: shown.map((year) => ({
      queryKey: returnKeys.completeness(year),
      queryFn: () => returnApi.completeness(year),
    })),
  });
  const loaded = reports.flatMap((report) => (report.data === undefined ? [] : [report.data]));
  const matrix = completenessMatrix(loaded);
  const failed = reports.find((report) => report.isError);
  const latest = reports.at(-1)?.data;

  return (
    <>
      <PageHeader
        title={t('returns.completeness.title')}
        description={t('returns.completeness.description')}
      />
      <div className="filters">
        <div className="field">
          <label htmlFor={yearId} className="field-label">
            {t('returns.completeness.lastYear')}
          </label>
          <select
            id={yearId}
            className="input input-narrow"
            value={String(last)}
            data-testid="completeness-year"
            onChange={(event) => {
              setParams({ year: event.target.value });
            }}
          >
            {years.map((one) => (
              <option key={one} value={String(one)}>
                {one}
              </option>
            ))}
          </select>
        </div>
      </div>
      {latest !== undefined && (
        <dl className="facts return-facts" data-testid="completeness-totals">
          <div>
            <dt>{t('returns.completeness.expected', { year: String(latest.year) })}</dt>
            <dd>{format.number(latest.expectedEntities)}</dd>
          </div>
          <div>
            <dt>{t('returns.completeness.withReturn')}</dt>
            <dd>{format.number(latest.entitiesWithReturn)}</dd>
          </div>
          <div>
            <dt>{t('returns.completeness.submitted')}</dt>
            <dd>{format.number(latest.entitiesSubmitted)}</dd>
          </div>
          <div>
            <dt>{t('returns.completeness.onTimeCount')}</dt>
            <dd>{format.number(latest.entitiesOnTime)}</dd>
          </div>
        </dl>
      )}
      {failed !== undefined && (
        <div className="alert alert-error" role="alert">
          <p>{errorText(failed.error)}</p>
        </div>
      )}
      {reports.some((report) => report.isPending) ? (
        <Skeleton lines={6} />
      ) : matrix.rows.length === 0 ? (
        <p className="empty">{t('returns.completeness.empty')}</p>
      ) : (
        <div
          className="table-scroll"
          role="region"
          aria-label={t('returns.completeness.title')}
          tabIndex={0}
        >
          <table className="table" data-testid="completeness-table">
            <caption className="visually-hidden">{t('returns.completeness.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('returns.fields.organisation')}</th>
                {shown.map((year) => (
                  <th key={year} scope="col">
                    <bdi dir="ltr">{year}</bdi>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((row) => (
                <tr key={row.organisationId}>
                  <th scope="row" className="return-row-head">
                    {row.organisationName}
                  </th>
                  {shown.map((year) => (
                    <td key={year}>
                      <MatrixCellView cell={row.years.get(year)} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
