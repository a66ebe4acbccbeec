import { useMutation } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-client.js';
import { caseApi } from '../../api/case-endpoints.js';
import { Dialog, DialogActions } from '../../components/dialog.js';
import { FormAlert, FormField } from '../../components/form-field.js';
import { ltrIsolate } from '../../i18n/case-labels.js';
import { TextArea } from './case-form/form-controls.js';

const minimumReason = 20;

function tooShort(field: string): ApiError {
  return new ApiError({
    status: 0,
    code: 'validation.failed',
    details: [{ path: ['body', field], issue: 'too_small' }],
  });
}

/**
 * Emergency access to a case outside one's own organisations: a reason of at least 20
 * characters, recorded and told to the case holder's data managers; read-only, and it expires.
 */
export function BreakGlassDialog({
  caseId,
  open,
  onClose,
  onGranted,
}: {
  caseId: string;
  open: boolean;
  onClose: () => void;
  onGranted: (expiresAt: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      title={t('cases.breakGlass.title')}
      onClose={onClose}
      testId="break-glass-dialog"
    >
      <BreakGlassForm caseId={caseId} onClose={onClose} onGranted={onGranted} />
    </Dialog>
  );
}

function BreakGlassForm({
  caseId,
  onClose,
  onGranted,
}: {
  caseId: string;
  onClose: () => void;
  onGranted: (expiresAt: string) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [clientError, setClientError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: () => caseApi.breakGlass(caseId, reason.trim()),
    onSuccess: (grant) => {
      onGranted(grant.expiresAt);
    },
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const problem = reason.trim().length < minimumReason ? tooShort('reason') : null;
    setClientError(problem);
    if (problem === null) mutation.mutate();
  };
  const error = clientError ?? mutation.error;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="alert alert-warning">
        <p>{t('cases.breakGlass.warning')}</p>
      </div>
      <FormAlert error={error} fields={['reason']} />
      <TextArea
        name="reason"
        label={t('cases.breakGlass.reason')}
        hint={t('cases.breakGlass.reasonHint')}
        error={error}
        required
        maxLength={2000}
        rows={4}
        value={reason}
        onChange={setReason}
        testId="break-glass-reason"
      />
      <DialogActions>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button-danger"
          disabled={mutation.isPending}
          data-testid="break-glass-submit"
        >
          {t('cases.breakGlass.open')}
        </button>
      </DialogActions>
    </form>
  );
}

/**
 * "Forget this person": the case's key is destroyed, so every identifying field, sealed text
 * and referral packet becomes unreadable for good; the anonymous facts stay for statistics.
 * The case number must be typed again, as a deliberate act.
 */
export function ForgetDialog({
  caseId,
  caseNumber,
  open,
  onClose,
  onForgotten,
}: {
  caseId: string;
  caseNumber: string;
  open: boolean;
  onClose: () => void;
  onForgotten: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      title={t('cases.forget.title')}
      onClose={onClose}
      size="small"
      testId="forget-dialog"
    >
      <ForgetForm
        caseId={caseId}
        caseNumber={caseNumber}
        onClose={onClose}
        onForgotten={onForgotten}
      />
    </Dialog>
  );
}

function ForgetForm({
  caseId,
  caseNumber,
  onClose,
  onForgotten,
}: {
  caseId: string;
  caseNumber: string;
  onClose: () => void;
  onForgotten: () => void;
}) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const mutation = useMutation({
    mutationFn: () => caseApi.forget(caseId, typed.trim()),
    onSuccess: onForgotten,
  });
  const matches = typed.trim() === caseNumber;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (matches) mutation.mutate();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="alert alert-error">
        <p>{t('cases.forget.warning')}</p>
      </div>
      <p>{t('cases.forget.keeps')}</p>
      <FormAlert error={mutation.error} fields={['confirmCaseNumber']} />
      <FormField
        name="confirmCaseNumber"
        label={t('cases.forget.confirmLabel', { number: ltrIsolate(caseNumber) })}
        error={mutation.error}
        required
        testId="forget-confirm"
      >
        {(control) => (
          <input
            {...control}
            className="input"
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => {
              setTyped(event.target.value);
            }}
          />
        )}
      </FormField>
      <DialogActions>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button-danger"
          disabled={!matches || mutation.isPending}
          data-testid="forget-submit"
        >
          {t('cases.forget.submit')}
        </button>
      </DialogActions>
    </form>
  );
}
