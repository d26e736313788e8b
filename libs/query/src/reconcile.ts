import { cellValue, LINE_COLUMN, type ColumnTable } from '@creator-ops/columnar';
import { evaluate, metricRegistry } from '@creator-ops/metrics';
import { KINDS } from '@creator-ops/schemas';
import { runQuery } from './engine';

/** Platform ratios kept from an export, and the registry metric that recomputes each. */
export const REPORTED_FIELDS: Record<string, string> = {
  reported_ctr: 'ctr',
  reported_cvr: 'cvr',
  reported_cpm: 'cpm',
  reported_cpc: 'cpc',
  reported_cpa: 'cpa',
  reported_roi: 'roi',
  reported_cost_per_order: 'cost_per_order',
};

export interface ReconciliationIssue {
  /** Source line, or 'total' for the export's period-total row. */
  line: number | 'total';
  field: string;
  metric: string;
  reported: number;
  recomputed: number | null;
  /** Half a unit of the export's last decimal: differences within it are the export's rounding. */
  tolerance: number;
}

export interface Reconciliation {
  fields: string[];
  rowsChecked: number;
  totalChecked: boolean;
  issues: ReconciliationIssue[];
}

/**
 * Recomputes, with the query engine, every ratio an ad export reports (per row and for its total
 * row) and lists the disagreements beyond the export's own rounding.
 */
export function reconcileAdImport(table: ColumnTable, totalRows: { values: Record<string, number | null> }[]): Reconciliation {
  const fields = Object.keys(REPORTED_FIELDS).filter((f) => table.columns.has(f));
  const empty: Reconciliation = { fields, rowsChecked: 0, totalChecked: false, issues: [] };
  if (fields.length === 0 || table.length === 0) return empty;
  const tolerances = new Map(fields.map((f) => [f, columnTolerance(table, f)]));
  const issues: ReconciliationIssue[] = [];
  const check = (line: number | 'total', field: string, reported: number | null | undefined, recomputed: number | null) => {
    if (reported === null || reported === undefined) return;
    const tolerance = tolerances.get(field)!;
    if (recomputed === null || Math.abs(recomputed - reported) > tolerance + 1e-12) {
      issues.push({ line, field, metric: REPORTED_FIELDS[field], reported, recomputed, tolerance });
    }
  };
  // Per row: the registry's own formulas over the row's base fields (a one-row group).
  const registry = metricRegistry();
  const lines = table.columns.get(LINE_COLUMN)!;
  const numAt = (name: string, i: number): number | null => {
    const col = table.columns.get(name);
    return col?.type === 'num' && (col.valid === null || col.valid[i] === 1) ? col.values[i] : null;
  };
  for (let i = 0; i < table.length; i++) {
    const lookup = (key: string): number | null => {
      const m = registry.metrics.get(key)!;
      if (m.kind === 'sum') {
        const v = numAt(m.field!, i);
        return v === null ? null : KINDS.ad.fields.find((f) => f.key === m.field)?.type === 'money' ? v / 100 : v;
      }
      return evaluate(registry.expressions.get(key)!, lookup);
    };
    const line = cellValue(lines, i) as number;
    for (const f of fields) check(line, f, numAt(f, i), lookup(REPORTED_FIELDS[f]));
  }
  const total = totalRows.length === 1 ? totalRows[0] : null;
  if (total) {
    const totals = runQuery({ metrics: fields.map((f) => REPORTED_FIELDS[f]) }, new Map([['ad', table]])).totals;
    for (const f of fields) check('total', f, total.values[f], totals?.[REPORTED_FIELDS[f]] as number | null);
  }
  return { fields, rowsChecked: table.length, totalChecked: total !== null, issues };
}

/** Rows sampled to find a column's decimals. */
const TOLERANCE_SAMPLE = 10_000;

/** Exports write a column with a fixed number of decimals: the most any of its (sampled) values shows. */
function columnTolerance(table: ColumnTable, field: string): number {
  const col = table.columns.get(field);
  let decimals = 0;
  if (col?.type === 'num') {
    for (let i = 0; i < Math.min(table.length, TOLERANCE_SAMPLE); i++) {
      if (col.valid !== null && col.valid[i] === 0) continue;
      const text = String(col.values[i]);
      const dot = text.indexOf('.');
      if (dot >= 0 && !text.includes('e')) decimals = Math.max(decimals, text.length - dot - 1);
    }
  }
  return 0.5 * 10 ** -Math.min(decimals, 10);
}
