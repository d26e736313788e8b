import { formatValue, isUnit, type Locale } from '@creator-ops/format';
import type { AnomalySeries } from '@creator-ops/monitoring';

export interface AnomalyChartText {
  value: string;
  expected: string;
  anomaly: string;
}

const BAND_COLOR = 'rgba(58, 122, 254, 0.14)';
const LINE_COLOR = '#3a7afe';
const ANOMALY_COLOR = '#e5484d';

/** Percent metrics are drawn in percent (2.1, not 0.021); rounding keeps binary noise off the axis. */
const scaleOf = (unit: string) => (unit === 'percent' ? 100 : 1);
const scaled = (x: number | null, scale: number) => (x === null ? null : Number((x * scale).toFixed(6)));

/**
 * The ECharts option of one anomaly series: the daily value as a line, the expected range as a
 * stacked area (an invisible `low` line with `high − low` stacked on it), and each flagged day as a
 * red markPoint. Pure: the same series gives the same option (the monitoring page draws it).
 */
export function anomalyChartOption(
  series: AnomalySeries,
  opts: { title?: string; decimals?: number; locale: Locale; text: AnomalyChartText },
): Record<string, unknown> {
  const unit = series.unit;
  const scale = scaleOf(unit);
  // The scored window can start before the data does: leading days without a value or a band are left out.
  const first = series.points.findIndex((p) => p.value !== null || p.low !== null);
  const points = first > 0 ? series.points.slice(first) : series.points;
  const dates = points.map((p) => p.date);
  const fmt = (x: number | null) => (x === null ? '-' : isUnit(unit) ? formatValue(x, unit, { locale: opts.locale, decimals: opts.decimals }) : String(x));
  const low = points.map((p) => (p.low === null || p.high === null ? null : scaled(p.low, scale)));
  const band = points.map((p) => (p.low === null || p.high === null ? null : Number(((p.high - p.low) * scale).toFixed(6))));
  const values = points.map((p) => scaled(p.value, scale));
  const flagged = points.filter((p) => p.flagged && p.value !== null);

  return {
    animationDuration: 400,
    grid: { left: 56, right: 24, top: 40, bottom: 36 },
    legend: { top: 4, data: [opts.text.value, opts.text.expected] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: { dataIndex: number }[] | { dataIndex: number }) => {
        const index = (Array.isArray(params) ? params[0] : params)?.dataIndex ?? -1;
        const p = points[index];
        if (!p) return '';
        const lines = [`<b>${p.date}</b>`, `${opts.text.value}: ${fmt(p.value)}`];
        if (p.low !== null && p.high !== null) lines.push(`${opts.text.expected}: ${fmt(p.low)} – ${fmt(p.high)}`);
        if (p.flagged) lines.push(`<span style="color:${ANOMALY_COLOR}">● ${opts.text.anomaly}</span>`);
        return lines.join('<br/>');
      },
    },
    xAxis: { type: 'category', data: dates, boundaryGap: false, axisLabel: { formatter: (d: string) => d.slice(5) } },
    yAxis: { type: 'value', scale: true, axisLabel: { formatter: unit === 'percent' ? '{value}%' : '{value}' } },
    series: [
      {
        name: `${opts.text.expected}-low`,
        type: 'line',
        data: low,
        stack: 'expected',
        symbol: 'none',
        silent: true,
        lineStyle: { opacity: 0 },
        areaStyle: { opacity: 0 },
        tooltip: { show: false },
      },
      {
        name: opts.text.expected,
        type: 'line',
        data: band,
        stack: 'expected',
        symbol: 'none',
        silent: true,
        itemStyle: { color: BAND_COLOR },
        lineStyle: { opacity: 0 },
        areaStyle: { color: BAND_COLOR },
      },
      {
        name: opts.text.value,
        type: 'line',
        data: values,
        symbol: 'circle',
        symbolSize: 5,
        itemStyle: { color: LINE_COLOR },
        lineStyle: { width: 2, color: LINE_COLOR },
        markPoint: {
          symbol: 'pin',
          symbolSize: 46,
          itemStyle: { color: ANOMALY_COLOR },
          label: { fontSize: 10, color: '#fff' },
          data: flagged.map((p) => ({ name: p.date, coord: [p.date, scaled(p.value, scale)], value: fmt(p.value) })),
        },
      },
    ],
  };
}
