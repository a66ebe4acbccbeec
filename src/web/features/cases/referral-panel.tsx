import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  referralPacketFields,
  referralTransitions,
  type ServiceKind,
} from '../../../shared/case-vocabulary.js';
import { ApiError } from '../../api/api-client.js';
import { useSubmissionKeys } from '../../api/submission-keys.js';
import {
  caseKeys,
  referralApi,
  type IncomingReferral,
  type Referral,
} from '../../api/case-endpoints.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DataTable, type ColumnDef } from '../../components/data-table.js';
import { Dialog, DialogActions } from '../../components/dialog.js';
import { FormAlert, FormField } from '../../components/form-field.js';
import { useToast } from '../../components/toasts.js';
import { codeLabel, codeLabels } from '../../i18n/case-labels.js';
import { errorText, requiredFieldsError } from '../../i18n/error-text.js';
import { useFormatters } from '../../i18n/format.js';
import { useSession } from '../../session/session-context.js';
import { ChoiceSelect, TextArea, TextInput } from './case-form/form-controls.js';

/** A referral's status, with "overdue" when the recipient has not acknowledged it in time. */
export function ReferralStatusBadges({ referral }: { referral: IncomingReferral }) {
  const { t } = useTranslation();
  return (
    <span className="badges">
      <span className={`badge badge-referral-${referral.status}`} data-testid="referral-status">
        {codeLabel('referralStatus', referral.status)}
      </span>
      {referral.overdue && (
        <span className="badge badge-overdue" data-testid="referral-overdue">
          {t('referrals.overdue')}
        </span>
      )}
      {referral.consentOverridden && (
        <span className="badge badge-warning">{t('referrals.overridden')}</span>
      )}
    </span>
  );
}

const minimumReason = 20;

/**
 * Sends a referral: provider, kind of service, a deadline to acknowledge, an optional note.
 * Shows what the packet will carry (only what that service needs). When the person has not
 * consented to referral, says so; a user allowed to override may then give a reason.
 */
function ReferForm({ caseId, onClose }: { caseId: string; onClose: () => void }) {
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

/** The referrals of a case: to whom, for what, where each stands; send and withdraw. */
export function ReferralPanel({ caseId, canRefer }: { caseId: string; canRefer: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const toast = useToast();
  const queryClient = useQueryClient();
  const session = useSession();
  const referrals = useQuery({
    queryKey: caseKeys.referrals(caseId),
    queryFn: () => referralApi.ofCase(caseId),
  });
  const [referring, setReferring] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Referral | null>(null);
  const canWithdraw = session.can('referral.manage');

  const columns = useMemo<ColumnDef<Referral>[]>(
    () => [
      {
        id: 'provider',
        header: t('referrals.provider'),
        enableSorting: false,
        accessorFn: (r) => r.providerName,
      },
      {
        id: 'kind',
        header: t('referrals.serviceKind'),
        enableSorting: false,
        accessorFn: (r) => codeLabel('serviceKind', r.serviceKind),
      },
      {
        id: 'status',
        header: t('referrals.status'),
        enableSorting: false,
        accessorFn: (r) => r.status,
        cell: ({ row }) => <ReferralStatusBadges referral={row.original} />,
      },
      {
        id: 'sentAt',
        header: t('referrals.sentAt'),
        enableSorting: false,
        accessorFn: (r) => r.sentAt,
        cell: ({ row }) => format.dateTime(row.original.sentAt),
      },
      {
        id: 'acknowledgeBy',
        header: t('referrals.acknowledgeBy'),
        enableSorting: false,
        accessorFn: (r) => r.acknowledgeBy,
        cell: ({ row }) =>
          row.original.acknowledgedAt === null
            ? format.dateTime(row.original.acknowledgeBy)
            : t('referrals.acknowledgedAt', { at: format.dateTime(row.original.acknowledgedAt) }),
      },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">{t('common.actions')}</span>,
        enableSorting: false,
        cell: ({ row }) =>
          canWithdraw &&
          referralTransitions[row.original.status].includes('revoked') && (
            <button
              type="button"
              className="button button-small button-danger-quiet"
              onClick={() => {
                setWithdrawing(row.original);
              }}
              data-testid="referral-withdraw"
            >
              {t('referrals.withdraw')}
            </button>
          ),
      },
    ],
    [t, format, canWithdraw],
  );

  return (
    <section
      className="card"
      aria-labelledby="referrals-title"
      id="referrals"
      data-testid="referral-panel"
    >
      <div className="case-section-header">
        <h2 id="referrals-title" className="section-title">
          {t('referrals.panelTitle')}
        </h2>
        {canRefer && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setReferring(true);
            }}
            data-testid="refer-new"
          >
            {t('referrals.new')}
          </button>
        )}
      </div>
      <p className="section-intro">{t('referrals.intro')}</p>
      <DataTable
        label={t('referrals.panelTitle')}
        data={referrals.data}
        columns={columns}
        isLoading={referrals.isPending}
        error={referrals.error}
        onRetry={() => void referrals.refetch()}
        emptyText={t('referrals.emptyCase')}
        getRowId={(r) => r.id}
        filterable={false}
        paginate={false}
        captionHidden
        testId="referrals-table"
      />
      <Dialog
        open={referring}
        title={t('referrals.newTitle')}
        onClose={() => {
          setReferring(false);
        }}
        testId="refer-dialog"
      >
        <ReferForm
          caseId={caseId}
          onClose={() => {
            setReferring(false);
          }}
        />
      </Dialog>
      <ConfirmDialog
        open={withdrawing !== null}
        title={t('referrals.withdrawTitle')}
        confirmLabel={t('referrals.withdraw')}
        danger
        onClose={() => {
          setWithdrawing(null);
        }}
        onConfirm={async () => {
          if (withdrawing === null) return;
          await referralApi.move(withdrawing.id, 'revoked');
          await queryClient.invalidateQueries({ queryKey: caseKeys.referrals(caseId) });
          toast.show('success', t('referrals.withdrawn', { provider: withdrawing.providerName }));
        }}
      >
        <p>
          {withdrawing !== null &&
            t('referrals.withdrawConfirm', { provider: withdrawing.providerName })}
        </p>
      </ConfirmDialog>
    </section>
  );
}
