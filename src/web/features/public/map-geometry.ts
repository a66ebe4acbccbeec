import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import atlas from 'world-atlas/countries-110m.json';

/*
 * The world drawn offline: Natural Earth 1:110m countries from world-atlas (bundled with this
 * lazy chunk, no tile server, nothing fetched from elsewhere), projected once with Equal Earth,
 * an equal-area projection, so that no country's colour looks bigger than its figure deserves.
 * The map never mirrors in right-to-left languages: geography has one orientation.
 */

/** The drawing's size in SVG user units (the SVG scales to its box). */
export const mapWidth = 960;
export const mapHeight = 470;

/** One country shape: its M49 code (world-atlas ids), its path and its projected centroid. */
export interface CountryShape {
  m49: string;
  /** The atlas's English short name (only a fallback: the API sends names in the language). */
  atlasName: string;
  d: string;
  centroid: readonly [number, number];
}

interface CountryProperties {
  name?: string;
}

let shapes: CountryShape[] | null = null;

/** Every country of the atlas, projected (computed on first use, then kept). */
export function countryShapes(): CountryShape[] {
  if (shapes !== null) return shapes;
  const topology = atlas as unknown as Topology<{
    countries: GeometryCollection<CountryProperties>;
  }>;
  const collection = feature(topology, topology.objects.countries);
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [mapWidth - 4, mapHeight - 4],
    ],
    collection,
  );
  const path = geoPath(projection);
  shapes = collection.features.flatMap((country: Feature<Geometry, CountryProperties>) => {
    const d = path(country);
    const id = typeof country.id === 'string' ? country.id : String(country.id ?? '');
    if (d === null || id === '' || id === 'undefined') return [];
    const [x, y] = path.centroid(country);
    return [{ m49: id, atlasName: country.properties.name ?? id, d, centroid: [x, y] as const }];
  });
  return shapes;
}

/** Centroids by M49 code (flow ends). */
export function centroidsByM49(): Map<string, readonly [number, number]> {
  return new Map(countryShapes().map((shape) => [shape.m49, shape.centroid]));
}

/**
 * A flow as a quadratic curve bowed to one side, so that A→B and B→A are two distinct arcs
 * rather than one line drawn twice.
 */
export function arcPath(from: readonly [number, number], to: readonly [number, number]): string {
  const [x1, y1] = from;
  const [x2, y2] = to;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const bow = 0.2;
  const cx = (x1 + x2) / 2 - dy * bow;
  const cy = (y1 + y2) / 2 + dx * bow;
  const r = (n: number) => Math.round(n * 10) / 10;
  return `M${r(x1)},${r(y1)} Q${r(cx)},${r(cy)} ${r(x2)},${r(y2)}`;
}
