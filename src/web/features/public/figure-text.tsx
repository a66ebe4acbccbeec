import { useMemo } from 'react';
import type { PublicRate } from '../../../shared/public-schemas.js';
import { useFormatters } from '../../i18n/format.js';
import { figureShown } from './chart-table.js';
import { usePublicTranslation } from './public-i18n.js';

/**
 * A protected figure as text: the number, or the suppression marker (a word, not "<5": a
 * secondarily suppressed cell may be large, and the marker must not suggest otherwise).
 */
export function FigureText({ value, suppressed }: { value: number | null; suppressed: boolean }) {
  const { t } = usePublicTranslation();
  const format = useFormatters();
  const shown = figureShown({ value, suppressed });
  switch (shown.kind) {
    case 'number':
      return <span className="figure">{format.number(shown.value)}</span>;
    case 'suppressed':
      return (
        <span className="figure figure-suppressed" data-suppressed="true">
          {t('publicCharts.suppressed')}
        </span>
      );
    case 'missing':
      return (
        <span className="figure figure-missing" title={t('publicCharts.notAvailable')}>
          <span aria-hidden="true">—</span>
          <span className="visually-hidden">{t('publicCharts.notAvailable')}</span>
        </span>
      );
  }
}

/** The same text, for SVG `<title>`s and labels where only a string will do. */
export function useFigureLabel(): (figure: {
  value: number | null;
  suppressed: boolean;
}) => string {
  const { t } = usePublicTranslation();
  const format = useFormatters();
  return (figure) => {
    const shown = figureShown(figure);
    switch (shown.kind) {
      case 'number':
        return format.number(shown.value);
      case 'suppressed':
        return t('publicCharts.suppressed');
      case 'missing':
        return t('publicCharts.notAvailable');
    }
  };
}

/**
 * A rate per 100,000 as text: three significant digits (rates are small: 0.0447), the
 * suppression marker when the figure behind it is hidden, or "not available" without a
 * population.
 */
export function RateText({ rate }: { rate: PublicRate | undefined }) {
  const { language } = usePublicTranslation();
  const format = useMemo(
    () => new Intl.NumberFormat(language, { maximumSignificantDigits: 3 }),
    [language],
  );
  if (rate === undefined) return <FigureText value={null} suppressed={false} />;
  if (rate.suppressed || rate.value === null) {
    return <FigureText value={null} suppressed={rate.suppressed} />;
  }
  return <span className="figure">{format.format(rate.value)}</span>;
}
