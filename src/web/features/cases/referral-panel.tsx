import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referralTransitions } from '../../../shared/case-vocabulary.js';
import {
  caseKeys,
  referralApi,
  type IncomingReferral,
  type Referral,
} from '../../api/case-endpoints.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DataTable, type ColumnDef } from '../../components/data-table.js';
import { Dialog } from '../../components/dialog.js';
import { useToast } from '../../components/toasts.js';
import { codeLabel } from '../../i18n/case-labels.js';
import { useFormatters } from '../../i18n/format.js';
import { useSession } from '../../session/session-context.js';
import { ReferForm } from './refer-form.js';

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
