import i18next from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-client.js';
import { RejectionsTable, type RejectionWords } from '../../components/rejections-table.js';
import { useFormatters } from '../../i18n/format.js';
import type { PopulationImportReport } from './populations-api.js';

type Rejection = PopulationImportReport['rejections'][number];

/** Why a row was refused, in words; a reason this build does not know reads as the code. */
function reasonText(reason: string): string {
  const key = `populations.import.reasons.${reason}`;
  return i18next.exists(key) ? i18next.t(key) : reason;
}

/** Counts by outcome: new, changed, unchanged and refused rows. */
export function ImportCounts({ report }: { report: PopulationImportReport }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const outcomes = ['created', 'updated', 'unchanged', 'rejected'] as const;
  return (
    <dl className="import-counts" data-testid="population-import-counts">
      {outcomes.map((outcome) => (
        <div key={outcome} data-outcome={outcome}>
          <dt>{t(`populations.import.counts.${outcome}`)}</dt>
          <dd>{format.number(report[outcome])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The refused rows: file line, column, the cell as written and why. */
export function PopulationRejections({ rejections }: { rejections: readonly Rejection[] }) {
  const { t } = useTranslation();
  const rows = useMemo(
    () => rejections.map(({ line, ...rest }) => ({ position: line, ...rest })),
    [rejections],
  );
  const words = useMemo<RejectionWords>(
    () => ({
      label: t('populations.import.rejections.title'),
      position: t('populations.import.rejections.line'),
      column: t('populations.import.rejections.column'),
      value: t('populations.import.rejections.value'),
      empty: t('populations.import.rejections.empty'),
      reason: t('populations.import.rejections.reason'),
      none: t('populations.import.rejections.none'),
    }),
    [t],
  );
  return (
    <RejectionsTable
      rejections={rows}
      words={words}
      reasonText={reasonText}
      testId="population-rejections"
      captionHidden
    />
  );
}

const headerIssues = ['missing_column', 'unknown_column', 'repeated_column'] as const;

/**
 * The header problems of a refused file (`validation.failed` at `body.csv.header.<column>`),
 * one line each, or null when the error is not about the header.
 */
export function HeaderProblems({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError)) return null;
  const problems = error.details.flatMap((detail) => {
    const [body, csv, header, column] = detail.path;
    const issue = headerIssues.find((known) => known === detail.issue);
    return body === 'body' && csv === 'csv' && header === 'header' && issue !== undefined
      ? [{ column: String(column ?? ''), issue }]
      : [];
  });
  if (problems.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert" data-testid="population-header-problems">
      <p>{t('populations.import.headerProblems')}</p>
      <ul>
        {problems.map(({ column, issue }) => (
          <li key={`${issue}-${column}`} data-issue={issue}>
            {t(`populations.import.header.${issue}`, { column })}
          </li>
        ))}
      </ul>
    </div>
  );
}
