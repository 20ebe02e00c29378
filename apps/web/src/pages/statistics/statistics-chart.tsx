import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { t } from '../../i18n/t';

export interface ChartBar {
  label: string;
  value: number;
}

/**
 * A bar chart of the published counts (recharts, in its own chunk: only the statistics page loads it). The table
 * beside it carries the same figures for screen readers, so the drawing is hidden from them and never focusable.
 */
export default function StatisticsChart({ bars, name }: { bars: ChartBar[]; name: string }) {
  return (
    <div aria-hidden="true" data-testid="statistics-chart">
      <BarChart
        h={Math.max(120, bars.length * 34 + 40)}
        data={bars}
        dataKey="label"
        orientation="vertical"
        yAxisProps={{ width: 180 }}
        series={[{ name: 'value', label: name, color: 'indigo.8' }]}
        withTooltip={false}
        withBarValueLabel
        barChartProps={{ accessibilityLayer: false }}
        gridAxis="x"
      />
      <span className="visually-hidden">{t('statistics.chartHint')}</span>
    </div>
  );
}
