import { useId } from 'react';
import type { Flow } from './chart-data.js';
import { useFigureLabel } from './figure-text.js';
import { arcPath, centroidsByM49, countryShapes, mapHeight, mapWidth } from './map-geometry.js';
import { usePublicTranslation } from './public-i18n.js';
import { svgId } from './map-hatch.js';

const widths = [1.5, 3, 5, 7];

/** Stroke width class of a flow among the shown ones (by quartile of the largest). */
function strokeOf(value: number | null, max: number): number {
  if (value === null || max <= 0) return 1;
  const index = Math.min(widths.length - 1, Math.floor((value / max) * widths.length));
  return widths[index] ?? 1;
}

/**
 * Origin → destination flows as arcs between country centroids over a plain world, arrowheads
 * at the destination. A suppressed flow is a thin dashed arc: that the route exists is
 * published, how many travelled it is not.
 */
export function FlowsMap({ flows, title }: { flows: readonly Flow[]; title: string }) {
  const { t } = usePublicTranslation();
  const figureLabel = useFigureLabel();
  const arrowId = svgId(useId(), 'arrow');
  const centroids = centroidsByM49();
  const max = Math.max(0, ...flows.map((flow) => flow.value ?? 0));
  return (
    <div className="world-map">
      <svg
        className="map-svg"
        viewBox={`0 0 ${String(mapWidth)} ${String(mapHeight)}`}
        role="img"
        aria-label={t('publicCharts.drawingLabel', { title })}
        direction="ltr"
        data-testid="flows-map"
      >
        <defs>
          <marker
            id={arrowId}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="9"
            markerHeight="9"
            markerUnits="userSpaceOnUse"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" className="flow-arrow" />
          </marker>
        </defs>
        {countryShapes().map((shape) => (
          <path key={shape.m49} d={shape.d} className="map-country map-base" />
        ))}
        {flows.map((flow) => {
          const from = centroids.get(flow.origin);
          const to = centroids.get(flow.destination);
          if (from === undefined || to === undefined) return null;
          return (
            <path
              key={flow.key}
              d={arcPath(from, to)}
              className={flow.suppressed ? 'flow flow-suppressed' : 'flow'}
              strokeWidth={flow.suppressed ? 1.25 : strokeOf(flow.value, max)}
              markerEnd={`url(#${arrowId})`}
              data-suppressed={flow.suppressed ? 'true' : undefined}
            >
              <title>{`${flow.originName} → ${flow.destinationName}: ${figureLabel(flow)}`}</title>
            </path>
          );
        })}
      </svg>
      <ul className="map-legend">
        <li>
          <span className="legend-line flow-legend" aria-hidden="true" />
          {t('publicMap.flow')}
        </li>
        {flows.some((flow) => flow.suppressed) && (
          <li>
            <span className="legend-line flow-legend-suppressed" aria-hidden="true" />
            {t('publicMap.flowSuppressed')}
          </li>
        )}
      </ul>
    </div>
  );
}
