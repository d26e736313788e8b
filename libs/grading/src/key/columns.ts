import type { CellValue, ColumnDef, ValueSource } from '../types';
import { evalExpr, holds, type Lookup } from './expressions';
import type { BaseRows } from './row-sources';

type Rec = Record<string, CellValue>;

export interface ColumnEnv {
  scalars: Record<string, number | null>;
  constants: Record<string, number>;
}

/** Values that replace a column's computed ones (per record index), e.g. a mean of finer rows. */
export type Overrides = Record<string, (index: number) => CellValue>;

export interface ComputedColumns {
  /** One record per shown row (leading history rows dropped). */
  rows: Rec[];
  /** Each column evaluated over the totals (null where a column has no total). */
  totals: Rec;
}

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Computes the columns in order, so later columns may read earlier ones. Cumulative values, ranks,
 * means and group indices run over the shown rows; changes (`lag`) may reach into leading rows.
 */
export function computeColumns(columns: ColumnDef[], base: BaseRows, env: ColumnEnv, overrides: Overrides = {}): ComputedColumns {
  const frame = new ColumnFrame(base, env);
  for (const col of columns) {
    const override = overrides[col.key];
    const values = compute(col.value, frame);
    frame.all.forEach((_, i) => (frame.out[i][col.key] = override ? override(i) : values[i]));
    frame.totals[col.key] = totalValue(col, frame);
  }
  return { rows: frame.kept.map((i) => frame.out[i]), totals: frame.totals };
}

/** The rows being computed, the totals so far, and how a name is looked up in a row or in the totals. */
class ColumnFrame {
  readonly all: Rec[];
  readonly kept: number[];
  readonly out: Rec[];
  readonly totals: Rec = {};
  readonly totalLookup: Lookup;

  constructor(
    readonly base: BaseRows,
    private readonly env: ColumnEnv,
  ) {
    this.all = base.records;
    this.kept = this.all.map((_, i) => i).filter((i) => i >= base.leading);
    this.out = this.all.map(() => ({}));
    this.totalLookup = (key) => (key in this.totals ? this.totals[key] : base.totals && key in base.totals ? base.totals[key] : this.fromEnv(key));
  }

  private fromEnv(key: string): CellValue | undefined {
    const { scalars, constants } = this.env;
    return key in scalars ? scalars[key] : key in constants ? constants[key] : undefined;
  }

  rowLookup(i: number): Lookup {
    return (key) => (key in this.out[i] ? this.out[i][key] : key in this.all[i] ? this.all[i][key] : this.fromEnv(key));
  }

  val(i: number, key: string): CellValue {
    return this.rowLookup(i)(key) ?? null;
  }

  num(i: number, key: string): number | null {
    return num(this.val(i, key));
  }

  readonly mean = (key: string): number | null => {
    const xs = this.kept.map((i) => this.num(i, key)).filter((x): x is number => x !== null);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  };

  totalOf(key: string): number | null {
    const t = num(this.totalLookup(key));
    if (t !== null) return t;
    return this.kept.reduce((s, i) => s + (this.num(i, key) ?? 0), 0);
  }

  /** A value per record (null outside the shown rows) from a running walk over the shown rows. */
  overKept(f: (i: number) => CellValue): CellValue[] {
    const res: CellValue[] = this.all.map(() => null);
    for (const i of this.kept) res[i] = f(i);
    return res;
  }
}

type Source<K extends string> = Extract<ValueSource, Record<K, unknown>>;

function compute(src: ValueSource, f: ColumnFrame): CellValue[] {
  const { all } = f;
  if ('compare' in src) return compareValues(src, f);
  if ('dim' in src) return all.map((r) => r[src.dim] ?? null);
  if ('metric' in src) return all.map((r) => r[src.metric] ?? null);
  if ('expr' in src) return all.map((_, i) => evalExpr(src.expr, f.rowLookup(i)));
  if ('share' in src) {
    const t = f.totalOf(src.share);
    return all.map((_, i) => {
      const v = f.num(i, src.share);
      return v === null || !t ? null : v / t;
    });
  }
  if ('cumulativeShare' in src) return cumulativeShare(src, f);
  if ('rank' in src) return rank(src, f);
  if ('change' in src) return change(src, f);
  if ('cumulativeRatio' in src) return cumulativeRatio(src, f);
  if ('cumulativeMean' in src) return cumulativeMean(src, f);
  if ('groupIndex' in src) return groupIndex(src, f);
  if ('lookup' in src) return all.map((_, i) => src.values[String(f.val(i, src.lookup))] ?? null);
  if ('classify' in src) {
    return f.overKept((i) => {
      const scope = { value: f.rowLookup(i), total: f.totalLookup, mean: f.mean };
      return src.classify.find((rule) => !rule.when || holds(rule.when, scope))?.label ?? null;
    });
  }
  throw new Error(`Unknown value source ${JSON.stringify(src)}`);
}

function compareValues(src: Source<'compare'>, f: ColumnFrame): CellValue[] {
  const c = f.base.comparison;
  if (!c) throw new Error(`compare column needs a query with compare: ${src.compare}`);
  return f.all.map((_, i) => (src.as === 'previous' ? (c.rows[i]?.[src.metric] ?? null) : (c.rowDeltas[i]?.[src.as][src.metric] ?? null)));
}

function cumulativeShare(src: Source<'cumulativeShare'>, f: ColumnFrame): CellValue[] {
  const t = f.totalOf(src.cumulativeShare);
  let cum = 0;
  return f.overKept((i) => {
    cum += f.num(i, src.cumulativeShare) ?? 0;
    return t ? cum / t : null;
  });
}

function rank(src: Source<'rank'>, f: ColumnFrame): CellValue[] {
  const xs = f.kept.map((i) => f.num(i, src.rank)).filter((x): x is number => x !== null);
  return f.overKept((i) => {
    const v = f.num(i, src.rank);
    // Competition ranking (Excel RANK): ties share the best place.
    return v === null ? null : 1 + xs.filter((x) => (src.dir === 'asc' ? x < v : x > v)).length;
  });
}

function change(src: Source<'change'>, f: ColumnFrame): CellValue[] {
  const lag = src.lag ?? 1;
  return f.all.map((_, i) => {
    const cur = f.num(i, src.change);
    const prev = i - lag >= 0 ? f.num(i - lag, src.change) : null;
    if (cur === null || prev === null) return null;
    switch (src.mode ?? 'relative') {
      case 'absolute':
        return cur - prev;
      case 'ratio':
        return prev === 0 ? null : cur / prev;
      default: {
        const denominator = src.base === 'current' ? cur : prev;
        return denominator === 0 ? null : (cur - prev) / Math.abs(denominator);
      }
    }
  });
}

function cumulativeRatio(src: Source<'cumulativeRatio'>, f: ColumnFrame): CellValue[] {
  const [a, b] = src.cumulativeRatio;
  let sa = 0;
  let sb = 0;
  return f.overKept((i) => {
    sa += f.num(i, a) ?? 0;
    sb += f.num(i, b) ?? 0;
    return sb === 0 ? null : sa / sb;
  });
}

function cumulativeMean(src: Source<'cumulativeMean'>, f: ColumnFrame): CellValue[] {
  let total = 0;
  let n = 0;
  return f.overKept((i) => {
    const v = f.num(i, src.cumulativeMean);
    if (v !== null) {
      total += v;
      n++;
    }
    return n ? total / n : null;
  });
}

function groupIndex(src: Source<'groupIndex'>, f: ColumnFrame): CellValue[] {
  const groups = new Map<CellValue, number[]>();
  for (const i of f.kept) {
    const g = f.val(i, src.by);
    const v = f.num(i, src.groupIndex);
    if (v !== null) groups.set(g, [...(groups.get(g) ?? []), v]);
  }
  return f.overKept((i) => {
    const xs = groups.get(f.val(i, src.by)) ?? [];
    const m = xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
    const v = f.num(i, src.groupIndex);
    return v === null || m === 0 ? null : v / m;
  });
}

function totalValue(col: ColumnDef, f: ColumnFrame): CellValue {
  const { base } = f;
  const spec = col.total ?? 'same';
  if (spec === 'blank') return null;
  const src = spec === 'same' ? col.value : spec;
  if ('compare' in src)
    return base.comparison ? ((src.as === 'previous' ? base.comparison.totals?.[src.metric] : base.comparison[src.as]?.[src.metric]) ?? null) : null;
  if ('metric' in src) return base.totals?.[src.metric] ?? null;
  if ('expr' in src) return base.totals || spec !== 'same' ? evalExpr(src.expr, f.totalLookup) : null;
  if ('share' in src) return f.totalOf(src.share) ? 1 : null;
  if ('lookup' in src) return f.kept.reduce((s, i) => s + (num(f.out[i][col.key]) ?? 0), 0);
  return null;
}
