import { formatDelta, formatPercentPoints, formatValue, type Unit } from '@creator-ops/format';
import { metricRegistry } from '@creator-ops/metrics';
import type { Kpi, ReportContext, ReportResult } from './types';

const NULL_TEXT = '-';

/** KPI cards: the metrics' totals over the period, with the comparison window's values and change. */
export function buildKpis(ctx: ReportContext, metrics: string[]): Kpi[] {
  const registry = metricRegistry();
  // A metric shows when its data is present, or when it needs parameters only (break-even ROI); a base
  // metric has no inputs, so `every` alone would be vacuously true for it.
  const paramsOnly = (m: string) => {
    const inputs = registry.metrics.get(m)?.inputs ?? [];
    return inputs.length > 0 && inputs.every((i) => registry.params.has(i));
  };
  const available = metrics.filter((m) => registry.metrics.get(m)?.kinds.some((k) => ctx.kinds.has(k)) || paramsOnly(m));
  if (available.length === 0) return [];
  const result = ctx.query({ metrics: available, compare: ctx.params.compare ?? undefined });
  return available.map((key) => {
    const def = registry.metrics.get(key)!;
    const unit = def.unit as Unit;
    const value = (result.totals?.[key] as number | null) ?? null;
    const previous = (result.comparison?.totals?.[key] as number | null | undefined) ?? null;
    const delta = (result.comparison?.delta?.[key] as number | null | undefined) ?? null;
    const deltaPct = (result.comparison?.delta_pct?.[key] as number | null | undefined) ?? null;
    const locale = ctx.locale;
    return {
      metric: key,
      label: def.label,
      formula: def.formula,
      unit: def.unit,
      value,
      previous,
      delta,
      deltaPct,
      deltaUnit: def.unit === 'percent' ? 'pp' : 'value',
      direction: def.direction,
      display: {
        value: formatValue(value, unit, { locale, decimals: def.decimals }),
        compact: formatValue(value, unit, { locale, compact: true }),
        previous: formatValue(previous, unit, { locale, decimals: def.decimals }),
        delta: def.unit === 'percent' ? formatPercentPoints(delta, { locale }) : formatDelta(delta, unit, { locale, decimals: def.decimals }),
        // A relative change is a percent ('+12.50%'), never percentage points.
        deltaPct: deltaPct === null ? NULL_TEXT : formatValue(deltaPct, 'percent', { locale, sign: true }),
      },
    };
  });
}

/** Every registry metric a built report shows (KPIs and table columns), with its formula. */
export function metricsShown(built: Pick<ReportResult, 'kpis' | 'tables'>): ReportResult['metrics'] {
  const registry = metricRegistry();
  const keys = new Set([...built.kpis.map((k) => k.metric), ...built.tables.flatMap((t) => t.columns.filter((c) => c.role === 'metric').map((c) => c.key))]);
  return [...keys]
    .filter((k) => registry.metrics.has(k))
    .map((k) => {
      const m = registry.metrics.get(k)!;
      return { key: k, label: m.label, formula: m.formula, unit: m.unit };
    });
}
