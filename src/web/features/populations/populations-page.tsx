import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { populationImportMaxBytes } from '../../../shared/population-schemas.js';
import { ApiError } from '../../api/api-client.js';
import { DataTable, type ColumnDef } from '../../components/data-table.js';
import { FileField } from '../../components/file-field.js';
import { FormAlert } from '../../components/form-field.js';
import { PageHeader } from '../../components/page-header.js';
import { countryName } from '../../i18n/country-names.js';
import { requiredFieldsError } from '../../i18n/error-text.js';
import { useFormatters } from '../../i18n/format.js';
import { useSession } from '../../session/session-context.js';
import '../../styles/cases.css';
import { HeaderProblems, ImportCounts, PopulationRejections } from './population-import-report.js';
import { populationKeys, populationsApi, type Population } from './populations-api.js';

/** The loaded figures, newest year first within each country. */
function PopulationTable() {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const list = useQuery({ queryKey: populationKeys.all, queryFn: populationsApi.list });
  const columns = useMemo<ColumnDef<Population>[]>(
    () => [
      {
        id: 'country',
        header: t('populations.table.country'),
        accessorFn: (p) => countryName(p.country, i18n.language),
      },
      {
        id: 'year',
        header: t('populations.table.year'),
        accessorFn: (p) => p.year,
        cell: ({ row }) => <span dir="ltr">{row.original.year}</span>,
      },
      {
        id: 'population',
        header: t('populations.table.population'),
        accessorFn: (p) => p.population,
        cell: ({ row }) => format.number(row.original.population),
      },
      {
        id: 'source',
        header: t('populations.table.source'),
        accessorFn: (p) => p.source ?? '',
        cell: ({ row }) => row.original.source ?? '—',
      },
      {
        id: 'updated',
        header: t('populations.table.updated'),
        accessorFn: (p) => p.updatedAt,
        cell: ({ row }) => format.dateTime(row.original.updatedAt),
      },
    ],
    [t, i18n.language, format],
  );
  return (
    <DataTable
      label={t('populations.table.label')}
      data={list.data?.items}
      columns={columns}
      isLoading={list.isLoading}
      error={list.error}
      onRetry={() => void list.refetch()}
      emptyText={t('populations.table.empty')}
      getRowId={(p) => `${p.country}-${String(p.year)}`}
      filterable
      pageSize={25}
      testId="population-table"
      captionHidden
    />
  );
}

/**
 * Uploads a population CSV in two passes: a dry run reporting new, changed, unchanged and
 * refused rows (line, column, value, reason), then, once confirmed, the import itself.
 */
function PopulationImport() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [clientError, setClientError] = useState<unknown>(null);
  // The text as checked: the import sends these same characters, not a re-read of the file.
  const [csv, setCsv] = useState<string | null>(null);
  const dryRun = useMutation({
    mutationFn: (text: string) => populationsApi.importCsv({ csv: text, dryRun: true }),
  });
  const real = useMutation({
    mutationFn: (text: string) => populationsApi.importCsv({ csv: text, dryRun: false }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: populationKeys.all }),
  });

  const check = async (event: SubmitEvent) => {
    event.preventDefault();
    const problem =
      file === null
        ? requiredFieldsError({ fileName: '' })
        : file.size > populationImportMaxBytes
          ? new ApiError({ status: 413, code: 'request.body_too_large' })
          : null;
    setClientError(problem);
    if (problem !== null || file === null) return;
    real.reset();
    const text = await file.text();
    setCsv(text);
    dryRun.mutate(text);
  };

  const restart = () => {
    setFile(null);
    setFileKey((key) => key + 1);
    setCsv(null);
    setClientError(null);
    dryRun.reset();
    real.reset();
  };

  const error = clientError ?? dryRun.error;
  const report = dryRun.data;
  const locked = csv !== null && !dryRun.isError;
  const changes = report === undefined ? 0 : report.created + report.updated;

  return (
    <section className="card" aria-labelledby="population-import-title">
      <h2 id="population-import-title" className="section-title">
        {t('populations.import.title')}
      </h2>
      <form
        className="form"
        onSubmit={(event) => void check(event)}
        noValidate
        data-testid="population-import-form"
      >
        <HeaderProblems error={error} />
        <FormAlert error={error} fields={['fileName', 'csv']} />
        <FileField
          label={t('populations.import.file')}
          hint={t('populations.import.fileHint')}
          error={error}
          testId="population-import-file"
          accept=".csv,text/csv"
          disabled={locked}
          resetKey={fileKey}
          onFile={setFile}
        />
        <div className="form-actions">
          {locked ? (
            <button
              type="button"
              className="button"
              onClick={restart}
              disabled={dryRun.isPending || real.isPending}
              data-testid="population-import-restart"
            >
              {t('populations.import.another')}
            </button>
          ) : (
            <button
              type="submit"
              className="button button-primary"
              disabled={dryRun.isPending}
              data-testid="population-import-check"
            >
              {t('populations.import.check')}
            </button>
          )}
        </div>
      </form>
      {dryRun.isPending && <p role="status">{t('populations.import.checking')}</p>}
      {report !== undefined && (
        <div data-testid="population-import-dry-run">
          <h3 className="section-title">{t('populations.import.checkTitle')}</h3>
          <p>{t('populations.import.dryRunDone')}</p>
          <ImportCounts report={report} />
          {report.rejections.length > 0 && (
            <>
              <h3 className="section-title">{t('populations.import.rejections.title')}</h3>
              <PopulationRejections rejections={report.rejections} />
            </>
          )}
          {changes === 0 && <p className="muted">{t('populations.import.nothingToDo')}</p>}
          {changes > 0 && real.isIdle && csv !== null && (
            <div className="form-actions">
              <button
                type="button"
                className="button button-primary"
                onClick={() => {
                  real.mutate(csv);
                }}
                data-testid="population-import-confirm"
              >
                {t('populations.import.confirm')}
              </button>
            </div>
          )}
        </div>
      )}
      {real.isPending && <p role="status">{t('populations.import.importing')}</p>}
      {real.isError && <FormAlert error={real.error} fields={[]} />}
      {real.data !== undefined && (
        <div className="alert alert-success" role="status" data-testid="population-import-done">
          <p>{t('populations.import.done')}</p>
          <ImportCounts report={real.data} />
        </div>
      )}
    </section>
  );
}

/**
 * Population figures by country and year: the table public pages divide by to show rates per
 * 100,000. Anyone who manages publication sees what is loaded; system administrators import.
 */
export function PopulationsPage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <>
      <PageHeader title={t('populations.title')} description={t('populations.description')} />
      {session.isSystemAdmin ? (
        <PopulationImport />
      ) : (
        <p className="muted" data-testid="population-import-admins-only">
          {t('populations.import.onlyAdmins')}
        </p>
      )}
      <section className="card" aria-labelledby="population-table-title">
        <h2 id="population-table-title" className="section-title">
          {t('populations.table.label')}
        </h2>
        <PopulationTable />
      </section>
    </>
  );
}
