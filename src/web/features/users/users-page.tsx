import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../../api/endpoints.js';
import { useOrganisations, useUsers } from '../../api/queries.js';
import { DataTable, type ColumnDef } from '../../components/data-table.js';
import { PageHeader } from '../../components/page-header.js';
import { useFormatters } from '../../i18n/format.js';
import { languageLabel } from '../../i18n/i18n.js';
import { useSession } from '../../session/session-context.js';
import { UserCreateDialog } from './user-create-dialog.js';

/** The users the signed-in user may see, and the way to add one. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const format = useFormatters();
  const users = useUsers();
  const organisations = useOrganisations(session.can('org.read'));
  const [creating, setCreating] = useState(false);

  const columns = useMemo<ColumnDef<User>[]>(
    () => [
      {
        id: 'displayName',
        header: t('users.displayName'),
        accessorFn: (user) => user.displayName,
        cell: ({ row }) => (
          <Link to={`/users/${row.original.id}`} data-testid={`user-link-${row.original.email}`}>
            {row.original.displayName}
          </Link>
        ),
      },
      {
        id: 'email',
        header: t('users.email'),
        accessorFn: (user) => user.email,
        cell: ({ row }) => <span dir="ltr">{row.original.email}</span>,
      },
      {
        id: 'language',
        header: t('users.language'),
        accessorFn: (user) => languageLabel(user.language, i18n.language),
      },
      {
        id: 'status',
        header: t('users.status'),
        accessorFn: (user) => (user.disabled ? t('users.disabled') : t('users.active')),
        cell: ({ row, getValue }) => (
          <span className={row.original.disabled ? 'badge badge-muted' : 'badge badge-success'}>
            {String(getValue())}
          </span>
        ),
      },
      {
        id: 'twoFactor',
        header: t('users.twoFactor'),
        accessorFn: (user) => (user.twoFactorEnabled ? t('common.yes') : t('common.no')),
      },
      {
        id: 'admin',
        header: t('users.systemAdmin'),
        accessorFn: (user) => (user.isSystemAdmin ? t('common.yes') : t('common.no')),
      },
      {
        id: 'createdAt',
        header: t('common.created'),
        accessorFn: (user) => user.createdAt,
        cell: ({ row }) => format.date(row.original.createdAt),
      },
    ],
    [t, format, i18n.language],
  );

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          session.can('user.create') && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setCreating(true);
              }}
              data-testid="user-create"
            >
              {t('users.new')}
            </button>
          )
        }
      />
      <DataTable
        label={t('users.tableLabel')}
        data={users.data}
        columns={columns}
        isLoading={users.isPending}
        error={users.error}
        onRetry={() => void users.refetch()}
        emptyText={t('users.empty')}
        getRowId={(user) => user.id}
        testId="users-table"
        captionHidden
      />
      <UserCreateDialog
        open={creating}
        organisations={organisations.data ?? []}
        onClose={() => {
          setCreating(false);
        }}
      />
    </>
  );
}
