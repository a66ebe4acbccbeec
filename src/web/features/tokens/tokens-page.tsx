import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tokenApi, queryKeys, type ApiToken } from '../../api/endpoints.js';
import { useOrganisations } from '../../api/queries.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DataTable, type ColumnDef } from '../../components/data-table.js';
import { PageHeader } from '../../components/page-header.js';
import { useToast } from '../../components/toasts.js';
import { VerbList } from '../../components/verb-picker.js';
import { useFormatters } from '../../i18n/format.js';
import { organisationsWhere } from '../../session/permissions.js';
import { useSession } from '../../session/session-context.js';
import { TokenCreateDialog } from './token-create-dialog.js';

type TokenStatus = 'active' | 'revoked' | 'expired';

function statusOf(token: ApiToken, now: number): TokenStatus {
  if (token.revokedAt !== null) return 'revoked';
  return Date.parse(token.expiresAt) <= now ? 'expired' : 'active';
}

/** API tokens: the user's own, or an organisation's; create (secret shown once) and revoke. */
export function TokensPage() {
  const { t } = useTranslation();
  const session = useSession();
  const format = useFormatters();
  const toast = useToast();
  const queryClient = useQueryClient();
  const scopeId = useId();
  const organisations = useOrganisations(session.can('org.read'));
  const places = organisationsWhere(session.me, 'token.manage', organisations.data ?? []);
  const [scope, setScope] = useState('');
  const organisationId = scope === '' ? undefined : scope;
  const tokens = useQuery({
    queryKey: queryKeys.tokens(organisationId),
    queryFn: () => tokenApi.list(organisationId),
  });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [now] = useState(() => Date.now());
  const names = useMemo(
    () => new Map((organisations.data ?? []).map((org) => [org.id, org.name])),
    [organisations.data],
  );

  const columns = useMemo<ColumnDef<ApiToken>[]>(
    () => [
      { id: 'name', header: t('tokens.name'), accessorFn: (token) => token.name },
      {
        id: 'organisation',
        header: t('tokens.organisation'),
        accessorFn: (token) => names.get(token.organisationId) ?? t('common.unknownOrganisation'),
      },
      {
        id: 'verbs',
        header: t('tokens.verbs'),
        accessorFn: (token) => token.verbs.length,
        cell: ({ row }) => (
          <details className="verb-details">
            <summary>
              {t('roles.verbCount', {
                count: row.original.verbs.length,
                formatted: format.number(row.original.verbs.length),
              })}
            </summary>
            <VerbList verbs={row.original.verbs} />
          </details>
        ),
      },
      {
        id: 'createdAt',
        header: t('common.created'),
        accessorFn: (token) => token.createdAt,
        cell: ({ row }) => format.date(row.original.createdAt),
      },
      {
        id: 'expiresAt',
        header: t('tokens.expires'),
        accessorFn: (token) => token.expiresAt,
        cell: ({ row }) => format.date(row.original.expiresAt),
      },
      {
        id: 'lastUsedAt',
        header: t('tokens.lastUsed'),
        accessorFn: (token) => token.lastUsedAt ?? '',
        cell: ({ row }) =>
          row.original.lastUsedAt === null
            ? t('tokens.never')
            : format.dateTime(row.original.lastUsedAt),
      },
      {
        id: 'status',
        header: t('tokens.status'),
        accessorFn: (token) => t(`tokens.statuses.${statusOf(token, now)}`),
        cell: ({ row, getValue }) => (
          <span
            className={
              statusOf(row.original, now) === 'active' ? 'badge badge-success' : 'badge badge-muted'
            }
          >
            {String(getValue())}
          </span>
        ),
      },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">{t('common.actions')}</span>,
        enableSorting: false,
        cell: ({ row }) =>
          statusOf(row.original, now) === 'active' && (
            <button
              type="button"
              className="button button-small button-danger-quiet"
              onClick={() => {
                setRevoking(row.original);
              }}
              data-testid="token-revoke"
            >
              {t('tokens.revoke')}
              <span className="visually-hidden"> {row.original.name}</span>
            </button>
          ),
      },
    ],
    [t, format, names, now, setRevoking],
  );

  return (
    <>
      <PageHeader
        title={t('tokens.title')}
        description={t('tokens.description')}
        actions={
          places.length > 0 && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setCreating(true);
              }}
              data-testid="token-create"
            >
              {t('tokens.new')}
            </button>
          )
        }
      />
      <div className="filters">
        <div className="field">
          <label htmlFor={scopeId} className="field-label">
            {t('tokens.show')}
          </label>
          <select
            id={scopeId}
            className="input"
            value={scope}
            onChange={(event) => {
              setScope(event.target.value);
            }}
            data-testid="token-scope"
          >
            <option value="">{t('tokens.mine')}</option>
            {places.map((org) => (
              <option key={org.id} value={org.id}>
                {t('tokens.ofOrganisation', { name: org.name })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <DataTable
        label={t('tokens.tableLabel')}
        data={tokens.data}
        columns={columns}
        isLoading={tokens.isPending}
        error={tokens.error}
        onRetry={() => void tokens.refetch()}
        emptyText={t('tokens.empty')}
        getRowId={(token) => token.id}
        testId="tokens-table"
        captionHidden
      />
      <TokenCreateDialog
        open={creating}
        organisations={organisations.data ?? []}
        onClose={() => {
          setCreating(false);
        }}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={t('tokens.revokeTitle')}
        confirmLabel={t('tokens.revoke')}
        danger
        onClose={() => {
          setRevoking(null);
        }}
        onConfirm={async () => {
          if (revoking === null) return;
          await tokenApi.revoke(revoking.id);
          await queryClient.invalidateQueries({ queryKey: ['tokens'] });
          toast.show('success', t('tokens.revoked', { name: revoking.name }));
        }}
      >
        <p>{revoking !== null && t('tokens.revokeConfirm', { name: revoking.name })}</p>
      </ConfirmDialog>
    </>
  );
}
