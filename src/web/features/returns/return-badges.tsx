import { useTranslation } from 'react-i18next';
import { statusLabel } from './return-labels.js';
import type { ReturnSummary } from './returns-api.js';

/** A return's status, with a lock mark when no cell may change, and "synthetic" when so. */
export function StatusBadge({
  summary,
}: {
  summary: Pick<ReturnSummary, 'status' | 'locked' | 'synthetic'>;
}) {
  const { t } = useTranslation();
  return (
    <span className="badges">
      <span
        className={`badge badge-return-${summary.status}`}
        data-testid="return-status"
        data-status={summary.status}
      >
        {statusLabel(summary.status)}
      </span>
      {summary.locked && (
        <span className="badge badge-muted" data-testid="return-locked-badge">
          {t('returns.detail.lockedBadge')}
        </span>
      )}
      {summary.synthetic && <span className="badge badge-synthetic">{t('returns.synthetic')}</span>}
    </span>
  );
}
