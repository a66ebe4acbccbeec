import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { caseKeys, notificationApi, type Notification } from '../../api/case-endpoints.js';
import { useToast } from '../../components/toasts.js';
import { errorText } from '../../i18n/error-text.js';
import { useFormatters } from '../../i18n/format.js';

function noticeLink(notice: Notification): string {
  return notice.kind === 'case.break_glass' ? `/cases/${notice.targetId}` : '/referrals';
}

/**
 * Unread notices: someone used emergency access on a case this user is responsible for, or a
 * referral arrived. Each says what happened and where, never about whom.
 */
export function Notices() {
  const { t } = useTranslation();
  const format = useFormatters();
  const toast = useToast();
  const queryClient = useQueryClient();
  const notices = useQuery({ queryKey: caseKeys.notifications, queryFn: notificationApi.list });
  const markRead = useMutation({
    mutationFn: notificationApi.markRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseKeys.notifications }),
    onError: (error) => {
      toast.show('error', errorText(error));
    },
  });
  const unread = (notices.data ?? []).filter((notice) => notice.readAt === null);
  if (unread.length === 0) return null;
  return (
    <section className="notices" aria-labelledby="notices-title" data-testid="notices">
      <h2 id="notices-title" className="section-title">
        {t('cases.notices.title')}
      </h2>
      <ul className="notice-list">
        {unread.map((notice) => (
          <li key={notice.id} className={`notice notice-${notice.kind.replace('.', '-')}`}>
            <p className="notice-text">
              {notice.kind === 'case.break_glass'
                ? t('cases.notices.breakGlass', { at: format.dateTime(notice.createdAt) })
                : t('cases.notices.referral', { at: format.dateTime(notice.createdAt) })}
            </p>
            <span className="notice-actions">
              <Link to={noticeLink(notice)}>{t('cases.notices.open')}</Link>
              <button
                type="button"
                className="button button-small"
                disabled={markRead.isPending}
                onClick={() => {
                  markRead.mutate(notice.id);
                }}
              >
                {t('cases.notices.markRead')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
