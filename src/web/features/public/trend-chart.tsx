import { ticksOf } from './chart-scale.js';
import { inlineX, layoutTrend, type TrendSeries } from './chart-layout.js';
import { useFigureLabel } from './figure-text.js';
import { usePublicTranslation } from './public-i18n.js';

const width = 640;
const height = 280;
const axisWidth = 64;
const axisHeight = 28;
const top = 12;
const seriesClasses = 6;

/**
 * Figures over the years, one line per series. Time runs from the inline start (right to left
 * in Arabic). A suppressed year breaks the line and is marked with an open ring on the axis,
 * never placed at a height.
 */
export function TrendChart({ series, title }: { series: readonly TrendSeries[]; title: string }) {
  const { t, i18n } = usePublicTranslation();
  const figureLabel = useFigureLabel();
  const rtl = i18n.dir() === 'rtl';
  const layout = layoutTrend(series, { width, height, axisWidth, axisHeight, top, rtl });
  const baseline = layout.yOf(0);
  const axisX = inlineX(axisWidth, width, rtl);
  return (
    <div className="trend-chart">
      <svg
        className="chart-svg"
        viewBox={`0 0 ${String(width)} ${String(height)}`}
        role="img"
        aria-label={t('publicCharts.drawingLabel', { title })}
        direction={rtl ? 'rtl' : 'ltr'}
        data-testid="trend-chart"
        data-dir={rtl ? 'rtl' : 'ltr'}
      >
        {ticksOf(layout.max).map((tick) => (
          <g key={tick} className="chart-grid">
            <line
              x1={axisX}
              x2={inlineX(width - 16, width, rtl)}
              y1={layout.yOf(tick)}
              y2={layout.yOf(tick)}
            />
            <text
              x={inlineX(axisWidth - 6, width, rtl)}
              y={layout.yOf(tick)}
              textAnchor="end"
              dominantBaseline="middle"
              className="chart-tick"
            >
              {figureLabel({ value: tick, suppressed: false })}
            </text>
          </g>
        ))}
        {layout.years.map(({ year, x }) => (
          <text
            key={year}
            x={x}
            y={height - 8}
            textAnchor="middle"
            className="chart-tick"
            data-year={year}
          >
            {String(year)}
          </text>
        ))}
        {layout.series.map((one, index) => (
          <g key={one.key} className={`chart-series chart-series-${String(index % seriesClasses)}`}>
            {one.segments.map((d) => (
              <path key={d} d={d} className="chart-line" />
            ))}
            {one.points.map((point) =>
              point.y === null ? (
                <circle
                  key={point.year}
                  cx={point.x}
                  cy={baseline}
                  r={4}
                  className="chart-point-suppressed"
                >
                  <title>{`${one.label} ${String(point.year)}: ${figureLabel(point)}`}</title>
                </circle>
              ) : (
                <circle key={point.year} cx={point.x} cy={point.y} r={3.5} className="chart-point">
                  <title>{`${one.label} ${String(point.year)}: ${figureLabel(point)}`}</title>
                </circle>
              ),
            )}
          </g>
        ))}
      </svg>
      {showLegend(layout.series) ? (
        <ul className="chart-legend">
          {layout.series.map((one, index) => (
            <li
              key={one.key}
              className={`chart-series chart-series-${String(index % seriesClasses)}`}
            >
              <span className="legend-line" aria-hidden="true" />
              {one.label}
            </li>
          ))}
          {layout.series.some((one) => one.points.some((point) => point.suppressed)) && (
            <li>
              <span className="legend-ring" aria-hidden="true" />
              {t('publicCharts.suppressedYear')}
            </li>
          )}
        </ul>
      ) : null}
    </div>
  );
}

/** A legend helps when lines need telling apart or a year is suppressed. */
function showLegend(
  series: readonly { label: string; points: readonly { suppressed: boolean }[] }[],
): boolean {
  return (
    series.length > 1 ||
    series.some((one) => one.label !== '' || one.points.some((point) => point.suppressed))
  );
}
