import { compileExpression, metricRegistry } from '@creator-ops/metrics';
import type { ExportKind } from '@creator-ops/schemas';
import type { BoundMetric, QueryPlan } from './plan';

/** A measure of one kind as a function of the output tuple (t < 0: the totals). */
export type MeasureOf = (kind: ExportKind, id: string) => (t: number) => number | null;

/**
 * Each requested metric as a function of the output tuple, built once per window: the lookups of
 * measures and formulas happen here, not per row (a query computes thousands of rows). Money
 * measures are summed in cents; a weighted average over a zero or null base is null.
 */
export function metricValues(plan: QueryPlan, measureOf: MeasureOf, params: Record<string, number>): { key: string; value: (t: number) => number | null }[] {
  const registry = metricRegistry();
  const built = new Map<BoundMetric, (t: number) => number | null>();
  const valueOf = (b: BoundMetric): ((t: number) => number | null) => {
    let f = built.get(b);
    if (f) return f;
    if (b.type === 'base') {
      const [m1, m2] = b.measures;
      const v = measureOf(b.kind, m1.id);
      if (b.metric.kind === 'weighted_avg') {
        const base = measureOf(b.kind, m2.id);
        f = (t) => {
          const num = v(t);
          const den = base(t);
          return num === null || den === null || den === 0 ? null : num / den;
        };
      } else if (m1.money) {
        f = (t) => {
          const cents = v(t);
          return cents === null ? null : cents / 100;
        };
      } else f = v;
    } else {
      f = compileExpression(registry.expressions.get(b.metric.key)!, (key) => {
        const input = b.inputs.get(key)!;
        if (input.type !== 'param') return valueOf(input);
        const param = params[key];
        return () => param;
      });
    }
    built.set(b, f);
    return f;
  };
  return [...plan.metrics].map(([key, b]) => ({ key, value: valueOf(b) }));
}
