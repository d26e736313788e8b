import type { ReportChart, ReportResult, ReportTable } from '../types';

type Option = Record<string, any>;

export function kpiOf(res: ReportResult, metric: string) {
  const k = res.kpis.find((x) => x.metric === metric);
  if (!k) throw new Error(`No KPI ${metric}; have ${res.kpis.map((x) => x.metric).join(', ')}`);
  return k;
}

export function tableOf(res: ReportResult, id: string): ReportTable {
  const t = res.tables.find((x) => x.id === id);
  if (!t) throw new Error(`No table ${id}; have ${res.tables.map((x) => x.id).join(', ')}`);
  return t;
}

export function chartOf(res: ReportResult, id: string): ReportChart & { option: Option } {
  const c = res.charts.find((x) => x.id === id);
  if (!c) throw new Error(`No chart ${id}; have ${res.charts.map((x) => x.id).join(', ')}`);
  return c as ReportChart & { option: Option };
}

/** The plotted values of one series (data items `{ value }` unwrapped). */
export function seriesValues(option: Option, index = 0): unknown[] {
  return (option.series[index].data as { value: unknown }[]).map((d) => d.value);
}

/** The tooltip texts of one series' data items. */
export function seriesTooltips(option: Option, index = 0): string[] {
  return (option.series[index].data as { tooltip: { formatter: string } }[]).map((d) => d.tooltip.formatter);
}

export function categoriesOf(option: Option): string[] {
  const axis = [option.xAxis, option.yAxis].flat().find((a: Option) => a?.type === 'category');
  return axis.data;
}

/** Picks some columns of each row, for compact expectations. */
export function pick<T extends Record<string, unknown>>(rows: T[], keys: string[]): Record<string, unknown>[] {
  return rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])));
}
