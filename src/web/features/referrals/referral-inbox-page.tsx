import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  referralPacketFields,
  referralTransitions,
  type ReferralPacketField,
  type ReferralStatus,
} from '../../../shared/case-vocabulary.js';
import { caseKeys, referralApi, type IncomingReferral } from '../../api/case-endpoints.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DataTable, type ColumnDef } from '../../components/data-table.js';
import { Dialog, DialogActions } from '../../components/dialog.js';
import { PageHeader } from '../../components/page-header.js';
import { Skeleton } from '../../components/skeleton.js';
import { useToast } from '../../components/toasts.js';
import { codeLabel, codeLabels, ltrIsolate, type CodeOf } from '../../i18n/case-labels.js';
import { countryName } from '../../i18n/country-names.js';
import { errorText } from '../../i18n/error-text.js';
import { useFormatters } from '../../i18n/format.js';
import '../../styles/cases.css';
import { ReferralStatusBadges } from '../cases/referral-panel.js';

// What the recipient may do, in the order a referral moves (withdrawal is the sender's).
const recipientMoves: readonly ReferralStatus[] = [
  'acknowledged',
  'accepted',
  'declined',
  'completed',
];

type PacketValue = string | number | string[] | null;

/** One field of a packet in words: codes translated, countries named, dates formatted. */
function PacketValueText({ field, value }: { field: ReferralPacketField; value: PacketValue }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  if (value === null || (Array.isArray(value) && value.length === 0) || value === '') {
    return <span className="muted">{t('cases.notRecorded')}</span>;
  }
  switch (field) {
    case 'gender':
      return <>{codeLabel('gender', value as CodeOf<'gender'>)}</>;
    case 'exploitationTypes':
      return <>{codeLabels('exploitationType', value as CodeOf<'exploitationType'>[])}</>;
    case 'citizenship':
      return (
        <>
          {(value as string[])
            .map((code) => countryName(code, i18n.language))
            .join(t('codes.separator'))}
        </>
      );
    case 'birthDate':
      return <>{format.day(String(value))}</>;
    case 'ageYears':
      return <>{typeof value === 'number' ? format.number(value) : String(value)}</>;
    case 'languages':
    case 'phone':
    case 'identityNumber':
      return <bdi dir="ltr">{Array.isArray(value) ? value.join(', ') : String(value)}</bdi>;
    case 'name':
    case 'address':
    case 'notes':
      return <>{Array.isArray(value) ? value.join(', ') : String(value)}</>;
  }
}

/** The packet of a referral: only the fields its kind of service needs. */
function PacketView({ referral }: { referral: IncomingReferral }) {
  const { t } = useTranslation();
  const packet = useQuery({
    queryKey: ['referrals', 'packet', referral.id],
    queryFn: () => referralApi.packet(referral.id),
    staleTime: 0,
    gcTime: 0,
  });
  if (packet.isPending) return <Skeleton lines={4} />;
  if (packet.isError) {
    return (
      <div className="alert alert-error" role="alert">
        <p>{errorText(packet.error)}</p>
      </div>
    );
  }
  const fields = referralPacketFields[packet.data.serviceKind];
  return (
    <>
      <p className="field-hint">{t('referrals.packetIntro')}</p>
      <dl className="facts" data-testid="packet">
        {fields.map((field) => (
          <div key={field}>
            <dt>{codeLabel('packetField', field)}</dt>
            <dd>
              <PacketValueText field={field} value={packet.data.packet[field] ?? null} />
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function moveLabelKey(status: ReferralStatus): string {
  return `referrals.moves.${status}`;
}

/**
 * The inbox of a receiving organisation: referrals sent to its services, overdue ones flagged,
 * the packet to open, and the answers (acknowledge, accept, decline, complete).
 */
export function ReferralInboxPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const toast = useToast();
  const queryClient = useQueryClient();
  const inbox = useQuery({ queryKey: caseKeys.inbox, queryFn: referralApi.inbox });
  const [opened, setOpened] = useState<IncomingReferral | null>(null);
  const [moving, setMoving] = useState<{ referral: IncomingReferral; to: ReferralStatus } | null>(
    null,
  );
  const overdue = (inbox.data ?? []).filter((r) => r.overdue).length;

  const columns = useMemo<ColumnDef<IncomingReferral>[]>(
    () => [
      {
        id: 'caseNumber',
        header: t('referrals.caseNumber'),
        accessorFn: (r) => r.caseNumber,
        cell: ({ row }) => <bdi dir="ltr">{row.original.caseNumber}</bdi>,
      },
      { id: 'provider', header: t('referrals.provider'), accessorFn: (r) => r.providerName },
      {
        id: 'kind',
        header: t('referrals.serviceKind'),
        accessorFn: (r) => codeLabel('serviceKind', r.serviceKind),
      },
      {
        id: 'status',
        header: t('referrals.status'),
        accessorFn: (r) => codeLabel('referralStatus', r.status),
        cell: ({ row }) => <ReferralStatusBadges referral={row.original} />,
      },
      {
        id: 'sentAt',
        header: t('referrals.sentAt'),
        accessorFn: (r) => r.sentAt,
        cell: ({ row }) => format.dateTime(row.original.sentAt),
      },
      {
        id: 'acknowledgeBy',
        header: t('referrals.acknowledgeBy'),
        accessorFn: (r) => r.acknowledgeBy,
        cell: ({ row }) => format.dateTime(row.original.acknowledgeBy),
      },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">{t('common.actions')}</span>,
        enableSorting: false,
        cell: ({ row }) => {
          const referral = row.original;
          const moves = recipientMoves.filter((to) =>
            referralTransitions[referral.status].includes(to),
          );
          return (
            <span className="row-actions">
              {referral.status !== 'revoked' && (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => {
                    setOpened(referral);
                  }}
                  data-testid="referral-open"
                >
                  {t('referrals.open')}
                </button>
              )}
              {moves.map((to) => (
                <button
                  key={to}
                  type="button"
                  className={
                    to === 'declined'
                      ? 'button button-small button-danger-quiet'
                      : 'button button-small'
                  }
                  onClick={() => {
                    setMoving({ referral, to });
                  }}
                  data-testid={`referral-move-${to}`}
                >
                  {t(moveLabelKey(to))}
                </button>
              ))}
            </span>
          );
        },
      },
    ],
    [t, format],
  );

  return (
    <>
      <PageHeader title={t('referrals.inboxTitle')} description={t('referrals.inboxDescription')} />
      {overdue > 0 && (
        <div className="alert alert-warning" role="status" data-testid="inbox-overdue">
          <p>{t('referrals.overdueSummary', { overdue: format.number(overdue) })}</p>
        </div>
      )}
      <DataTable
        label={t('referrals.inboxTitle')}
        data={inbox.data}
        columns={columns}
        isLoading={inbox.isPending}
        error={inbox.error}
        onRetry={() => void inbox.refetch()}
        emptyText={t('referrals.emptyInbox')}
        getRowId={(r) => r.id}
        testId="inbox-table"
        captionHidden
      />
      <Dialog
        open={opened !== null}
        title={
          opened === null
            ? ''
            : t('referrals.packetTitle', { kind: codeLabel('serviceKind', opened.serviceKind) })
        }
        onClose={() => {
          setOpened(null);
        }}
        testId="packet-dialog"
      >
        {opened !== null && <PacketView referral={opened} />}
        <DialogActions>
          <button
            type="button"
            className="button"
            onClick={() => {
              setOpened(null);
            }}
          >
            {t('common.close')}
          </button>
        </DialogActions>
      </Dialog>
      <ConfirmDialog
        open={moving !== null}
        title={moving === null ? '' : t(`referrals.moveTitles.${moving.to}`)}
        confirmLabel={moving === null ? '' : t(moveLabelKey(moving.to))}
        danger={moving?.to === 'declined'}
        onClose={() => {
          setMoving(null);
        }}
        onConfirm={async () => {
          if (moving === null) return;
          await referralApi.move(moving.referral.id, moving.to);
          await queryClient.invalidateQueries({ queryKey: caseKeys.inbox });
          toast.show(
            'success',
            t('referrals.moved', { status: codeLabel('referralStatus', moving.to) }),
          );
        }}
        testId="referral-move-dialog"
      >
        <p>
          {moving !== null &&
            t('referrals.moveConfirm', {
              number: ltrIsolate(moving.referral.caseNumber),
              status: codeLabel('referralStatus', moving.to),
            })}
        </p>
      </ConfirmDialog>
    </>
  );
}
