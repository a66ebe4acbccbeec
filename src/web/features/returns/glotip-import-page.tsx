import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { glotipImportMaxBytes } from '../../../shared/glotip-import-schemas.js';
import { ApiError } from '../../api/api-client.js';
import { queryKeys } from '../../api/endpoints.js';
import { FormAlert } from '../../components/form-field.js';
import { FileField } from '../../components/file-field.js';
import { PageHeader } from '../../components/page-header.js';
import { requiredFieldsError } from '../../i18n/error-text.js';
import {
  base64Of,
  glotipFormatOf,
  glotipImportApi,
  type GlotipImportBody,
} from './glotip-import-api.js';
import {
  ImportResult,
  InconsistenciesTable,
  OutcomeCounts,
  GlotipRejections,
  ReturnsTable,
} from './glotip-import-report.js';
import { returnKeys } from './returns-api.js';
import '../../styles/cases.css';
import './glotip-import.css';

/** The upload as checked: the real import sends these same bytes, not a re-read of the file. */
type Upload = Omit<GlotipImportBody, 'dryRun'>;

/** A client-side refusal shaped like the API's, so the form shows it against the file field. */
const fileProblem = (issue: string) =>
  new ApiError({
    status: 0,
    code: 'validation.failed',
    details: [{ path: ['body', 'fileName'], issue }],
  });

/**
 * Imports a dataUNODC GLOTIP export (CSV or XLSX) into published returns of member-state
 * reporting entities, for system administrators. A dry run comes first and reports rows by
 * outcome, the refused rows and why, the breakdowns that do not add up and the returns that
 * would be written; nothing is saved until the administrator confirms.
 */
export function GlotipImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [clientError, setClientError] = useState<unknown>(null);
  const [upload, setUpload] = useState<Upload | null>(null);

  const dryRun = useMutation({
    mutationFn: (body: Upload) => glotipImportApi.run({ ...body, dryRun: true }),
  });
  const real = useMutation({
    mutationFn: (body: Upload) => glotipImportApi.run({ ...body, dryRun: false }),
    onSuccess: async () => {
      // New returns and new member-state entities show on the lists the user goes back to.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: returnKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.organisations }),
      ]);
    },
  });

  const check = async (event: SubmitEvent) => {
    event.preventDefault();
    const format = file === null ? null : glotipFormatOf(file.name);
    const problem =
      file === null
        ? requiredFieldsError({ fileName: '' })
        : format === null
          ? fileProblem('invalid_format')
          : file.size > glotipImportMaxBytes
            ? new ApiError({ status: 413, code: 'request.body_too_large' })
            : null;
    setClientError(problem);
    if (problem !== null || file === null || format === null) return;
    real.reset();
    try {
      const body = { format, content: await base64Of(file) };
      setUpload(body);
      dryRun.mutate(body);
    } catch {
      setClientError(new ApiError({ status: 0, code: 'import.unreadable_file' }));
    }
  };

  const restart = () => {
    setFile(null);
    setFileKey((key) => key + 1);
    setUpload(null);
    setClientError(null);
    dryRun.reset();
    real.reset();
  };

  const error = clientError ?? dryRun.error;
  const report = dryRun.data;
  const locked = upload !== null && !dryRun.isError;
  const canConfirm =
    report !== undefined && report.returns.length > 0 && real.isIdle && upload !== null;
  const step = real.isIdle ? (report === undefined ? 1 : 2) : 3;

  return (
    <>
      <Link to="/returns" className="back-link">
        {t('returns.import.back')}
      </Link>
      <PageHeader title={t('returns.import.title')} description={t('returns.import.description')} />
      <ol className="import-steps" aria-label={t('returns.import.stepsLabel')}>
        {(['choose', 'check', 'import'] as const).map((name, index) => (
          <li
            key={name}
            className={step === index + 1 ? 'import-step import-step-current' : 'import-step'}
            aria-current={step === index + 1 ? 'step' : undefined}
          >
            {t(`returns.import.steps.${name}`)}
          </li>
        ))}
      </ol>

      <section className="card" aria-labelledby="glotip-file-title">
        <h2 id="glotip-file-title" className="section-title">
          {t('returns.import.fileSection')}
        </h2>
        <form
          className="form"
          onSubmit={(event) => void check(event)}
          noValidate
          data-testid="glotip-import-form"
        >
          <FormAlert error={error} fields={['fileName', 'content', 'format']} />
          <FileField
            label={t('returns.import.file')}
            hint={t('returns.import.fileHint')}
            error={error}
            testId="glotip-import-file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={locked}
            resetKey={fileKey}
            onFile={setFile}
          />
          <div className="form-actions">
            {!locked && (
              <button
                type="submit"
                className="button button-primary"
                disabled={dryRun.isPending}
                data-testid="glotip-import-check"
              >
                {t('returns.import.check')}
              </button>
            )}
            {locked && (
              <button
                type="button"
                className="button"
                onClick={restart}
                disabled={dryRun.isPending || real.isPending}
                data-testid="glotip-import-restart"
              >
                {t('returns.import.another')}
              </button>
            )}
          </div>
        </form>
      </section>

      {dryRun.isPending && (
        <p role="status" data-testid="glotip-import-checking">
          {t('returns.import.checking')}
        </p>
      )}

      {report !== undefined && (
        <section
          className="card"
          aria-labelledby="glotip-check-title"
          data-testid="glotip-import-dry-run"
        >
          <h2 id="glotip-check-title" className="section-title">
            {t('returns.import.checkSection')}
          </h2>
          <p>{t('returns.import.dryRunDone')}</p>
          <OutcomeCounts report={report} />
          <h3 className="section-title">{t('returns.import.rejections.title')}</h3>
          {report.rejections.length === 0 ? (
            <p className="muted">{t('returns.import.rejections.none')}</p>
          ) : (
            <GlotipRejections rejections={report.rejections} />
          )}
          <h3 className="section-title">{t('returns.import.inconsistencies.title')}</h3>
          <InconsistenciesTable inconsistencies={report.inconsistencies} />
          <h3 className="section-title">{t('returns.import.returns.title')}</h3>
          <ReturnsTable returns={report.returns} />
          {canConfirm && (
            <div className="form-actions">
              <button
                type="button"
                className="button button-primary"
                onClick={() => {
                  real.mutate(upload);
                }}
                data-testid="glotip-import-confirm"
              >
                {t('returns.import.confirm')}
              </button>
            </div>
          )}
        </section>
      )}

      {!real.isIdle && (
        <section
          className="card"
          aria-labelledby="glotip-result-title"
          data-testid="glotip-import-result"
        >
          <h2 id="glotip-result-title" className="section-title">
            {t('returns.import.resultSection')}
          </h2>
          {real.isPending && <p role="status">{t('returns.import.importing')}</p>}
          {real.isError && <FormAlert error={real.error} fields={[]} />}
          {real.data !== undefined && (
            <>
              <div className="alert alert-success" role="status" data-testid="glotip-import-done">
                <p>{t('returns.import.done')}</p>
              </div>
              <ImportResult report={real.data} />
              <div className="form-actions">
                <Link to="/returns" className="button" data-testid="glotip-import-to-returns">
                  {t('returns.import.toReturns')}
                </Link>
              </div>
            </>
          )}
        </section>
      )}
    </>
  );
}
