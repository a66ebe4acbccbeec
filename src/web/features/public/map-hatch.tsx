/**
 * The hatching of suppressed countries (a pattern, referenced by id from SVG attributes: the
 * CSP forbids inline styles, and a hatch reads as "hidden" even to colour-blind readers).
 */
export function MapHatch({ id }: { id: string }) {
  return (
    <defs>
      <pattern
        id={id}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
        patternTransform="rotate(45)"
      >
        <rect width="6" height="6" className="map-hatch-ground" />
        <line x1="0" y1="0" x2="0" y2="6" className="map-hatch-line" />
      </pattern>
    </defs>
  );
}

/** A DOM id usable inside `url(#…)` (React's ids may hold characters CSS would need escaped). */
export function svgId(reactId: string, suffix: string): string {
  return `${reactId.replace(/[^A-Za-z0-9_-]/g, '')}-${suffix}`;
}

/** A legend swatch showing the hatch. */
export function HatchSwatch({ id }: { id: string }) {
  return (
    <svg className="legend-swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <MapHatch id={id} />
      <rect width="16" height="16" fill={`url(#${id})`} className="map-swatch-border" />
    </svg>
  );
}
