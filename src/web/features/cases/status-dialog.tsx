import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '../../../shared/case-vocabulary.js';
import { caseApi, caseKeys, type CaseDetail } from '../../api/case-endpoints.js';
import { Dialog, DialogActions } from '../../components/dialog.js';
import { FormAlert } from '../../components/form-field.js';
import { useToast } from '../../components/toasts.js';
import { codeLabel, codeLists, ltrIsolate } from '../../i18n/case-labels.js';
import { ChoiceSelect } from './case-form/form-controls.js';

/**
 * Changes a case's status alone. The only edit open to someone who sees the analytic view:
 * it touches no section, so nothing they cannot see is overwritten.
 */
export function StatusDialog({
  detail,
  open,
  onClose,
}: {
  detail: CaseDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      title={t('cases.statusTitle')}
      onClose={onClose}
      size="small"
      testId="status-dialog"
    >
      <StatusForm detail={detail} onClose={onClose} />
    </Dialog>
  );
}

function StatusForm({ detail, onClose }: { detail: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<CaseStatus>(detail.status);
  const mutation = useMutation({
    mutationFn: () => caseApi.update(detail.id, { version: detail.version, status }),
    onSuccess: (saved) => {
      queryClient.setQueryData(caseKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists });
      toast.show('success', t('cases.saved', { number: ltrIsolate(saved.caseNumber) }));
      onClose();
    },
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormAlert error={mutation.error} fields={['status']} />
      <ChoiceSelect
        name="status"
        label={t('cases.fields.status')}
        error={mutation.error}
        options={codeLists.caseStatus}
        labelOf={(code) => codeLabel('caseStatus', code)}
        value={status}
        onChange={(value) => {
          if (value !== '') setStatus(value);
        }}
        testId="status-select"
      />
      <DialogActions>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={mutation.isPending}
          data-testid="status-submit"
        >
          {t('common.save')}
        </button>
      </DialogActions>
    </form>
  );
}
