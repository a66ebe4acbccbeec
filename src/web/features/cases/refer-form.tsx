import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { referralPacketFields, type ServiceKind } from '../../../shared/case-vocabulary.js';
import { ApiError } from '../../api/api-client.js';
import { caseKeys, referralApi } from '../../api/case-endpoints.js';
import { useSubmissionKeys } from '../../api/submission-keys.js';
import { DialogActions } from '../../components/dialog.js';
import { FormAlert, FormField } from '../../components/form-field.js';
import { useToast } from '../../components/toasts.js';
import { codeLabel, codeLabels } from '../../i18n/case-labels.js';
import { errorText, requiredFieldsError } from '../../i18n/error-text.js';
import { useSession } from '../../session/session-context.js';
import { ChoiceSelect, TextArea, TextInput } from './case-form/form-controls.js';

const minimumReason = 20;

/**
 * Sends a referral: provider, kind of service, a deadline to acknowledge, an optional note.
 * Shows what the packet will carry (only what that service needs). When the person has not
 * consented to referral, says so; a user allowed to override may then give a reason.
 */
export function ReferForm({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const providers = useQuery({ queryKey: caseKeys.providers, queryFn: referralApi.providers });
  const active = (providers.data ?? []).filter((provider) => provider.active);
  const [providerId, setProviderId] = useState('');
  const [serviceKind, setServiceKind] = useState<ServiceKind | ''>('');
  const [days, setDays] = useState('3');
  const [note, setNote] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [needsOverride, setNeedsOverride] = useState(false);
  const [clientError, setClientError] = useState<unknown>(null);
  const provider = active.find((item) => item.id === providerId);
  const kinds = provider?.kinds ?? [];
  const canOverride = session.can('consent.override');
  // Sending the same answers again after a lost answer returns the referral made; another
  // provider, service or note is another referral.
  const submissionKey = useSubmissionKeys();

  const mutation = useMutation({
    mutationFn: (override: boolean) => {
      const body = {
        providerId,
        serviceKind: serviceKind as ServiceKind,
        note: note.trim() === '' ? null : note.trim(),
        acknowledgeWithinDays: /^\d+$/.test(days.trim())
          ? Number(days.trim())
          : (days as unknown as number),
        ...(override ? { overrideReason: overrideReason.trim() } : {}),
      };
      return referralApi.refer(caseId, body, submissionKey(body));
    },
    onSuccess: async (referral) => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.referrals(caseId) });
      toast.show('success', t('referrals.sent', { provider: referral.providerName }));
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'consent.required') setNeedsOverride(true);
    },
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const missing = requiredFieldsError({ providerId, serviceKind });
    const override = needsOverride && canOverride;
    const reasonMissing =
      override && overrideReason.trim().length < minimumReason
        ? new ApiError({
            status: 0,
            code: 'validation.failed',
            details: [{ path: ['body', 'overrideReason'], issue: 'too_small' }],
          })
        : null;
    const problem = missing ?? reasonMissing;
    setClientError(problem);
    if (problem === null) mutation.mutate(override);
  };
  const error = clientError ?? mutation.error;
  const consentMissing =
    mutation.error instanceof ApiError && mutation.error.code === 'consent.required';

  if (providers.isSuccess && active.length === 0) {
    return (
      <>
        <p data-testid="no-providers">{t('referrals.noProviders')}</p>
        {session.can('provider.manage') && (
          <Link to="/providers">{t('referrals.manageProviders')}</Link>
        )}
        <DialogActions>
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </DialogActions>
      </>
    );
  }

  return (
    <form className="form" onSubmit={submit} noValidate data-testid="refer-form">
      {consentMissing ? (
        <div className="alert alert-warning" role="alert" data-testid="consent-required">
          <p>{errorText(mutation.error)}</p>
          <p>{canOverride ? t('referrals.overrideIntro') : t('referrals.recordConsentFirst')}</p>
        </div>
      ) : (
        <FormAlert
          error={error}
          fields={['providerId', 'serviceKind', 'acknowledgeWithinDays', 'note', 'overrideReason']}
        />
      )}
      <FormField
        name="providerId"
        label={t('referrals.provider')}
        error={error}
        required
        testId="refer-provider"
      >
        {(control) => (
          <select
            {...control}
            className="input"
            value={providerId}
            onChange={(event) => {
              setProviderId(event.target.value);
              const next = active.find((item) => item.id === event.target.value);
              setServiceKind(next?.kinds.length === 1 ? (next.kinds[0] ?? '') : '');
            }}
          >
            <option value="">
              {providers.isPending ? t('common.loading') : t('common.choose')}
            </option>
            {active.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name} ({codeLabels('serviceKind', item.kinds)})
              </option>
            ))}
          </select>
        )}
      </FormField>
      <ChoiceSelect
        name="serviceKind"
        label={t('referrals.serviceKind')}
        error={error}
        required
        options={kinds}
        labelOf={(code) => codeLabel('serviceKind', code)}
        value={serviceKind}
        onChange={setServiceKind}
        emptyLabel={t('common.choose')}
        testId="refer-kind"
      />
      {serviceKind !== '' && (
        <div className="packet-preview" data-testid="packet-preview">
          <p className="field-label">{t('referrals.packetPreview')}</p>
          <p>{codeLabels('packetField', referralPacketFields[serviceKind])}</p>
        </div>
      )}
      <TextInput
        name="acknowledgeWithinDays"
        label={t('referrals.acknowledgeWithin')}
        hint={t('referrals.acknowledgeHint')}
        error={error}
        inputMode="numeric"
        ltr
        maxLength={2}
        className="input input-narrow"
        value={days}
        onChange={setDays}
        testId="refer-days"
      />
      <TextArea
        name="note"
        label={t('referrals.note')}
        hint={t('referrals.noteHint')}
        error={error}
        maxLength={5000}
        value={note}
        onChange={setNote}
        testId="refer-note"
      />
      {needsOverride && canOverride && (
        <TextArea
          name="overrideReason"
          label={t('referrals.overrideReason')}
          hint={t('referrals.overrideHint')}
          error={error}
          required
          maxLength={2000}
          value={overrideReason}
          onChange={setOverrideReason}
          testId="refer-override-reason"
        />
      )}
      <DialogActions>
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className={
            needsOverride && canOverride ? 'button button-danger' : 'button button-primary'
          }
          disabled={mutation.isPending || (consentMissing && !canOverride)}
          data-testid="refer-submit"
        >
          {needsOverride && canOverride ? t('referrals.referWithOverride') : t('referrals.refer')}
        </button>
      </DialogActions>
    </form>
  );
}
