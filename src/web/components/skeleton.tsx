import { useTranslation } from 'react-i18next';

/** One grey placeholder bar (decorative; the surrounding status names what is loading). */
export function SkeletonBar({ width = 'full' }: { width?: 'short' | 'medium' | 'full' }) {
  return <span className={`skeleton skeleton-${width}`} aria-hidden="true" />;
}

/** A block of placeholder lines announced once as "Loading…". */
export function Skeleton({ lines = 3, label }: { lines?: number; label?: string }) {
  const { t } = useTranslation();
  const widths = ['full', 'medium', 'short'] as const;
  return (
    <div className="skeleton-block" role="status" aria-live="polite">
      <span className="visually-hidden">{label ?? t('common.loading')}</span>
      {Array.from({ length: lines }, (_, index) => (
        <SkeletonBar key={index} width={widths[index % widths.length]} />
      ))}
    </div>
  );
}
