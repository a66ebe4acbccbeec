import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { queryKeys, userApi, type User } from '../../api/endpoints.js';
import { useOrganisations } from '../../api/queries.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import { PageHeader } from '../../components/page-header.js';
import { Skeleton } from '../../components/skeleton.js';
import { useToast } from '../../components/toasts.js';
import { errorText } from '../../i18n/error-text.js';
import { useFormatters } from '../../i18n/format.js';
import { languageLabel } from '../../i18n/i18n.js';
import { useSession } from '../../session/session-context.js';
import { MembershipSection } from './membership-section.js';
import { ResetPasswordDialog } from './reset-password-dialog.js';

function UserFacts({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  return (
    <dl className="facts">
      <div>
        <dt>{t('users.email')}</dt>
        <dd dir="ltr">{user.email}</dd>
      </div>
      <div>
        <dt>{t('users.language')}</dt>
        <dd>{languageLabel(user.language, i18n.language)}</dd>
      </div>
      <div>
        <dt>{t('users.status')}</dt>
        <dd>{user.disabled ? t('users.disabled') : t('users.active')}</dd>
      </div>
      <div>
        <dt>{t('users.twoFactor')}</dt>
        <dd>{user.twoFactorEnabled ? t('common.yes') : t('common.no')}</dd>
      </div>
      <div>
        <dt>{t('users.systemAdmin')}</dt>
        <dd>{user.isSystemAdmin ? t('common.yes') : t('common.no')}</dd>
      </div>
      <div>
        <dt>{t('common.created')}</dt>
        <dd>{format.dateTime(user.createdAt)}</dd>
      </div>
    </dl>
  );
}

/** One user: facts, account actions (disable, reset password) and memberships. */
export function UserDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSession();
  const toast = useToast();
  const queryClient = useQueryClient();
  const user = useQuery({ queryKey: queryKeys.user(id), queryFn: () => userApi.get(id) });
  const organisations = useOrganisations(session.can('org.read'));
  const [resetting, setResetting] = useState(false);
  const [toggling, setToggling] = useState(false);
  const isSelf = id === session.me.user.id;

  const back = (
    <Link to="/users" className="back-link">
      {t('users.back')}
    </Link>
  );

  if (user.isPending) {
    return (
      <>
        {back}
        <PageHeader title={t('users.detailTitle')} />
        <Skeleton lines={6} />
      </>
    );
  }
  if (user.isError) {
    return (
      <>
        {back}
        <PageHeader title={t('users.detailTitle')} />
        <div className="alert alert-error" role="alert">
          <p>{errorText(user.error)}</p>
        </div>
      </>
    );
  }
  const data = user.data;
  return (
    <>
      {back}
      <PageHeader
        title={data.displayName}
        actions={
          <>
            {session.can('user.reset_password') && !isSelf && (
              <button
                type="button"
                className="button"
                onClick={() => {
                  setResetting(true);
                }}
                data-testid="user-reset-password"
              >
                {t('users.resetPassword')}
              </button>
            )}
            {session.can('user.update') && !isSelf && (
              <button
                type="button"
                className={data.disabled ? 'button' : 'button button-danger-quiet'}
                onClick={() => {
                  setToggling(true);
                }}
                data-testid="user-toggle-disabled"
              >
                {data.disabled ? t('users.enable') : t('users.disable')}
              </button>
            )}
          </>
        }
      />
      <section className="card" aria-label={t('users.details')}>
        <UserFacts user={data} />
      </section>
      {session.can('membership.read') && (
        <MembershipSection userId={data.id} organisations={organisations.data ?? []} />
      )}
      <ResetPasswordDialog
        user={data}
        open={resetting}
        onClose={() => {
          setResetting(false);
        }}
      />
      <ConfirmDialog
        open={toggling}
        title={data.disabled ? t('users.enableTitle') : t('users.disableTitle')}
        confirmLabel={data.disabled ? t('users.enable') : t('users.disable')}
        danger={!data.disabled}
        onClose={() => {
          setToggling(false);
        }}
        onConfirm={async () => {
          const updated = await userApi.update(data.id, { disabled: !data.disabled });
          queryClient.setQueryData(queryKeys.user(data.id), updated);
          await queryClient.invalidateQueries({ queryKey: queryKeys.users, exact: true });
          toast.show(
            'success',
            t(updated.disabled ? 'users.disabledDone' : 'users.enabledDone', {
              name: updated.displayName,
            }),
          );
        }}
      >
        <p>
          {data.disabled
            ? t('users.enableConfirm', { name: data.displayName })
            : t('users.disableConfirm', { name: data.displayName })}
        </p>
      </ConfirmDialog>
    </>
  );
}
