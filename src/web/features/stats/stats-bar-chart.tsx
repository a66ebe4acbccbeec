import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/format.js';

/** One bar: its words and its count. */
export interface Bar {
  id: string;
  label: string;
  value: number;
}

// Drawing units (the SVG scales to the width it is given).
const width = 640;
const labelWidth = 190;
const valueWidth = 64;
const rowHeight = 26;
const barHeight = 18;
const maxLabelChars = 26;

function shorten(text: string): string {
  return text.length > maxLabelChars ? `${text.slice(0, maxLabelChars - 1)}…` : text;
}

/**
 * Horizontal bars of the rows' totals, drawn in plain SVG (no chart library, no inline style:
 * the CSP forbids it). Right to left, the bars grow from the right. The table beside it holds
 * the same figures, so the picture has a one-line accessible name only.
 */
export function StatsBarChart({ bars, label }: { bars: readonly Bar[]; label: string }) {
  const { i18n } = useTranslation();
  const format = useFormatters();
  const rtl = i18n.dir() === 'rtl';
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const plot = width - labelWidth - valueWidth;
  const height = bars.length * rowHeight + 4;
  return (
    <svg
      className="stats-chart"
      viewBox={`0 0 ${String(width)} ${String(height)}`}
      role="img"
      aria-label={label}
      direction="ltr"
      data-testid="stats-chart"
    >
      {bars.map((bar, index) => {
        const y = index * rowHeight + 2;
        const length = Math.max(bar.value > 0 ? 1 : 0, (bar.value / max) * plot);
        const barX = rtl ? width - labelWidth - length : labelWidth;
        const textY = y + barHeight / 2;
        return (
          <g key={bar.id}>
            <title>{`${bar.label}: ${format.number(bar.value)}`}</title>
            <text
              className="stats-chart-label"
              x={rtl ? width - labelWidth + 8 : labelWidth - 8}
              y={textY}
              textAnchor={rtl ? 'start' : 'end'}
              dominantBaseline="central"
            >
              {shorten(bar.label)}
            </text>
            <rect className="stats-chart-bar" x={barX} y={y} width={length} height={barHeight} />
            <text
              className="stats-chart-value"
              x={rtl ? barX - 6 : barX + length + 6}
              y={textY}
              textAnchor={rtl ? 'end' : 'start'}
              dominantBaseline="central"
            >
              {format.number(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
