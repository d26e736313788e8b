import { runQuery, type QueryResult, type QuerySpec, type ResultRow, type TableSet } from '@creator-ops/query';

/** A query as an alternative sees it: merged overrides and metric substitutions. */
export interface QueryTweaks {
  merge?: Partial<QuerySpec>;
  metrics?: Record<string, string>;
}

/**
 * Runs the engine. With substitutions (`{ buyers: 'paid_items' }`) the engine computes the
 * substitute and its values are read back under the original key, so the rest of the key
 * pipeline is unchanged.
 */
export function runEngine(spec: QuerySpec, tables: TableSet, tweaks: QueryTweaks = {}): QueryResult {
  const map = tweaks.metrics ?? {};
  const swap = (k: string) => map[k] ?? k;
  const merged: QuerySpec = { ...spec, ...(tweaks.merge ?? {}) };
  const q: QuerySpec = {
    ...merged,
    metrics: [...new Set(merged.metrics.map(swap))],
    sort: merged.sort?.map((s) => ({ ...s, key: swap(s.key) })),
    params: { ...(spec.params ?? {}), ...(tweaks.merge?.params ?? {}) },
  };
  const result = runQuery(q, tables);
  const entries = Object.entries(map).filter(([from]) => spec.metrics.includes(from));
  if (entries.length === 0) return result;
  const copy = (row: ResultRow | null) => {
    if (row) for (const [from, to] of entries) row[from] = row[to];
  };
  result.rows.forEach(copy);
  copy(result.totals);
  if (result.comparison) {
    result.comparison.rows.forEach(copy);
    copy(result.comparison.totals);
    result.comparison.rowDeltas.forEach((d) => {
      copy(d.delta);
      copy(d.delta_pct);
    });
  }
  return result;
}
