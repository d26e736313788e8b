import { LINE_COLUMN, type ColumnTable } from '@creator-ops/columnar';
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
  const metrics = fields.map((f) => REPORTED_FIELDS[f]);
  // The provenance column as an ordinary dimension: one group per source row.
  const byLine: ColumnTable = { ...table, specs: table.specs.map((s) => (s.name === LINE_COLUMN ? { ...s, role: 'raw' } : s)) };
  const result = runQuery({ metrics, dimensions: [LINE_COLUMN], totals: true }, new Map([['ad', byLine]]));
  const tolerances = new Map(fields.map((f) => [f, columnTolerance(table, f)]));
  const issues: ReconciliationIssue[] = [];
  const check = (line: number | 'total', field: string, reported: number | null | undefined, recomputed: number | null) => {
    if (reported === null || reported === undefined) return;
    const tolerance = tolerances.get(field)!;
    if (recomputed === null || Math.abs(recomputed - reported) > tolerance + 1e-12) {
      issues.push({ line, field, metric: REPORTED_FIELDS[field], reported, recomputed, tolerance });
    }
  };
  const lineCol = table.columns.get(LINE_COLUMN)!;
  const reportedAt = new Map<number, number>();
  if (lineCol.type === 'num') for (let i = 0; i < table.length; i++) reportedAt.set(lineCol.values[i], i);
  for (const row of result.rows) {
    const line = row[LINE_COLUMN] as number;
    const i = reportedAt.get(line)!;
    for (const f of fields) {
      const col = table.columns.get(f)!;
      const reported = col.type === 'num' && (col.valid === null || col.valid[i] === 1) ? col.values[i] : null;
      check(line, f, reported, row[REPORTED_FIELDS[f]] as number | null);
    }
  }
  const total = totalRows.length === 1 ? totalRows[0] : null;
  if (total) for (const f of fields) check('total', f, total.values[f], result.totals?.[REPORTED_FIELDS[f]] as number | null);
  return { fields, rowsChecked: result.rows.length, totalChecked: total !== null, issues };
}

/** Exports write a column with a fixed number of decimals: the most any of its values shows. */
function columnTolerance(table: ColumnTable, field: string): number {
  const col = table.columns.get(field);
  let decimals = 0;
  if (col?.type === 'num') {
    for (let i = 0; i < table.length; i++) {
      if (col.valid !== null && col.valid[i] === 0) continue;
      const text = String(col.values[i]);
      const dot = text.indexOf('.');
      if (dot >= 0 && !text.includes('e')) decimals = Math.max(decimals, text.length - dot - 1);
    }
  }
  return 0.5 * 10 ** -Math.min(decimals, 10);
}
