import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys, userApi, type Membership, type Organisation } from '../../api/endpoints.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { DataTable, type ColumnDef } from '../../components/data-table.js';
import { FormAlert, FormField } from '../../components/form-field.js';
import { OrganisationSelect } from '../../components/organisation-select.js';
import { useToast } from '../../components/toasts.js';
import { useFormatters } from '../../i18n/format.js';
import { requiredFieldsError } from '../../i18n/error-text.js';
import { roleLabel } from '../../i18n/labels.js';
import { organisationsWhere } from '../../session/permissions.js';
import { useSession } from '../../session/session-context.js';
import { RoleOptions, useRoleNames } from './role-options.js';

function AddMembershipForm({
  userId,
  organisations,
}: {
  userId: string;
  organisations: readonly Organisation[];
}) {
  const { t } = useTranslation();
  const session = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const roleNames = useRoleNames();
  const places = organisationsWhere(session.me, 'membership.manage', organisations);
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState('');
  const [clientError, setClientError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: () => userApi.addMembership({ userId, organisationId, role }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.memberships(userId) });
      toast.show('success', t('memberships.added'));
      setOrganisationId('');
      setRole('');
    },
  });
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const missing = requiredFieldsError({ organisationId, role });
    setClientError(missing);
    if (missing === null) mutation.mutate();
  };
  const error = clientError ?? mutation.error;
  return (
    <form className="form form-inline" onSubmit={submit} noValidate>
      <h3 className="section-subtitle">{t('memberships.add')}</h3>
      <FormAlert error={error} fields={['organisationId', 'role', 'userId']} />
      <div className="form-row">
        <FormField
          name="organisationId"
          label={t('users.organisation')}
          error={error}
          required
          testId="membership-org"
        >
          {(control) => (
            <OrganisationSelect
              control={control}
              places={places}
              value={organisationId}
              onChange={setOrganisationId}
            />
          )}
        </FormField>
        <FormField
          name="role"
          label={t('users.role')}
          error={error}
          required
          testId="membership-role"
        >
          {(control) => (
            <select
              {...control}
              className="input"
              value={role}
              onChange={(event) => {
                setRole(event.target.value);
              }}
            >
              <option value="">{t('common.choose')}</option>
              <RoleOptions names={roleNames} />
            </select>
          )}
        </FormField>
        <div className="form-row-action">
          <button
            type="submit"
            className="button button-primary"
            disabled={mutation.isPending}
            data-testid="membership-submit"
          >
            {t('memberships.addButton')}
          </button>
        </div>
      </div>
    </form>
  );
}

/** A user's memberships (role in an organisation), with add and remove where allowed. */
export function MembershipSection({
  userId,
  organisations,
}: {
  userId: string;
  organisations: readonly Organisation[];
}) {
  const { t } = useTranslation();
  const session = useSession();
  const format = useFormatters();
  const toast = useToast();
  const queryClient = useQueryClient();
  const memberships = useQuery({
    queryKey: queryKeys.memberships(userId),
    queryFn: () => userApi.memberships(userId),
  });
  const [removing, setRemoving] = useState<Membership | null>(null);
  const manageable = useMemo(
    () =>
      new Set(
        organisationsWhere(session.me, 'membership.manage', organisations).map((org) => org.id),
      ),
    [session.me, organisations],
  );
  const names = useMemo(
    () => new Map(organisations.map((org) => [org.id, org.name])),
    [organisations],
  );

  const columns = useMemo<ColumnDef<Membership>[]>(
    () => [
      {
        id: 'organisation',
        header: t('users.organisation'),
        accessorFn: (m) => names.get(m.organisationId) ?? t('common.unknownOrganisation'),
      },
      { id: 'role', header: t('users.role'), accessorFn: (m) => roleLabel(m.role) },
      {
        id: 'createdAt',
        header: t('common.created'),
        accessorFn: (m) => m.createdAt,
        cell: ({ row }) => format.date(row.original.createdAt),
      },
      {
        id: 'actions',
        header: () => <span className="visually-hidden">{t('common.actions')}</span>,
        enableSorting: false,
        cell: ({ row }) =>
          manageable.has(row.original.organisationId) && (
            <button
              type="button"
              className="button button-small button-danger-quiet"
              onClick={() => {
                setRemoving(row.original);
              }}
              data-testid="membership-remove"
            >
              {t('memberships.remove')}
            </button>
          ),
      },
    ],
    [t, format, names, manageable],
  );

  return (
    <section className="card" aria-labelledby="memberships-title">
      <h2 id="memberships-title" className="section-title">
        {t('memberships.title')}
      </h2>
      <DataTable
        label={t('memberships.title')}
        data={memberships.data}
        columns={columns}
        isLoading={memberships.isPending}
        error={memberships.error}
        onRetry={() => void memberships.refetch()}
        emptyText={t('memberships.empty')}
        getRowId={(m) => m.id}
        filterable={false}
        paginate={false}
        captionHidden
        testId="memberships-table"
      />
      {session.can('membership.manage') && (
        <AddMembershipForm userId={userId} organisations={organisations} />
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('memberships.removeTitle')}
        confirmLabel={t('memberships.remove')}
        danger
        onClose={() => {
          setRemoving(null);
        }}
        onConfirm={async () => {
          if (removing === null) return;
          await userApi.removeMembership(removing.id);
          await queryClient.invalidateQueries({ queryKey: queryKeys.memberships(userId) });
          toast.show('success', t('memberships.removed'));
        }}
      >
        <p>
          {removing !== null &&
            t('memberships.removeConfirm', {
              role: roleLabel(removing.role),
              organisation: names.get(removing.organisationId) ?? t('common.unknownOrganisation'),
            })}
        </p>
      </ConfirmDialog>
    </section>
  );
}
