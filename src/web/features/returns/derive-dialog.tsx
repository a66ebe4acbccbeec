import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Organisation } from '../../api/endpoints.js';
import { Dialog, DialogActions } from '../../components/dialog.js';
import { FormAlert, FormField } from '../../components/form-field.js';
import { useToast } from '../../components/toasts.js';
import { requiredFieldsError } from '../../i18n/error-text.js';
import { derivationApi, derivationKeys } from './derivation-api.js';
import { defaultPolicyId } from './derived-counts.js';
import { policyWords } from './return-labels.js';
import { ReturnScopeFields, useReturnScope } from './return-scope-fields.js';
import { returnKeys } from './returns-api.js';

const formFields = ['organisationId', 'year', 'policyId'];

function DeriveForm({
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
  const toast = useToast();
  const queryClient = useQueryClient();
  const policies = useQuery({ queryKey: derivationKeys.policies, queryFn: derivationApi.policies });
  const scope = useReturnScope(organisations, years);
  const { organisationId, year } = scope;
  const [chosenPolicy, setChosenPolicy] = useState<string | null>(null);
  const [includeSynthetic, setIncludeSynthetic] = useState(false);
  const [clientError, setClientError] = useState<unknown>(null);
  const policyId = defaultPolicyId(policies.data ?? [], chosenPolicy);
  const policy = policies.data?.find((one) => one.id === policyId);
  const mutation = useMutation({
    mutationFn: () =>
      derivationApi.derive({ organisationId, year: Number(year), policyId, includeSynthetic }),
    onSuccess: async (derived) => {
      await queryClient.invalidateQueries({ queryKey: returnKeys.all });
      toast.show('success', t('returns.derive.done'));
      onClose();
      await navigate(`/returns/${derived.returnId}`);
    },
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const missing = requiredFieldsError({ organisationId, year, policyId });
    setClientError(missing);
    if (missing === null) mutation.mutate();
  };
  const error = clientError ?? mutation.error ?? policies.error;
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>{t('returns.derive.intro')}</p>
      <FormAlert error={error} fields={formFields} />
      <ReturnScopeFields
        scope={scope}
        organisations={organisations}
        years={years}
        organisationHint={t('returns.derive.organisationHint')}
        error={error}
        testIdPrefix="derive"
      />
      <FormField
        name="policyId"
        label={t('returns.derive.policy')}
        hint={policy === undefined ? undefined : policyWords(policy).description}
        error={error}
        required
        testId="derive-policy"
      >
        {(control) => (
          <select
            {...control}
            className="input"
            value={policyId}
            disabled={policies.isPending}
            onChange={(event) => {
              setChosenPolicy(event.target.value);
            }}
          >
            {(policies.data ?? []).map((one) => (
              <option key={one.id} value={one.id}>
                {policyWords(one).name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <label className="check">
        <input
          type="checkbox"
          checked={includeSynthetic}
          onChange={(event) => {
            setIncludeSynthetic(event.target.checked);
          }}
          data-testid="derive-synthetic"
        />{' '}
        {t('returns.derive.includeSynthetic')}
      </label>
      <DialogActions>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="button button-primary"
          disabled={mutation.isPending || policies.isPending}
          data-testid="derive-submit"
        >
          {t('returns.derive.submit')}
        </button>
      </DialogActions>
    </form>
  );
}

/**
 * Derives a draft return from the case records of an organisation (and those under it) for a
 * year, counted by the chosen policy, then goes to the return to review it.
 */
export function DeriveDialog({
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
    <Dialog open={open} title={t('returns.derive.title')} onClose={onClose} testId="derive-dialog">
      {open && <DeriveForm organisations={organisations} years={years} onClose={onClose} />}
    </Dialog>
  );
}
