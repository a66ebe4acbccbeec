import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/format.js';
import { StatusBadge } from './return-badges.js';
import { sourceLabel } from './return-labels.js';
import type { ReturnDetail } from './returns-api.js';

/** The return at a glance: status and lock, version, source, due date and approval levels. */
export function ReturnFacts({ detail }: { detail: ReturnDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section className="card" aria-label={t('returns.detail.facts')}>
      <dl className="facts return-facts" data-testid="return-facts">
        <div>
          <dt>{t('returns.fields.status')}</dt>
          <dd>
            <StatusBadge summary={detail} />
          </dd>
        </div>
        <div>
          <dt>{t('returns.fields.version')}</dt>
          <dd data-testid="return-version">{format.number(detail.version)}</dd>
        </div>
        <div>
          <dt>{t('returns.fields.source')}</dt>
          <dd>{sourceLabel(detail.source)}</dd>
        </div>
        <div>
          <dt>{t('returns.fields.dueDate')}</dt>
          <dd>{format.day(detail.dueDate)}</dd>
        </div>
        <div>
          <dt>{t('returns.fields.acceptLevel')}</dt>
          <dd>{detail.approvalLevels.accept.organisationName}</dd>
        </div>
        <div>
          <dt>{t('returns.fields.approveLevel')}</dt>
          <dd>{detail.approvalLevels.approve.organisationName}</dd>
        </div>
        {detail.submittedAt !== null && (
          <div>
            <dt>{t('returns.fields.submittedAt')}</dt>
            <dd>{format.dateTime(detail.submittedAt)}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
