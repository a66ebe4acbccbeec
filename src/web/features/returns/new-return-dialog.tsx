import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Organisation } from '../../api/endpoints.js';
import { Dialog, DialogActions } from '../../components/dialog.js';
import { FormAlert } from '../../components/form-field.js';
import { requiredFieldsError } from '../../i18n/error-text.js';
import { ReturnScopeFields, useReturnScope } from './return-scope-fields.js';
import { returnApi, returnKeys } from './returns-api.js';

const formFields = ['organisationId', 'year'];

function NewReturnForm({
  organisations,
  years,
  onClose,
}: {
  organisations: readonly Organisation[];
  years: readonly number[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const scope = useReturnScope(organisations, years);
  const { organisationId, year } = scope;
  const [clientError, setClientError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: () => returnApi.create({ organisationId, year: Number(year) }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: returnKeys.all });
      onClose();
      await navigate(`/returns/${created.id}`);
    },
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const missing = requiredFieldsError({ organisationId, year });
    setClientError(missing);
    if (missing === null) mutation.mutate();
  };
  const error = clientError ?? mutation.error;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormAlert error={error} fields={formFields} />
      <ReturnScopeFields
        scope={scope}
        organisations={organisations}
        years={years}
        organisationHint={t('returns.list.newHint')}
        error={error}
        testIdPrefix="new-return"
      />
      <DialogActions>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={mutation.isPending}
          data-testid="new-return-submit"
        >
          {t('returns.list.create')}
        </button>
      </DialogActions>
    </form>
  );
}

/** Opens a new return for a reporting entity and year, then goes to its form. */
export function NewReturnDialog({
  open,
  organisations,
  years,
  onClose,
}: {
  open: boolean;
  organisations: readonly Organisation[];
  years: readonly number[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t('returns.list.new')} onClose={onClose} testId="new-return-dialog">
      {open && <NewReturnForm organisations={organisations} years={years} onClose={onClose} />}
    </Dialog>
  );
}
