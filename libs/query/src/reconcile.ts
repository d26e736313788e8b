import { LINE_COLUMN, type ColumnTable, type NumColumn } from '@creator-ops/columnar';
import { applyOp, metricRegistry, type Expr } from '@creator-ops/metrics';
import { KINDS } from '@creator-ops/schemas';

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
  /** Every disagreement found (rows and the total row). */
  issueCount: number;
  /** The same per reported field. */
  issueCounts: Record<string, number>;
  /**
   * The first rows' disagreements in line order (at most the reconciler's list limit, RECONCILIATION_LIST_LIMIT
   * in a report), then every one of the total row. A file whose every row disagrees lists the first.
   */
  issues: ReconciliationIssue[];
}

/**
 * Row disagreements an import report lists one by one (its counts are always complete), as for rejected
 * rows: an export whose ratio column is defined otherwise disagrees on every row, and a report listing a
 * million of them would weigh 200 MB. The rows are stored: `AdReconciler` lists any stretch again.
 */
export const RECONCILIATION_LIST_LIMIT = 200;

/**
 * Recomputes every ratio an ad export reports (per row and for its total row) with the registry's
 * formulas and lists the disagreements beyond the export's own rounding.
 */
export function reconcileAdImport(
  table: ColumnTable,
  totalRows: { values: Record<string, number | null> }[],
  listLimit = RECONCILIATION_LIST_LIMIT,
  listFrom = 0,
): Reconciliation {
  const reconciler = new AdReconciler(listLimit, listFrom);
  reconciler.add(table);
  return reconciler.finish(totalRows);
}

/** Rows sampled to find a column's decimals. */
const TOLERANCE_SAMPLE = 10_000;

/** A base field's column sum and how many cells were present; `exact` while every cell is an integer and `magnitude` (the sum of their sizes) is a safe integer. */
interface FieldSum {
  sum: number;
  present: number;
  exact: boolean;
  magnitude: number;
}

/**
 * A later part of an import reconciled on its own (a second thread's, reconcile-part.ts), handed
 * over by structured clone: its tolerances were settled from its own first rows, a guess that
 * `AdReconciler.absorb` checks.
 */
export interface ReconciledPart {
  fields: string[] | null;
  rows: number;
  tolerances: Record<string, number>;
  sums: Record<string, FieldSum>;
  /** The part's row disagreements per field, listed or not. */
  issueCounts: Record<string, number>;
  /** The first of them (the part's list limit). */
  issues: PackedIssues;
}

/**
 * A part's row issues as columns: typed arrays clone as bytes, where a part whose every row disagrees
 * would otherwise hand over (and the main thread rebuild) hundreds of thousands of objects.
 */
interface PackedIssues {
  lines: Float64Array;
  /** Index of the issue's field in the part's fields. */
  fields: Uint8Array;
  reported: Float64Array;
  recomputed: Float64Array;
  /** 1 where recomputed is null. */
  recomputedNull: Uint8Array;
}

function packIssues(issues: ReconciliationIssue[], fields: string[]): PackedIssues {
  const n = issues.length;
  const packed = {
    lines: new Float64Array(n),
    fields: new Uint8Array(n),
    reported: new Float64Array(n),
    recomputed: new Float64Array(n),
    recomputedNull: new Uint8Array(n),
  };
  issues.forEach((issue, i) => {
    if (issue.line === 'total') throw new Error('a part has no total row');
    packed.lines[i] = issue.line;
    packed.fields[i] = fields.indexOf(issue.field);
    packed.reported[i] = issue.reported;
    if (issue.recomputed === null) packed.recomputedNull[i] = 1;
    else packed.recomputed[i] = issue.recomputed;
  });
  return packed;
}

/** A base value by field name: a row's cell (or a sum over the rows); null when missing. */
type FieldValue = (field: string) => number | null;
/** A metric's value from its base fields, as the registry's expression evaluates it. */
type Compiled = (value: FieldValue) => number | null;

/**
 * The reconciliation of an ad import fed batch by batch (memory: the first batches until the
 * tolerance sample is complete, then nothing but the sums and the issues). Per row, each reported
 * ratio is compared with the registry's formula over the row's base fields (a one-row group); the
 * total row with the same formula over the column sums, as the query engine's totals compute it.
 */
export class AdReconciler {
  private fields: string[] | null = null;
  private rows = 0;
  private readonly pending: ColumnTable[] = [];
  private pendingRows = 0;
  private tolerances: Map<string, number> | null = null;
  private readonly decimals = new Map<string, number>();
  /** The rows' disagreements listed (`listLimit` from the `listFrom`th), then the total row's. */
  private readonly issues: ReconciliationIssue[] = [];
  /** Row disagreements found so far, listed or not. */
  private rowIssues = 0;
  private readonly issueCounts = new Map<string, number>();
  private readonly compiled = new Map<string, Compiled>();
  /** Base fields the formulas read: their column sums and how many cells were present. */
  private readonly sums = new Map<string, FieldSum>();

  /** Row disagreements listed one by one: `listLimit` of them from the `listFrom`th in line order (all are counted). */
  constructor(
    private readonly listLimit = RECONCILIATION_LIST_LIMIT,
    private readonly listFrom = 0,
  ) {}

  add(batch: ColumnTable): void {
    if (this.fields === null) this.start(batch);
    if (this.fields!.length === 0 || batch.length === 0) return;
    this.rows += batch.length;
    this.accumulateSums(batch);
    if (this.tolerances) return this.check(batch);
    this.sample(batch);
    this.pending.push(batch);
    this.pendingRows += batch.length;
    if (this.pendingRows >= TOLERANCE_SAMPLE) this.settleTolerances();
  }

  /** The columns `add` reads once it has seen a batch (null before): the reported ratios, their base fields and the line. */
  columnsRead(): ReadonlySet<string> | null {
    return this.fields === null ? null : new Set([...this.fields, ...this.sums.keys(), LINE_COLUMN]);
  }

  /** What a later part hands over (its tolerances settled, every row checked). */
  part(): ReconciledPart {
    if (this.fields !== null && this.fields.length > 0 && this.rows > 0 && !this.tolerances) this.settleTolerances();
    return {
      fields: this.fields,
      rows: this.rows,
      tolerances: Object.fromEntries(this.tolerances ?? []),
      sums: Object.fromEntries(this.sums),
      issueCounts: Object.fromEntries(this.issueCounts),
      issues: packIssues(this.issues, this.fields ?? []),
    };
  }

  /**
   * Takes in a later part reconciled elsewhere as if its batches were added here, when that gives the
   * very same result: this reconciler's tolerances are settled and the part checked with the same,
   * and every sum is of integers whose sizes add up to a safe integer (then the order of the terms
   * cannot change it). False (nothing changed): add the part's batches instead.
   */
  absorb(part: ReconciledPart): boolean {
    const fields = this.fields;
    if (fields === null || part.fields === null || fields.join() !== part.fields.join()) return false;
    if (fields.length === 0 || part.rows === 0) return true;
    // A part lists its first disagreements: those that follow a later first one are not there.
    if (this.listFrom !== 0) return false;
    const tolerances = this.tolerances;
    if (!tolerances || fields.some((f) => part.tolerances[f] !== tolerances.get(f))) return false;
    for (const [field, acc] of this.sums) {
      const other = part.sums[field];
      if (!acc.exact || !other?.exact || !Number.isSafeInteger(acc.magnitude + other.magnitude)) return false;
    }
    for (const [field, acc] of this.sums) {
      const other = part.sums[field];
      acc.sum += other.sum;
      acc.present += other.present;
      acc.magnitude += other.magnitude;
    }
    this.rows += part.rows;
    for (const [field, count] of Object.entries(part.issueCounts)) this.count(field, count);
    const { lines, fields: fieldAt, reported, recomputed, recomputedNull } = part.issues;
    const listedBefore = this.issues.length;
    this.rowIssues += Object.values(part.issueCounts).reduce((a, b) => a + b, 0);
    for (let i = 0; i < lines.length && listedBefore + i < this.listLimit; i++) {
      const field = fields[fieldAt[i]];
      const value = recomputedNull[i] ? null : recomputed[i];
      this.issues.push({ line: lines[i], field, metric: REPORTED_FIELDS[field], reported: reported[i], recomputed: value, tolerance: tolerances.get(field)! });
    }
    return true;
  }

  finish(totalRows: { values: Record<string, number | null> }[]): Reconciliation {
    const fields = this.fields ?? [];
    if (fields.length === 0 || this.rows === 0) return { fields, rowsChecked: 0, totalChecked: false, issueCount: 0, issueCounts: {}, issues: [] };
    if (!this.tolerances) this.settleTolerances();
    const total = totalRows.length === 1 ? totalRows[0] : null;
    if (total) {
      const sumOf: FieldValue = (field) => {
        const s = this.sums.get(field);
        return s === undefined || s.present === 0 ? null : s.sum;
      };
      for (const f of fields) this.push('total', f, total.values[f], this.compiled.get(f)!(sumOf));
    }
    const issueCounts = Object.fromEntries(fields.map((f) => [f, this.issueCounts.get(f) ?? 0]));
    const issueCount = fields.reduce((n, f) => n + issueCounts[f], 0);
    return { fields, rowsChecked: this.rows, totalChecked: total !== null, issueCount, issueCounts, issues: this.issues };
  }

  private start(batch: ColumnTable): void {
    this.fields = Object.keys(REPORTED_FIELDS).filter((f) => batch.columns.has(f));
    const bases = new Set<string>();
    for (const f of this.fields) {
      this.compiled.set(f, compileMetric(REPORTED_FIELDS[f], bases));
      this.decimals.set(f, 0);
    }
    for (const b of bases) this.sums.set(b, { sum: 0, present: 0, exact: true, magnitude: 0 });
  }

  private accumulateSums(batch: ColumnTable): void {
    for (const [field, acc] of this.sums) {
      const col = batch.columns.get(field);
      if (col?.type !== 'num') continue;
      const { values, valid } = col;
      let { sum, present, exact, magnitude } = acc;
      for (let i = 0; i < batch.length; i++) {
        if (valid !== null && valid[i] === 0) continue;
        const v = values[i];
        sum += v;
        present++;
        magnitude += v < 0 ? -v : v;
        if (exact && !Number.isInteger(v)) exact = false;
      }
      acc.sum = sum;
      acc.present = present;
      acc.exact = exact && Number.isSafeInteger(magnitude);
      acc.magnitude = magnitude;
    }
  }

  /** Exports write a column with a fixed number of decimals: the most any of its (sampled) values shows. */
  private sample(batch: ColumnTable): void {
    const n = Math.min(batch.length, TOLERANCE_SAMPLE - this.pendingRows);
    for (const f of this.fields!) {
      const col = batch.columns.get(f);
      if (col?.type !== 'num') continue;
      let decimals = this.decimals.get(f)!;
      for (let i = 0; i < n; i++) {
        if (col.valid !== null && col.valid[i] === 0) continue;
        const text = String(col.values[i]);
        const dot = text.indexOf('.');
        if (dot >= 0 && !text.includes('e')) decimals = Math.max(decimals, text.length - dot - 1);
      }
      this.decimals.set(f, decimals);
    }
  }

  private settleTolerances(): void {
    this.tolerances = new Map(this.fields!.map((f) => [f, 0.5 * 10 ** -Math.min(this.decimals.get(f)!, 10)]));
    for (const batch of this.pending) this.check(batch);
    this.pending.length = 0;
  }

  private check(batch: ColumnTable): void {
    const lines = batch.columns.get(LINE_COLUMN) as NumColumn;
    const columns = new Map<string, NumColumn | null>();
    const numColumn = (name: string) => {
      const col = batch.columns.get(name);
      return col?.type === 'num' ? col : null;
    };
    for (const name of [...this.fields!, ...this.sums.keys()]) columns.set(name, numColumn(name));
    let i = 0;
    const cell: FieldValue = (name) => {
      const col = columns.get(name);
      return col && (col.valid === null || col.valid[i] === 1) ? col.values[i] : null;
    };
    const checks = this.fields!.map((f) => ({ f, col: columns.get(f)!, recompute: this.compiled.get(f)! }));
    for (; i < batch.length; i++) {
      for (const { f, col, recompute } of checks) {
        if (col === null || (col.valid !== null && col.valid[i] === 0)) continue;
        this.push(lines.values[i], f, col.values[i], recompute(cell));
      }
    }
  }

  private push(line: number | 'total', field: string, reported: number | null | undefined, recomputed: number | null): void {
    if (reported === null || reported === undefined) return;
    const tolerance = this.tolerances!.get(field)!;
    if (recomputed === null || Math.abs(recomputed - reported) > tolerance + 1e-12) {
      this.count(field, 1);
      const listed = line === 'total' || (this.rowIssues >= this.listFrom && this.rowIssues < this.listFrom + this.listLimit);
      if (line !== 'total') this.rowIssues++;
      if (listed) this.issues.push({ line, field, metric: REPORTED_FIELDS[field], reported, recomputed, tolerance });
    }
  }

  private count(field: string, n: number): void {
    this.issueCounts.set(field, (this.issueCounts.get(field) ?? 0) + n);
  }
}

/**
 * A registry metric as a function of its base fields, with `evaluate`'s semantics (a missing or
 * non-finite input, or a division by zero, gives null); a money sum is read in yuan (cents / 100).
 * The base fields it reads are added to `bases`.
 */
function compileMetric(key: string, bases: Set<string>): Compiled {
  const registry = metricRegistry();
  const m = registry.metrics.get(key)!;
  if (m.kind === 'sum') {
    const field = m.field!;
    bases.add(field);
    const money = KINDS.ad.fields.find((f) => f.key === field)?.type === 'money';
    return (value) => {
      const v = value(field);
      return v === null ? null : money ? v / 100 : v;
    };
  }
  return compileExpr(registry.expressions.get(key)!, bases);
}

function compileExpr(e: Expr, bases: Set<string>): Compiled {
  switch (e.t) {
    case 'num': {
      const v = e.v;
      return () => v;
    }
    case 'ref': {
      const inner = compileMetric(e.key, bases);
      return (value) => {
        const v = inner(value);
        return v === null || !Number.isFinite(v) ? null : v;
      };
    }
    case 'neg': {
      const inner = compileExpr(e.e, bases);
      return (value) => {
        const v = inner(value);
        return v === null ? null : -v;
      };
    }
    case 'bin':
      return compileBinary(e.op, compileExpr(e.l, bases), compileExpr(e.r, bases));
  }
}

function compileBinary(op: '+' | '-' | '*' | '/', left: Compiled, right: Compiled): Compiled {
  return (value) => applyOp(op, left(value), right(value));
}
