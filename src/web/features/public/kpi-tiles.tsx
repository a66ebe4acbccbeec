import type { PublicChart } from '../../../shared/public-schemas.js';
import { itemsOf } from './chart-data.js';
import { FigureText } from './figure-text.js';
import { useLabels } from './use-labels.js';

/** The headline figures as tiles (plain HTML: light enough for the first paint). */
export function KpiTiles({ chart }: { chart: PublicChart }) {
  const { labelOf } = useLabels();
  return (
    <ul className="kpi-tiles" data-testid="kpi-tiles">
      {itemsOf(chart, labelOf).map((item) => (
        <li
          key={item.key}
          className="kpi-tile"
          data-suppressed={item.suppressed ? 'true' : undefined}
        >
          <span className="kpi-value">
            <FigureText value={item.value} suppressed={item.suppressed} />
          </span>
          <span className="kpi-label">{item.label}</span>
        </li>
      ))}
    </ul>
  );
}
