import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys, roleApi, type Role } from '../../api/endpoints.js';
import { useRoles } from '../../api/queries.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DataTable, type ColumnDef } from '../../components/data-table.js';
import { PageHeader } from '../../components/page-header.js';
import { useToast } from '../../components/toasts.js';
import { VerbList } from '../../components/verb-picker.js';
import { useFormatters } from '../../i18n/format.js';
import { roleLabel } from '../../i18n/labels.js';
import { useSession } from '../../session/session-context.js';
import { RoleDialog } from './role-dialog.js';

type DialogState = { kind: 'closed' } | { kind: 'create' } | { kind: 'edit'; role: Role };

/**
 * Roles and what they allow. Built-in roles are fixed in code; custom roles are installation-
 * wide, so only system administrators create, change or delete them.
 */
export function RolesPage() {
  const { t } = useTranslation();
  const session = useSession();
  const format = useFormatters();
  const toast = useToast();
  const queryClient = useQueryClient();
  const roles = useRoles();
  const [dialog, setDialog] = useState<DialogState>({ kind: 'closed' });
  const [deleting, setDeleting] = useState<Role | null>(null);
  const canManage = session.isSystemAdmin;

  const columns = useMemo<ColumnDef<Role>[]>(
    () => [
      {
        id: 'name',
        header: t('roles.name'),
        accessorFn: (role) => roleLabel(role.name),
        cell: ({ row }) => (
          <span className="role-name">
            {roleLabel(row.original.name)}
            {!row.original.builtIn && (
              <span className="role-id" dir="ltr">
                {row.original.name}
              </span>
            )}
          </span>
        ),
      },
      {
        id: 'kind',
        header: t('roles.kind'),
        accessorFn: (role) => (role.builtIn ? t('roles.builtIn') : t('roles.custom')),
        cell: ({ row, getValue }) => (
          <span className={row.original.builtIn ? 'badge badge-muted' : 'badge badge-info'}>
            {String(getValue())}
          </span>
        ),
      },
      {
        id: 'verbs',
        header: t('roles.verbs'),
        accessorFn: (role) => role.verbs.length,
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
        id: 'actions',
        header: () => <span className="visually-hidden">{t('common.actions')}</span>,
        enableSorting: false,
        cell: ({ row }) =>
          canManage &&
          !row.original.builtIn && (
            <span className="row-actions">
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  setDialog({ kind: 'edit', role: row.original });
                }}
                data-testid={`role-edit-${row.original.name}`}
              >
                {t('common.edit')}
                <span className="visually-hidden"> {row.original.name}</span>
              </button>
              <button
                type="button"
                className="button button-small button-danger-quiet"
                onClick={() => {
                  setDeleting(row.original);
                }}
                data-testid={`role-delete-${row.original.name}`}
              >
                {t('common.delete')}
                <span className="visually-hidden"> {row.original.name}</span>
              </button>
            </span>
          ),
      },
    ],
    [t, format, canManage],
  );

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        description={t('roles.description')}
        actions={
          canManage && (
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                setDialog({ kind: 'create' });
              }}
              data-testid="role-create"
            >
              {t('roles.new')}
            </button>
          )
        }
      />
      <DataTable
        label={t('roles.tableLabel')}
        data={roles.data}
        columns={columns}
        isLoading={roles.isPending}
        error={roles.error}
        onRetry={() => void roles.refetch()}
        emptyText={t('roles.empty')}
        getRowId={(role) => role.name}
        testId="roles-table"
        captionHidden
      />
      <RoleDialog
        open={dialog.kind !== 'closed'}
        editing={dialog.kind === 'edit' ? dialog.role : null}
        onClose={() => {
          setDialog({ kind: 'closed' });
        }}
      />
      <ConfirmDialog
        open={deleting !== null}
        title={t('roles.deleteTitle')}
        confirmLabel={t('common.delete')}
        danger
        onClose={() => {
          setDeleting(null);
        }}
        onConfirm={async () => {
          if (deleting === null) return;
          await roleApi.remove(deleting.name);
          await queryClient.invalidateQueries({ queryKey: queryKeys.roles });
          toast.show('success', t('roles.deleted', { name: deleting.name }));
        }}
      >
        <p>{deleting !== null && t('roles.deleteConfirm', { name: deleting.name })}</p>
      </ConfirmDialog>
    </>
  );
}
