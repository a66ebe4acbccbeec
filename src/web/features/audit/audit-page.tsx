import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-client.js';
import { auditApi, queryKeys, type AuditEntry } from '../../api/endpoints.js';
import { useOrganisations, useUsers } from '../../api/queries.js';
import { DataTable, type ColumnDef } from '../../components/data-table.js';
import { PageHeader } from '../../components/page-header.js';
import { useFormatters } from '../../i18n/format.js';
import { auditActionLabel, outcomeLabel, targetTypeLabel } from '../../i18n/labels.js';
import { organisationsWhere } from '../../session/permissions.js';
import { useSession } from '../../session/session-context.js';
import { AuditFilters, type AuditFilter } from './audit-filters.js';
import { ChainStatus } from './chain-status.js';

const pageSize = 50;

function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

/**
 * The audit log, newest first, filtered on the server and paged by sequence number
 * (`beforeSeq`), with the hash chain's verification for system administrators.
 */
export function AuditPage() {
  const { t } = useTranslation();
  const session = useSession();
  const format = useFormatters();
  const organisations = useOrganisations(session.can('org.read'));
  const users = useUsers(session.can('user.read'));
  const readable = organisationsWhere(session.me, 'audit.read', organisations.data ?? []);
  const allowAll = session.isSystemAdmin;
  // Others must name one of their organisations; start with the first.
  const initialOrganisationId = allowAll ? '' : (readable[0]?.id ?? '');
  const [filter, setFilter] = useState<AuditFilter | null>(null);
  const applied: AuditFilter =
    filter ?? (initialOrganisationId === '' ? {} : { organisationId: initialOrganisationId });
  // Cursors of the pages before the current one, so "newer" goes back exactly.
  const [cursors, setCursors] = useState<(number | undefined)[]>([]);
  const [beforeSeq, setBeforeSeq] = useState<number | undefined>(undefined);
  const ready = allowAll || !organisations.isPending;
  const query = { ...applied, limit: pageSize, ...(beforeSeq === undefined ? {} : { beforeSeq }) };
  const entries = useQuery({
    queryKey: queryKeys.audit(query),
    queryFn: () => auditApi.query(query),
    placeholderData: keepPreviousData,
    enabled: ready,
  });

  const orgNames = useMemo(
    () => new Map((organisations.data ?? []).map((org) => [org.id, org.name])),
    [organisations.data],
  );
  const userNames = useMemo(
    () => new Map((users.data ?? []).map((user) => [user.id, user.displayName])),
    [users.data],
  );

  const columns = useMemo<ColumnDef<AuditEntry>[]>(() => {
    const actorText = (entry: AuditEntry) => {
      if (entry.actorType !== 'user') return t(`audit.actors.${entry.actorType}`);
      if (entry.actorId === null) return t('audit.actors.user');
      return userNames.get(entry.actorId) ?? shortId(entry.actorId);
    };
    return [
      {
        id: 'seq',
        header: t('audit.seq'),
        accessorFn: (entry) => entry.seq,
        cell: ({ row }) => format.number(row.original.seq),
      },
      {
        id: 'at',
        header: t('audit.at'),
        accessorFn: (entry) => entry.at,
        cell: ({ row }) => format.dateTime(row.original.at),
      },
      {
        id: 'action',
        header: t('audit.action'),
        accessorFn: (entry) => auditActionLabel(entry.action),
        // The stable action code stays machine-readable (tests, scripts) without being shown.
        cell: ({ row, getValue }) => (
          <span data-action={row.original.action}>{String(getValue())}</span>
        ),
      },
      {
        id: 'outcome',
        header: t('audit.outcome'),
        accessorFn: (entry) => outcomeLabel(entry.outcome),
        cell: ({ row, getValue }) => (
          <span className={`badge badge-outcome-${row.original.outcome}`}>
            {String(getValue())}
          </span>
        ),
      },
      { id: 'actor', header: t('audit.actor'), accessorFn: actorText },
      {
        id: 'target',
        header: t('audit.target'),
        accessorFn: (entry) => (entry.targetType === null ? '' : targetTypeLabel(entry.targetType)),
        cell: ({ row }) => {
          const { targetType, targetId } = row.original;
          if (targetType === null) return '—';
          const name =
            targetType === 'user' && targetId !== null ? userNames.get(targetId) : undefined;
          return (
            <span className="audit-target">
              <span>{targetTypeLabel(targetType)}</span>
              {targetId !== null && (
                <span className="muted" dir="ltr" title={targetId}>
                  {name ?? shortId(targetId)}
                </span>
              )}
            </span>
          );
        },
      },
      {
        id: 'organisation',
        header: t('audit.organisation'),
        accessorFn: (entry) =>
          entry.organisationId === null
            ? '—'
            : (orgNames.get(entry.organisationId) ?? shortId(entry.organisationId)),
      },
    ];
  }, [t, format, orgNames, userNames]);

  const items = entries.data ?? [];
  const lastSeq = items[items.length - 1]?.seq;
  const pager = (
    <div className="table-pager">
      <button
        type="button"
        className="button"
        disabled={cursors.length === 0 || entries.isFetching}
        onClick={() => {
          setBeforeSeq(cursors[cursors.length - 1]);
          setCursors(cursors.slice(0, -1));
        }}
        data-testid="audit-newer"
      >
        {t('audit.newer')}
      </button>
      <button
        type="button"
        className="button"
        disabled={items.length < pageSize || lastSeq === undefined || entries.isFetching}
        onClick={() => {
          setCursors([...cursors, beforeSeq]);
          setBeforeSeq(lastSeq);
        }}
        data-testid="audit-older"
      >
        {t('audit.older')}
      </button>
    </div>
  );

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      {session.isSystemAdmin && <ChainStatus />}
      {ready && (
        <AuditFilters
          organisations={allowAll ? (organisations.data ?? []) : readable}
          allowAllOrganisations={allowAll}
          initialOrganisationId={initialOrganisationId}
          error={
            entries.error instanceof ApiError && entries.error.code === 'validation.failed'
              ? entries.error
              : null
          }
          onApply={(next) => {
            setFilter(next);
            setCursors([]);
            setBeforeSeq(undefined);
          }}
        />
      )}
      <DataTable
        label={t('audit.tableLabel')}
        data={entries.data}
        columns={columns}
        isLoading={!ready || entries.isPending}
        error={entries.error}
        onRetry={() => void entries.refetch()}
        emptyText={t('audit.empty')}
        getRowId={(entry) => String(entry.seq)}
        filterable={false}
        paginate={false}
        testId="audit-table"
        captionHidden
        footer={pager}
      />
    </>
  );
}
