import { niceMax } from './chart-scale.js';

/*
 * Geometry of the bar and trend charts in SVG user units. Charts mirror in right-to-left
 * languages: bars grow from the right and time runs from right to left, the way Arabic readers
 * scan. SVG has no logical coordinates, so the mirroring is done here, once, and tested.
 */

/** A figure to draw. Suppressed and missing figures have `value: null` and get no bar length. */
export interface ChartItem {
  key: string;
  label: string;
  value: number | null;
  suppressed: boolean;
}

export interface BarBox {
  item: ChartItem;
  /** Bar rectangle (width 0 for a suppressed or missing figure). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the category label sits, and which way its text runs from there. */
  labelX: number;
  /** Where the figure (or the suppression marker) sits, just past the bar's end. */
  valueX: number;
  textY: number;
}

export interface BarOptions {
  width: number;
  rowHeight: number;
  labelWidth: number;
  /** Room kept past the longest bar for its figure. */
  valueWidth: number;
  rtl: boolean;
}

/** The x of a point `offset` units from the inline-start edge of a `width`-wide drawing. */
export function inlineX(offset: number, width: number, rtl: boolean): number {
  return rtl ? width - offset : offset;
}

/**
 * Horizontal bars, one row each, labels at the inline start and bars growing towards the
 * inline end. Lengths share one scale from 0 to a nice maximum.
 */
export function layoutBars(items: readonly ChartItem[], options: BarOptions): BarBox[] {
  const { width, rowHeight, labelWidth, valueWidth, rtl } = options;
  const max = niceMax(Math.max(0, ...items.map((item) => item.value ?? 0)));
  const track = Math.max(0, width - labelWidth - valueWidth);
  const barHeight = Math.round(rowHeight * 0.6);
  const gap = 6;
  return items.map((item, index) => {
    const length = item.value === null ? 0 : (item.value / max) * track;
    const start = labelWidth;
    const y = index * rowHeight + (rowHeight - barHeight) / 2;
    return {
      item,
      x: rtl ? width - start - length : start,
      y,
      width: length,
      height: barHeight,
      labelX: inlineX(labelWidth - gap, width, rtl),
      valueX: inlineX(start + length + gap, width, rtl),
      textY: index * rowHeight + rowHeight / 2,
    };
  });
}

/** One point of a trend line. */
export interface TrendPoint {
  year: number;
  value: number | null;
  suppressed: boolean;
  x: number;
  /** Null for a suppressed or missing figure: the line breaks there. */
  y: number | null;
}

export interface TrendOptions {
  width: number;
  height: number;
  /** Inner margins: the inline start holds the value axis, the bottom the years. */
  axisWidth: number;
  axisHeight: number;
  top: number;
  rtl: boolean;
}

export interface TrendLayout {
  max: number;
  /** x of every year on the time axis, in the years' order. */
  years: { year: number; x: number }[];
  yOf: (value: number) => number;
  series: { key: string; label: string; points: TrendPoint[]; segments: string[] }[];
}

export interface TrendSeries {
  key: string;
  label: string;
  points: { year: number; value: number | null; suppressed: boolean }[];
}

/**
 * Lines over years. A suppressed year is a gap in the line (never an interpolated value), so
 * that no one can read the hidden figure off the drawing.
 */
export function layoutTrend(series: readonly TrendSeries[], options: TrendOptions): TrendLayout {
  const { width, height, axisWidth, axisHeight, top, rtl } = options;
  const years = [...new Set(series.flatMap((one) => one.points.map((p) => p.year)))].sort(
    (a, b) => a - b,
  );
  const values = series.flatMap((one) =>
    one.points.map((p) => (p.suppressed ? 0 : (p.value ?? 0))),
  );
  const max = niceMax(Math.max(0, ...values));
  const plotStart = axisWidth;
  const plotWidth = Math.max(0, width - axisWidth - 16);
  const plotHeight = Math.max(0, height - axisHeight - top);
  const step = years.length > 1 ? plotWidth / (years.length - 1) : 0;
  const xOfYear = new Map(
    years.map((year, index) => [
      year,
      inlineX(plotStart + (years.length > 1 ? index * step : plotWidth / 2), width, rtl),
    ]),
  );
  const yOf = (value: number) => top + plotHeight - (value / max) * plotHeight;
  return {
    max,
    years: years.map((year) => ({ year, x: xOfYear.get(year) ?? 0 })),
    yOf,
    series: series.map((one) => {
      const points = [...one.points]
        .sort((a, b) => a.year - b.year)
        .map((point) => ({
          ...point,
          x: xOfYear.get(point.year) ?? 0,
          y: point.suppressed || point.value === null ? null : yOf(point.value),
        }));
      return { key: one.key, label: one.label, points, segments: segmentsOf(points) };
    }),
  };
}

/** SVG path data for each unbroken run of drawable points. */
function segmentsOf(points: readonly TrendPoint[]): string[] {
  const segments: string[] = [];
  let current: string[] = [];
  for (const point of points) {
    if (point.y === null) {
      if (current.length > 0) segments.push(current.join(' '));
      current = [];
      continue;
    }
    current.push(`${current.length === 0 ? 'M' : 'L'}${fixed(point.x)},${fixed(point.y)}`);
  }
  if (current.length > 0) segments.push(current.join(' '));
  return segments;
}

function fixed(value: number): string {
  return String(Math.round(value * 10) / 10);
}
