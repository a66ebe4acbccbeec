/*
 * Scales shared by the chart drawings: a "nice" axis maximum and its ticks, and the colour
 * classes of the map. Pure arithmetic, so that the geometry can be tested without a browser.
 */

/** The smallest 1-2-5 × 10ⁿ number at or above `value` (an axis maximum people can read). */
export function niceMax(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (step * power >= value) return step * power;
  }
  return 10 * power;
}

/** `count + 1` evenly spaced ticks from 0 to `max` (integers only: figures are counts). */
export function ticksOf(max: number, count = 4): number[] {
  const step = max / count;
  const ticks: number[] = [];
  for (let index = 0; index <= count; index += 1) {
    const tick = Math.round(step * index);
    if (ticks.at(-1) !== tick) ticks.push(tick);
  }
  return ticks;
}

/** One class of the map legend: figures from `from` to `to` inclusive. */
export interface ColourClass {
  index: number;
  from: number;
  to: number;
}

/**
 * Up to `count` colour classes over the figures shown, by quantiles of the distinct values, so
 * that one large country does not paint every other one the palest colour. Suppressed figures
 * take no part: their hatching is a class of its own.
 */
export function colourClassesOf(values: readonly number[], count = 5): ColourClass[] {
  const distinct = [...new Set(values.filter((value) => Number.isFinite(value)))].sort(
    (a, b) => a - b,
  );
  if (distinct.length === 0) return [];
  const classes = Math.min(count, distinct.length);
  const result: ColourClass[] = [];
  for (let index = 0; index < classes; index += 1) {
    const start = Math.floor((index * distinct.length) / classes);
    const end = Math.floor(((index + 1) * distinct.length) / classes) - 1;
    result.push({ index, from: distinct[start] ?? 0, to: distinct[end] ?? 0 });
  }
  return result;
}

/** The class a figure falls in (the last class whose start it reaches). */
export function colourClassOf(value: number, classes: readonly ColourClass[]): number {
  let found = 0;
  for (const colourClass of classes) {
    if (value >= colourClass.from) found = colourClass.index;
  }
  return found;
}

/**
 * The palette step (0 = palest … `paletteSize - 1` = darkest) of a colour class. Fewer classes
 * than steps spread over the palette with the top class darkest, so that a lone country is not
 * painted in the palest blue, which barely stands out from "no figure" grey.
 */
export function paletteStepOf(classIndex: number, classCount: number, paletteSize = 5): number {
  if (classCount <= 1) return paletteSize - 2;
  const offset = paletteSize - classCount;
  return Math.min(paletteSize - 1, Math.max(0, classIndex + offset));
}
