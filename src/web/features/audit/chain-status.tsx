import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { auditApi, queryKeys } from '../../api/endpoints.js';
import { errorText } from '../../i18n/error-text.js';
import { useFormatters } from '../../i18n/format.js';

/**
 * The audit chain's verification (`GET /api/audit/verification`): every entry's hash is
 * recomputed from its predecessor, so any edit or deletion shows as a broken link.
 */
export function ChainStatus() {
  const { t } = useTranslation();
  const format = useFormatters();
  const verification = useQuery({
    queryKey: queryKeys.auditVerification,
    queryFn: auditApi.verification,
    staleTime: 0,
  });

  let state: 'pending' | 'error' | 'intact' | 'broken';
  let message: string;
  if (verification.isPending) {
    state = 'pending';
    message = t('audit.chain.checking');
  } else if (verification.isError) {
    state = 'error';
    message = errorText(verification.error);
  } else if (verification.data.intact) {
    state = 'intact';
    message = t('audit.chain.intact', {
      count: verification.data.entries,
      formatted: format.number(verification.data.entries),
    });
  } else {
    state = 'broken';
    message =
      verification.data.firstBadSeq === null
        ? t('audit.chain.brokenUnknown')
        : t('audit.chain.broken', { seq: format.number(verification.data.firstBadSeq) });
  }

  return (
    <section
      className={`chain-status chain-${state}`}
      aria-labelledby="chain-status-title"
      data-testid="audit-chain-status"
      data-state={state}
    >
      <h2 id="chain-status-title" className="chain-title">
        {t('audit.chain.title')}
      </h2>
      <p role="status" className="chain-message">
        <span aria-hidden="true" className="chain-icon">
          {state === 'intact' ? '✓' : state === 'broken' ? '⚠' : '…'}
        </span>{' '}
        {message}
      </p>
      <button
        type="button"
        className="button button-small"
        onClick={() => void verification.refetch()}
        disabled={verification.isFetching}
      >
        {t('audit.chain.verifyAgain')}
      </button>
    </section>
  );
}
