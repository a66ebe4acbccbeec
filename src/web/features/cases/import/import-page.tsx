import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { caseImportFormats, type CaseImportFormat } from '../../../../shared/case-schemas.js';
import { importMaxBytes } from '../../../../shared/import-schemas.js';
import { ApiError } from '../../../api/api-client.js';
import { caseKeys, importApi } from '../../../api/case-endpoints.js';
import { useOrganisations } from '../../../api/queries.js';
import { FormAlert, FormField } from '../../../components/form-field.js';
import { FileField } from '../../../components/file-field.js';
import { OrganisationSelect } from '../../../components/organisation-select.js';
import { PageHeader } from '../../../components/page-header.js';
import { errorText, requiredFieldsError } from '../../../i18n/error-text.js';
import { useFormatters } from '../../../i18n/format.js';
import { organisationsWhere } from '../../../session/permissions.js';
import { useSession } from '../../../session/session-context.js';
import '../../../styles/cases.css';
import { finished, JobReport, Progress, useImportJob } from './import-report.js';

/** A file's bytes as base64 (the API takes uploads inside JSON, through the same checks). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let at = 0; at < bytes.length; at += chunk) {
    binary += String.fromCharCode(...bytes.subarray(at, at + chunk));
  }
  return btoa(binary);
}

/**
 * Imports a CTDC or HTCDS file in two passes: a dry run that reports what would be imported,
 * what is a duplicate and which cells are refused (row, column, value, reason), then, once
 * confirmed, the real import with its progress and result.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const organisations = useOrganisations();
  const places = organisationsWhere(session.me, 'case.import', organisations.data ?? []);
  const [organisationId, setOrganisationId] = useState('');
  const numbers = useFormatters();
  const [fileFormat, setFileFormat] = useState<CaseImportFormat | ''>('');
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [clientError, setClientError] = useState<unknown>(null);
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const dryRun = useImportJob(dryRunId);
  const real = useImportJob(importId);
  const chosenOrganisation = organisationId === '' ? (places[0]?.id ?? '') : organisationId;

  const start = useMutation({
    mutationFn: async (isDryRun: boolean) => {
      if (file === null) throw new Error('no file');
      return importApi.start({
        organisationId: chosenOrganisation,
        ...(fileFormat === '' ? {} : { format: fileFormat }),
        fileName: file.name,
        content: await base64Of(file),
        dryRun: isDryRun,
      });
    },
    onSuccess: (job) => {
      queryClient.setQueryData(caseKeys.importJob(job.id), job);
      if (job.dryRun) setDryRunId(job.id);
      else setImportId(job.id);
    },
  });

  const check = (event: SubmitEvent) => {
    event.preventDefault();
    const missing = requiredFieldsError({
      organisationId: chosenOrganisation,
      fileName: file?.name ?? '',
    });
    const tooBig =
      file !== null && file.size > importMaxBytes
        ? new ApiError({ status: 413, code: 'request.body_too_large' })
        : null;
    const problem = missing ?? tooBig;
    setClientError(problem);
    if (problem !== null) return;
    setDryRunId(null);
    setImportId(null);
    start.mutate(true);
  };

  const reset = () => {
    setFile(null);
    setFileKey((key) => key + 1);
    setDryRunId(null);
    setImportId(null);
    setClientError(null);
    start.reset();
  };

  const error = clientError ?? start.error;
  const dryJob = dryRun.data;
  const realJob = real.data;
  const locked = dryRunId !== null;
  const canConfirm =
    dryJob?.status === 'succeeded' &&
    !dryJob.alreadyImported &&
    dryJob.importedRows > 0 &&
    importId === null;

  const importedNow = realJob?.status === 'succeeded' && !realJob.dryRun;
  useEffect(() => {
    // The case list shows the new cases when the user goes back to it.
    if (importedNow) void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
  }, [importedNow, queryClient]);

  return (
    <>
      <Link to="/cases" className="back-link">
        {t('cases.back')}
      </Link>
      <PageHeader title={t('imports.title')} description={t('imports.description')} />
      <ol className="import-steps" aria-label={t('imports.stepsLabel')}>
        <li className={locked ? 'import-step' : 'import-step import-step-current'}>
          {t('imports.steps.choose')}
        </li>
        <li
          className={
            locked && importId === null ? 'import-step import-step-current' : 'import-step'
          }
        >
          {t('imports.steps.check')}
        </li>
        <li className={importId !== null ? 'import-step import-step-current' : 'import-step'}>
          {t('imports.steps.import')}
        </li>
      </ol>
      <section className="card" aria-labelledby="import-file-title">
        <h2 id="import-file-title" className="section-title">
          {t('imports.fileSection')}
        </h2>
        <form className="form" onSubmit={check} noValidate data-testid="import-form">
          <FormAlert error={error} fields={['organisationId', 'fileName', 'content', 'format']} />
          <FormField
            name="organisationId"
            label={t('imports.organisation')}
            hint={t('imports.organisationHint')}
            error={error}
            required
            testId="import-organisation"
          >
            {(control) =>
              locked ? (
                <input
                  {...control}
                  className="input"
                  readOnly
                  value={places.find((place) => place.id === chosenOrganisation)?.name ?? ''}
                />
              ) : (
                <OrganisationSelect
                  control={control}
                  places={places}
                  value={chosenOrganisation}
                  onChange={setOrganisationId}
                />
              )
            }
          </FormField>
          <FormField
            name="format"
            label={t('imports.format')}
            hint={t('imports.formatHint')}
            error={error}
            testId="import-format"
          >
            {(control) => (
              <select
                {...control}
                className="input"
                value={fileFormat}
                disabled={locked}
                onChange={(event) => {
                  const next = caseImportFormats.find((item) => item === event.target.value);
                  setFileFormat(next ?? '');
                }}
              >
                <option value="">{t('imports.formatAuto')}</option>
                {caseImportFormats.map((item) => (
                  <option key={item} value={item}>
                    {t(`imports.formats.${item}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FileField
            label={t('imports.file')}
            hint={t('imports.fileHint')}
            error={error}
            testId="import-file"
            accept=".csv,.tsv,.xlsx,text/csv,text/tab-separated-values,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={locked}
            resetKey={fileKey}
            onFile={setFile}
          />
          <div className="form-actions">
            {!locked && (
              <button
                type="submit"
                className="button button-primary"
                disabled={start.isPending}
                data-testid="import-check"
              >
                {start.isPending ? t('imports.uploading') : t('imports.check')}
              </button>
            )}
            {locked && (
              <button type="button" className="button" onClick={reset} data-testid="import-restart">
                {t('imports.another')}
              </button>
            )}
          </div>
        </form>
      </section>

      {dryRunId !== null && (
        <section className="card" aria-labelledby="import-check-title" data-testid="import-dry-run">
          <h2 id="import-check-title" className="section-title">
            {t('imports.checkSection')}
          </h2>
          {dryRun.isError ? (
            <div className="alert alert-error" role="alert">
              <p>{errorText(dryRun.error)}</p>
            </div>
          ) : dryJob === undefined || !finished(dryJob) ? (
            dryJob !== undefined && <Progress job={dryJob} />
          ) : (
            <>
              <p>{t('imports.dryRunDone')}</p>
              <JobReport job={dryJob} />
              {canConfirm && (
                <div className="form-actions">
                  <button
                    type="button"
                    className="button button-primary"
                    disabled={start.isPending}
                    onClick={() => {
                      start.mutate(false);
                    }}
                    data-testid="import-confirm"
                  >
                    {t('imports.confirm', { rows: numbers.number(dryJob.importedRows) })}
                  </button>
                </div>
              )}
            </>
          )}
        </section>
      )}

      {importId !== null && (
        <section className="card" aria-labelledby="import-result-title" data-testid="import-result">
          <h2 id="import-result-title" className="section-title">
            {t('imports.resultSection')}
          </h2>
          {real.isError ? (
            <div className="alert alert-error" role="alert">
              <p>{errorText(real.error)}</p>
            </div>
          ) : realJob === undefined || !finished(realJob) ? (
            realJob !== undefined && <Progress job={realJob} />
          ) : (
            <>
              {realJob.status === 'succeeded' && (
                <div className="alert alert-success" role="status" data-testid="import-done">
                  <p>{t('imports.done')}</p>
                </div>
              )}
              <JobReport job={realJob} />
              <div className="form-actions">
                <Link to="/cases" className="button" data-testid="import-to-cases">
                  {t('imports.toCases')}
                </Link>
              </div>
            </>
          )}
        </section>
      )}
    </>
  );
}
