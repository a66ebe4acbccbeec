import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutBars, layoutTrend, type ChartItem } from './chart-layout.js';
import { colourClassOf, colourClassesOf, niceMax, paletteStepOf, ticksOf } from './chart-scale.js';

const options = { width: 600, rowHeight: 30, labelWidth: 200, valueWidth: 80 };

const items: ChartItem[] = [
  { key: 'a', label: 'Women', value: 40, suppressed: false },
  { key: 'b', label: 'Girls', value: null, suppressed: true },
  { key: 'c', label: 'Men', value: 20, suppressed: false },
];

describe('bar layout', () => {
  it('grows bars from the left in LTR and from the right in RTL, as mirror images', () => {
    const ltr = layoutBars(items, { ...options, rtl: false });
    const rtl = layoutBars(items, { ...options, rtl: true });
    expect(ltr[0]?.x).toBe(200);
    expect((rtl[0]?.x ?? 0) + (rtl[0]?.width ?? 0)).toBe(400);
    ltr.forEach((bar, index) => {
      const mirror = rtl[index];
      expect(mirror?.width).toBe(bar.width);
      expect(mirror?.x).toBeCloseTo(600 - bar.x - bar.width);
      expect(mirror?.labelX).toBeCloseTo(600 - bar.labelX);
      expect(mirror?.valueX).toBeCloseTo(600 - bar.valueX);
    });
  });

  it('gives a suppressed figure no length, and scales the others to one nice maximum', () => {
    const bars = layoutBars(items, { ...options, rtl: false });
    expect(bars[1]?.width).toBe(0);
    // 40 of a nice maximum of 50 over a 320-unit track.
    expect(bars[0]?.width).toBeCloseTo(256);
    expect(bars[2]?.width).toBeCloseTo(128);
  });

  it('never draws past the track, whatever the figures', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.nat(1_000_000), { nil: null }), { maxLength: 20 }),
        fc.boolean(),
        (values, rtl) => {
          const bars = layoutBars(
            values.map((value, index) => ({
              key: String(index),
              label: '',
              value,
              suppressed: value === null,
            })),
            { ...options, rtl },
          );
          for (const bar of bars) {
            expect(bar.width).toBeGreaterThanOrEqual(0);
            expect(bar.x).toBeGreaterThanOrEqual(rtl ? 80 - 1e-9 : 200);
            expect(bar.x + bar.width).toBeLessThanOrEqual(rtl ? 400 + 1e-9 : 520 + 1e-9);
          }
        },
      ),
    );
  });
});

describe('trend layout', () => {
  const series = [
    {
      key: 'all',
      label: '',
      points: [
        { year: 2021, value: 10, suppressed: false },
        { year: 2019, value: 30, suppressed: false },
        { year: 2020, value: null, suppressed: true },
        { year: 2022, value: 20, suppressed: false },
      ],
    },
  ];
  const trend = { width: 600, height: 300, axisWidth: 60, axisHeight: 30, top: 10 };

  it('orders years and breaks the line at a suppressed year (no interpolation)', () => {
    const layout = layoutTrend(series, { ...trend, rtl: false });
    const [one] = layout.series;
    expect(one?.points.map((point) => point.year)).toEqual([2019, 2020, 2021, 2022]);
    expect(one?.points[1]?.y).toBeNull();
    expect(one?.segments).toHaveLength(2);
    expect(one?.segments[0]).toMatch(/^M[\d.]+,[\d.]+$/);
    expect(one?.segments[1]).toMatch(/^M[\d.]+,[\d.]+ L[\d.]+,[\d.]+$/);
  });

  it('runs time from right to left in RTL', () => {
    const ltr = layoutTrend(series, { ...trend, rtl: false }).years;
    const rtl = layoutTrend(series, { ...trend, rtl: true }).years;
    expect(ltr.map((year) => year.x)).toEqual([...ltr.map((year) => year.x)].sort((a, b) => a - b));
    expect(rtl.map((year) => year.x)).toEqual([...rtl.map((year) => year.x)].sort((a, b) => b - a));
    ltr.forEach((year, index) => {
      expect(rtl[index]?.x).toBeCloseTo(600 - year.x);
    });
  });
});

describe('scales', () => {
  it.each([
    [0, 1],
    [1, 1],
    [7, 10],
    [40, 50],
    [120, 200],
    [1_001, 2_000],
  ])('niceMax(%d) = %d', (value, expected) => {
    expect(niceMax(value)).toBe(expected);
  });

  it('ticks start at 0 and end at the maximum', () => {
    expect(ticksOf(50)).toEqual([0, 13, 25, 38, 50]);
    expect(ticksOf(1)).toEqual([0, 1]);
  });

  it('puts every figure in a class whose range holds it, classes in order', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(100_000), { minLength: 1, maxLength: 200 }), (values) => {
        const classes = colourClassesOf(values);
        expect(classes.length).toBeLessThanOrEqual(5);
        for (let index = 1; index < classes.length; index += 1) {
          expect(classes[index]?.from).toBeGreaterThan(classes[index - 1]?.to ?? Infinity);
        }
        for (const value of values) {
          const found = classes[colourClassOf(value, classes)];
          expect(value).toBeGreaterThanOrEqual(found?.from ?? Infinity);
          expect(value).toBeLessThanOrEqual(found?.to ?? -Infinity);
        }
      }),
    );
    expect(colourClassesOf([])).toEqual([]);
  });
});

describe('map palette', () => {
  it.each([
    [0, 1, 3],
    [0, 2, 3],
    [1, 2, 4],
    [0, 5, 0],
    [4, 5, 4],
    [2, 3, 4],
  ])('class %d of %d is palette step %d (the top class darkest)', (index, count, step) => {
    expect(paletteStepOf(index, count)).toBe(step);
  });
});
