import type { QueryResult, ResultColumn, ResultRow } from '@creator-ops/query';

const PREVIOUS = { zh: '（对比期）', en: ' (previous)' };
const CHANGE = { zh: '变化率', en: ' change' };

/**
 * The result with its comparison as columns beside each metric — `播放量`, `播放量（对比期）`,
 * `播放量变化率` — so table and CSV outputs show what JSON carries in `comparison`.
 */
export function withComparisonColumns(result: QueryResult): Pick<QueryResult, 'columns' | 'rows' | 'totals'> {
  const c = result.comparison;
  if (!c) return result;
  const columns: ResultColumn[] = [];
  for (const col of result.columns) {
    columns.push(col);
    if (col.role !== 'metric') continue;
    columns.push({ ...col, key: `${col.key}__previous`, label: { zh: col.label.zh + PREVIOUS.zh, en: col.label.en + PREVIOUS.en }, formula: undefined });
    columns.push({
      ...col,
      key: `${col.key}__delta_pct`,
      label: { zh: col.label.zh + CHANGE.zh, en: col.label.en + CHANGE.en },
      unit: 'percent',
      decimals: 2,
      formula: undefined,
    });
  }
  const metrics = result.columns.filter((x) => x.role === 'metric').map((x) => x.key);
  const merge = (row: ResultRow, previous: ResultRow | null, pct: ResultRow | null): ResultRow => {
    const out: ResultRow = { ...row };
    for (const m of metrics) {
      out[`${m}__previous`] = previous?.[m] ?? null;
      out[`${m}__delta_pct`] = pct?.[m] ?? null;
    }
    return out;
  };
  return {
    columns,
    rows: result.rows.map((r, i) => merge(r, c.rows[i] ?? null, c.rowDeltas[i]?.delta_pct ?? null)),
    totals: result.totals ? merge(result.totals, c.totals, c.delta_pct) : null,
  };
}
