import { useId } from 'react';
import { colourClassOf, colourClassesOf, paletteStepOf } from './chart-scale.js';
import type { MapFigure } from './chart-data.js';
import { useFigureLabel } from './figure-text.js';
import { HatchSwatch, MapHatch, svgId } from './map-hatch.js';
import { countryShapes, mapHeight, mapWidth } from './map-geometry.js';
import { usePublicTranslation } from './public-i18n.js';

/**
 * The choropleth: countries coloured by class of their figure, suppressed countries hatched
 * and titled "suppressed" (never a number), countries without a figure left grey. The legend is
 * HTML, so it mirrors with the page while the map itself keeps its orientation.
 */
export function WorldMap({
  figures,
  title,
}: {
  figures: ReadonlyMap<string, MapFigure>;
  title: string;
}) {
  const { t } = usePublicTranslation();
  const figureLabel = useFigureLabel();
  const reactId = useId();
  const hatchId = svgId(reactId, 'hatch');
  const swatchId = svgId(reactId, 'swatch');
  const values = [...figures.values()].flatMap((figure) =>
    figure.suppressed || figure.value === null ? [] : [figure.value],
  );
  const classes = colourClassesOf(values);
  const hasSuppressed = [...figures.values()].some((figure) => figure.suppressed);
  return (
    <div className="world-map">
      <svg
        className="map-svg"
        viewBox={`0 0 ${String(mapWidth)} ${String(mapHeight)}`}
        role="img"
        aria-label={t('publicCharts.drawingLabel', { title })}
        direction="ltr"
        data-testid="world-map"
      >
        <MapHatch id={hatchId} />
        {countryShapes().map((shape) => {
          const figure = figures.get(shape.m49);
          if (figure === undefined) {
            return (
              <path
                key={shape.m49}
                d={shape.d}
                className="map-country map-none"
                data-m49={shape.m49}
              />
            );
          }
          const suppressed = figure.suppressed;
          const className = suppressed
            ? 'map-country map-suppressed'
            : figure.value === null
              ? 'map-country map-none'
              : `map-country map-class-${String(paletteStepOf(colourClassOf(figure.value, classes), classes.length))}`;
          return (
            <path
              key={shape.m49}
              d={shape.d}
              className={className}
              fill={suppressed ? `url(#${hatchId})` : undefined}
              data-m49={shape.m49}
              data-country={figure.iso3}
              data-suppressed={suppressed ? 'true' : undefined}
            >
              <title>{`${figure.name}: ${figureLabel(figure)}`}</title>
            </path>
          );
        })}
      </svg>
      <ul className="map-legend" data-testid="map-legend">
        {classes.map((colourClass) => (
          <li key={colourClass.index}>
            <span
              className={`legend-box map-class-${String(paletteStepOf(colourClass.index, classes.length))}`}
              aria-hidden="true"
            />
            {colourClass.from === colourClass.to
              ? figureLabel({ value: colourClass.from, suppressed: false })
              : t('publicMap.range', {
                  from: figureLabel({ value: colourClass.from, suppressed: false }),
                  to: figureLabel({ value: colourClass.to, suppressed: false }),
                })}
          </li>
        ))}
        {hasSuppressed && (
          <li>
            <HatchSwatch id={swatchId} />
            {t('publicMap.suppressed')}
          </li>
        )}
        <li>
          <span className="legend-box map-none" aria-hidden="true" />
          {t('publicMap.noData')}
        </li>
      </ul>
    </div>
  );
}
