import { useQuery } from '@tanstack/react-query';
import i18next from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { caseKeys, importApi, type ImportJob } from '../../../api/case-endpoints.js';
import { RejectionsTable, type RejectionWords } from '../../../components/rejections-table.js';
import { useFormatters } from '../../../i18n/format.js';

/** What an import job tells while it runs and when it ends: progress, counts, refused cells. */

/** Why a row or cell was refused, in words; a reason this build does not know reads generally. */
function reasonText(reason: string): string {
  const key = `imports.reasons.${reason}`;
  return i18next.exists(key) ? i18next.t(key) : i18next.t('imports.reasons.other');
}

/** A failed job's reason, from the error catalog when it is a code this build knows. */
function failureText(code: string | null): string {
  const key = `errors.${code ?? 'internal'}`;
  return i18next.exists(key) ? i18next.t(key) : i18next.t('imports.failed');
}

export const finished = (job: ImportJob | undefined) =>
  job !== undefined && (job.status === 'succeeded' || job.status === 'failed');

/** Follows a job, asking every second while it is queued or running. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: caseKeys.importJob(id ?? 'none'),
    queryFn: () => importApi.get(id ?? ''),
    enabled: id !== null,
    refetchInterval: (query) => (finished(query.state.data) ? false : 1000),
    staleTime: 0,
  });
}

export function Progress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const known = job.totalRows > 0;
  return (
    <div className="import-progress" data-testid="import-progress">
      <p id={`progress-${job.id}`}>
        {job.status === 'queued'
          ? t('imports.queued')
          : known
            ? t('imports.progress', {
                done: format.number(job.processedRows),
                total: format.number(job.totalRows),
              })
            : t('imports.reading')}
      </p>
      <progress
        className="progress"
        aria-labelledby={`progress-${job.id}`}
        {...(known ? { max: job.totalRows, value: job.processedRows } : {})}
      />
    </div>
  );
}

function Counts({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const rows: [string, number, string][] = [
    [
      job.dryRun ? t('imports.counts.wouldImport') : t('imports.counts.imported'),
      job.importedRows,
      'imported',
    ],
    [t('imports.counts.duplicates'), job.duplicateRows, 'duplicates'],
    [t('imports.counts.rejected'), job.rejectedRows, 'rejected'],
    [t('imports.counts.total'), job.totalRows, 'total'],
  ];
  return (
    <dl className="import-counts" data-testid="import-counts">
      {rows.map(([label, value, key]) => (
        <div key={key} className={`import-count import-count-${key}`}>
          <dt>{label}</dt>
          <dd data-testid={`import-count-${key}`}>{format.number(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Rejections({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const rows = useMemo(
    () => job.rejections.map(({ row, ...rest }) => ({ position: row, ...rest })),
    [job.rejections],
  );
  const words = useMemo<RejectionWords>(
    () => ({
      label: t('imports.rejectionsLabel'),
      position: t('imports.row'),
      column: t('imports.column'),
      value: t('imports.value'),
      empty: t('imports.emptyValue'),
      withheld: t('imports.withheldValue'),
      reason: t('imports.reason'),
      none: '',
    }),
    [t],
  );
  if (job.rejections.length === 0) return null;
  return (
    <>
      {job.rejectedRows > job.rejections.length && (
        <p className="field-hint">
          {t('imports.firstRejections', { shown: format.number(job.rejections.length) })}
        </p>
      )}
      <RejectionsTable
        rejections={rows}
        words={words}
        reasonText={reasonText}
        testId="import-rejections"
      />
    </>
  );
}

export function JobReport({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  if (job.status === 'failed') {
    return (
      <div className="alert alert-error" role="alert" data-testid="import-failed">
        <p>{failureText(job.errorCode)}</p>
      </div>
    );
  }
  return (
    <>
      {job.alreadyImported && (
        <div className="alert alert-warning" role="status" data-testid="import-already">
          <p>{t('imports.alreadyImported')}</p>
        </div>
      )}
      <Counts job={job} />
      <Rejections job={job} />
    </>
  );
}
