import type { PublicChart } from '../../../shared/public-schemas.js';
import { usePublicTranslation } from './public-i18n.js';

/**
 * Under every chart: how its figures were protected before publication, and how many were
 * suppressed, so that a reader knows why a cell says "suppressed" and that totals may not add up.
 */
export function ProtectionNotice({ protection }: { protection: PublicChart['protection'] }) {
  const { t } = usePublicTranslation();
  let policy: string;
  switch (protection.policy) {
    case 'suppression':
      policy = t('publicProtection.suppression', { threshold: protection.threshold ?? '—' });
      break;
    case 'rounding':
      policy = t('publicProtection.rounding', { base: protection.base ?? '—' });
      break;
    case 'k_anonymity':
      policy = t('publicProtection.kAnonymity', { k: protection.k ?? '—' });
      break;
    case 'as_published':
      policy = t('publicProtection.asPublished');
      break;
  }
  return (
    <div
      className="protection-notice"
      data-testid="protection-notice"
      data-policy={protection.policy}
    >
      <p>
        <span className="protection-label">{t('publicProtection.label')}</span> {policy}{' '}
        {t('publicProtection.suppressedCells', { count: protection.suppressed })}
      </p>
      <p className="protection-method">
        {t('publicProtection.method')} <span dir="ltr">{protection.method}</span>
      </p>
    </div>
  );
}
