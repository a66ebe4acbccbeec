import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/format.js';
import { eventLabel, statusLabel } from './return-labels.js';
import type { ReturnDetail } from './returns-api.js';

/**
 * The return's workflow history, newest first: who did what at which level of the hierarchy,
 * the status it moved to, the version, and the comment given.
 */
export function ReturnHistory({ history }: { history: ReturnDetail['history'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const events = [...history].reverse();
  return (
    <section className="card" aria-labelledby="return-history-title">
      <h2 id="return-history-title" className="section-title">
        {t('returns.history.title')}
      </h2>
      {events.length === 0 ? (
        <p className="empty">{t('returns.history.empty')}</p>
      ) : (
        <ol className="return-history" data-testid="return-history">
          {events.map((event, index) => (
            <li
              key={`${event.at}-${String(index)}`}
              data-testid="history-event"
              data-action={event.action}
            >
              <p className="return-history-line">
                <strong>{eventLabel(event.action)}</strong>
                {' · '}
                {t('returns.history.toStatus', { status: statusLabel(event.toStatus) })}
                {' · '}
                {t('returns.history.version', { version: format.number(event.version) })}
              </p>
              <p className="field-hint">
                {t('returns.history.by', {
                  actor: event.actorName ?? t('returns.history.system'),
                  level: event.levelOrganisationName ?? '—',
                  at: format.dateTime(event.at),
                })}
              </p>
              {event.comment !== null && (
                <blockquote className="return-comment">{event.comment}</blockquote>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
