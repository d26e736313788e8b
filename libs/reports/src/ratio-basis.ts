import { formatValue, type Unit } from '@creator-ops/format';
import { metricRegistry } from '@creator-ops/metrics';
import type { QueryFilter } from '@creator-ops/query';
import type { Kpi, ReportContext } from './types';

/**
 * Adds to ratio KPIs the inputs they are computed from, over the rows the ratio reads. A ratio over
 * exports with different columns (千川 has GMV, 巨量引擎 has none) divides only the covered sums, so
 * 支付ROI 3.31 beside 消耗 ¥174,819.39 looks wrong unless the card says which cost it used.
 * `partial` marks a basis that differs from the neighbouring totals; `always` lists ratios that
 * carry their basis even when it does not (the dashboard's ROI beside the shop GMV card).
 */
export function withRatioBases(ctx: ReportContext, kpis: Kpi[], always: string[] = []): Kpi[] {
  const registry = metricRegistry();
  return kpis.map((kpi) => {
    const def = registry.metrics.get(kpi.metric);
    if (!def || def.kind !== 'ratio' || kpi.value === null) return kpi;
    const inputs = (def.inputs ?? []).filter((i) => registry.metrics.has(i));
    const fields = inputs.map((i) => registry.metrics.get(i)!.field).filter((f): f is string => typeof f === 'string');
    if (inputs.length < 2 || fields.length !== inputs.length || def.kinds.length !== 1) return kpi;
    const covered: QueryFilter[] = fields.map((field) => ({ field, op: 'range', value: [null, null] }));
    let basis: ReturnType<ReportContext['query']>;
    let all: ReturnType<ReportContext['query']>;
    try {
      basis = ctx.query({ metrics: inputs, filters: covered }, { compare: false });
      all = ctx.query({ metrics: inputs }, { compare: false });
    } catch {
      return kpi;
    }
    const partial = inputs.some((i) => basis.totals?.[i] !== all.totals?.[i]);
    if (!partial && !always.includes(kpi.metric)) return kpi;
    const shown = inputs.map((i) => {
      const m = registry.metrics.get(i)!;
      const value = (basis.totals?.[i] as number | null) ?? null;
      return { metric: i, label: m.label, value, display: formatValue(value, m.unit as Unit, { locale: ctx.locale, decimals: m.decimals }) };
    });
    const text = {
      zh: `${kpi.label.zh.replace(/（.*）$/, '')} 口径：${shown.map((s) => `${s.label.zh} ${formatValue(s.value, registry.metrics.get(s.metric)!.unit as Unit, { locale: 'zh-CN', decimals: registry.metrics.get(s.metric)!.decimals })}`).join(' · ')}${partial ? '（仅含两项都有的报表）' : ''}`,
      en: `${kpi.label.en} basis: ${shown.map((s) => `${s.label.en} ${formatValue(s.value, registry.metrics.get(s.metric)!.unit as Unit, { locale: 'en', decimals: registry.metrics.get(s.metric)!.decimals })}`).join(' · ')}${partial ? ' (reports carrying both only)' : ''}`,
    };
    return { ...kpi, basis: { inputs: shown, text, partial } };
  });
}
