import { cardinalityGuess, cubeDimensions, type CubeDimension } from './cube-dimensions.js';

/**
 * The cube is stored as cuboids: every combination of three stored dimensions, each with the
 * organisation, so any cross-tab of up to three dimensions (the organisation being free) reads
 * one small cuboid instead of every case. 10 dimensions give 120 cuboids.
 */
export interface Cuboid {
  /** The dimension names joined by `.` in canonical order, e.g. `year.sex.age`. */
  id: string;
  dimensions: readonly [CubeDimension, CubeDimension, CubeDimension];
  /** Positions of the dimensions in {@link cubeDimensions}. */
  positions: readonly [number, number, number];
}

function allCuboids(): Cuboid[] {
  const out: Cuboid[] = [];
  const n = cubeDimensions.length;
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) {
      for (let k = j + 1; k < n; k += 1) {
        const dims = [cubeDimensions[i], cubeDimensions[j], cubeDimensions[k]] as [
          CubeDimension,
          CubeDimension,
          CubeDimension,
        ];
        out.push({ id: dims.join('.'), dimensions: dims, positions: [i, j, k] });
      }
    }
  }
  return out;
}

/** Every cuboid the cube keeps. */
export const cuboids: readonly Cuboid[] = allCuboids();

const byId = new Map(cuboids.map((cuboid) => [cuboid.id, cuboid]));

/** The cuboid with this id, or undefined. */
export function cuboidById(id: string): Cuboid | undefined {
  return byId.get(id);
}

/**
 * The cuboid that answers a query needing these stored dimensions: it holds all of them, and
 * its other dimensions are those with the fewest expected codes (the smallest cuboid). Null
 * when more than three distinct dimensions are needed.
 */
export function chooseCuboid(needed: readonly CubeDimension[]): Cuboid | null {
  const wanted = new Set(needed);
  if (wanted.size > 3) return null;
  const extras = cubeDimensions
    .filter((dim) => !wanted.has(dim))
    .sort((a, b) => cardinalityGuess[a] - cardinalityGuess[b] || a.localeCompare(b))
    .slice(0, 3 - wanted.size);
  const chosen = new Set([...wanted, ...extras]);
  const id = cubeDimensions.filter((dim) => chosen.has(dim)).join('.');
  return byId.get(id) ?? null;
}
