import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DataTable, type ColumnDef } from '../../components/data-table.js';
import { Dialog, DialogActions } from '../../components/dialog.js';
import { PageHeader } from '../../components/page-header.js';
import { useFormatters } from '../../i18n/format.js';
import { StatusBadge } from './return-badges.js';
import { ReturnDiffPanel } from './return-diff.js';
import { actionLabel, statusLabel } from './return-labels.js';
import { returnApi, returnKeys, type ReturnInboxItem } from './returns-api.js';
import './returns.css';

/**
 * The approval inbox: returns waiting for a step this user may take (accepting at the national
 * level, approving at the top, correcting one sent back), each with what changed since its last
 * sealed version.
 */
export function ReturnInboxPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const inbox = useQuery({ queryKey: returnKeys.inbox, queryFn: returnApi.inbox });
  const [changesOf, setChangesOf] = useState<ReturnInboxItem | null>(null);

  const columns = useMemo<ColumnDef<ReturnInboxItem>[]>(
    () => [
      {
        id: 'organisation',
        header: t('returns.fields.organisation'),
        accessorFn: (row) => row.organisationName,
        cell: ({ row }) => (
          <Link to={`/returns/${row.original.id}`} data-testid="inbox-return-link">
            {row.original.organisationName}
          </Link>
        ),
      },
      {
        id: 'year',
        header: t('returns.fields.year'),
        accessorFn: (row) => row.year,
        cell: ({ row }) => <bdi dir="ltr">{row.original.year}</bdi>,
      },
      {
        id: 'status',
        header: t('returns.fields.status'),
        accessorFn: (row) => statusLabel(row.status),
        cell: ({ row }) => <StatusBadge summary={row.original} />,
      },
      {
        id: 'waiting',
        header: t('returns.inbox.waiting'),
        accessorFn: (row) => row.actions.map(actionLabel).join(t('codes.separator')),
      },
      {
        id: 'submitted',
        header: t('returns.fields.submittedAt'),
        accessorFn: (row) => row.submittedAt ?? '',
        cell: ({ row }) => format.dateTime(row.original.submittedAt),
      },
      {
        id: 'due',
        header: t('returns.fields.dueDate'),
        accessorFn: (row) => row.dueDate,
        cell: ({ row }) => format.day(row.original.dueDate),
      },
      {
        id: 'changes',
        header: () => <span className="visually-hidden">{t('common.actions')}</span>,
        enableSorting: false,
        cell: ({ row }) => (
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              setChangesOf(row.original);
            }}
            data-testid="inbox-changes"
          >
            {t('returns.inbox.changes')}
          </button>
        ),
      },
    ],
    [t, format],
  );

  return (
    <>
      <PageHeader title={t('returns.inbox.title')} description={t('returns.inbox.description')} />
      <DataTable
        label={t('returns.inbox.title')}
        data={inbox.data}
        columns={columns}
        isLoading={inbox.isPending}
        error={inbox.error}
        onRetry={() => void inbox.refetch()}
        emptyText={t('returns.inbox.empty')}
        getRowId={(row) => row.id}
        testId="return-inbox-table"
        captionHidden
      />
      <Dialog
        open={changesOf !== null}
        title={
          changesOf === null
            ? ''
            : t('returns.detail.title', {
                organisation: changesOf.organisationName,
                year: String(changesOf.year),
              })
        }
        size="large"
        onClose={() => {
          setChangesOf(null);
        }}
        testId="inbox-diff-dialog"
      >
        {changesOf !== null && <ReturnDiffPanel returnId={changesOf.id} />}
        <DialogActions>
          <button
            type="button"
            className="button"
            onClick={() => {
              setChangesOf(null);
            }}
          >
            {t('common.close')}
          </button>
        </DialogActions>
      </Dialog>
    </>
  );
}
