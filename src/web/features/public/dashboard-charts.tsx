import { lazy, useMemo } from 'react';
import type { PublicChart, PublicChartId } from '../../../shared/public-schemas.js';
import { ChartCard } from './chart-card.js';
import { flowsOf, itemsOf, mapFiguresOf, profileItemsOf, trendSeriesOf } from './chart-data.js';
import { chartIds, type DashboardFilters } from './dashboard-filters.js';
import { KpiTiles } from './kpi-tiles.js';
import { usePublicTranslation } from './public-i18n.js';
import { useLabels } from './use-labels.js';

// The drawings are chunks of their own, fetched after the page (and its figures) are shown:
// the map chunk carries d3-geo and the world atlas, far heavier than everything else here.
const BarChart = lazy(async () => ({ default: (await import('./svg-charts.js')).BarChart }));
const TrendChart = lazy(async () => ({ default: (await import('./svg-charts.js')).TrendChart }));
const WorldMap = lazy(async () => ({ default: (await import('./map-charts.js')).WorldMap }));
const FlowsMap = lazy(async () => ({ default: (await import('./map-charts.js')).FlowsMap }));

const titleKeys: Record<PublicChartId, string> = {
  kpis: 'publicCharts.titles.kpis',
  profile: 'publicCharts.titles.profile',
  trend: 'publicCharts.titles.trend',
  forms: 'publicCharts.titles.forms',
  map: 'publicCharts.titles.map',
  flows: 'publicCharts.titles.flows',
};

/** The drawing of one chart. */
function ChartDrawing({ chart, title }: { chart: PublicChart; title: string }) {
  const { labelOf } = useLabels();
  const data = useMemo(() => {
    switch (chart.id) {
      case 'kpis':
        return { kind: 'kpis' as const };
      case 'profile':
        return { kind: 'bars' as const, items: profileItemsOf(chart, labelOf) };
      case 'forms':
        return { kind: 'bars' as const, items: itemsOf(chart, labelOf) };
      case 'trend':
        return { kind: 'trend' as const, series: trendSeriesOf(chart, labelOf) };
      case 'map':
        return { kind: 'map' as const, figures: mapFiguresOf(chart) };
      case 'flows':
        return { kind: 'flows' as const, flows: flowsOf(chart) };
    }
  }, [chart, labelOf]);
  switch (data.kind) {
    case 'kpis':
      return <KpiTiles chart={chart} />;
    case 'bars':
      return <BarChart items={data.items} title={title} />;
    case 'trend':
      return <TrendChart series={data.series} title={title} />;
    case 'map':
      return <WorldMap figures={data.figures} title={title} />;
    case 'flows':
      return <FlowsMap flows={data.flows} title={title} />;
  }
}

/** Every chart of the answer, in the dashboard's fixed order. */
export function DashboardCharts({
  charts,
  filters,
}: {
  charts: readonly PublicChart[];
  filters: DashboardFilters;
}) {
  const { t } = usePublicTranslation();
  const byId = new Map(charts.map((chart) => [chart.id, chart]));
  return (
    <div className="chart-grid">
      {chartIds.map((id) => {
        const chart = byId.get(id);
        if (chart === undefined) return null;
        const title = t(titleKeys[id]);
        return (
          <ChartCard
            key={id}
            chart={chart}
            title={title}
            filters={filters}
            wide={id === 'kpis' || id === 'map' || id === 'flows'}
          >
            <ChartDrawing chart={chart} title={title} />
          </ChartCard>
        );
      })}
    </div>
  );
}
