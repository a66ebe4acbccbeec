import { niceMax, ticksOf } from './chart-scale.js';
import { inlineX, layoutBars, type ChartItem } from './chart-layout.js';
import { useFigureLabel } from './figure-text.js';
import { usePublicTranslation } from './public-i18n.js';

const width = 640;
const rowHeight = 34;
const labelWidth = 230;
const valueWidth = 96;
const axisHeight = 22;

/**
 * Horizontal bars (forms of exploitation, the victim profile). Bars grow from the inline start,
 * so from the right in Arabic; a suppressed figure has no bar, only the word "suppressed".
 */
export function BarChart({ items, title }: { items: readonly ChartItem[]; title: string }) {
  const { t, i18n } = usePublicTranslation();
  const figureLabel = useFigureLabel();
  const rtl = i18n.dir() === 'rtl';
  const bars = layoutBars(items, { width, rowHeight, labelWidth, valueWidth, rtl });
  const max = niceMax(Math.max(0, ...items.map((item) => item.value ?? 0)));
  const track = width - labelWidth - valueWidth;
  const height = items.length * rowHeight + axisHeight;
  return (
    <svg
      className="chart-svg"
      viewBox={`0 0 ${String(width)} ${String(height)}`}
      role="img"
      aria-label={t('publicCharts.drawingLabel', { title })}
      direction={rtl ? 'rtl' : 'ltr'}
      data-testid="bar-chart"
      data-dir={rtl ? 'rtl' : 'ltr'}
    >
      {ticksOf(max).map((tick) => {
        const x = inlineX(labelWidth + (tick / max) * track, width, rtl);
        return (
          <g key={tick} className="chart-grid">
            <line x1={x} x2={x} y1={0} y2={items.length * rowHeight} />
            <text x={x} y={height - 6} textAnchor="middle" className="chart-tick">
              {figureLabel({ value: tick, suppressed: false })}
            </text>
          </g>
        );
      })}
      {bars.map((bar) => (
        <g key={bar.item.key} data-suppressed={bar.item.suppressed ? 'true' : undefined}>
          <text
            x={bar.labelX}
            y={bar.textY}
            textAnchor="end"
            dominantBaseline="middle"
            className="chart-label"
          >
            {bar.item.label}
          </text>
          {bar.width > 0 && (
            <rect
              x={bar.x}
              y={bar.y}
              width={bar.width}
              height={bar.height}
              className="chart-bar"
              data-testid="chart-bar"
            >
              <title>{`${bar.item.label}: ${figureLabel(bar.item)}`}</title>
            </rect>
          )}
          <text
            x={bar.valueX}
            y={bar.textY}
            textAnchor="start"
            dominantBaseline="middle"
            className={bar.item.suppressed ? 'chart-value chart-value-suppressed' : 'chart-value'}
          >
            {figureLabel(bar.item)}
          </text>
        </g>
      ))}
    </svg>
  );
}
