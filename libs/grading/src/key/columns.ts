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
  const all = base.records;
  const lead = base.leading;
  const kept = all.map((_, i) => i).filter((i) => i >= lead);
  const out: Rec[] = all.map(() => ({}));
  const totals: Rec = {};
  const fromEnv = (key: string): CellValue | undefined => (key in env.scalars ? env.scalars[key] : key in env.constants ? env.constants[key] : undefined);
  const rowLookup = (i: number): Lookup => (key) => (key in out[i] ? out[i][key] : key in all[i] ? all[i][key] : fromEnv(key));
  const totalLookup: Lookup = (key) => (key in totals ? totals[key] : base.totals && key in base.totals ? base.totals[key] : fromEnv(key));
  const val = (i: number, key: string) => rowLookup(i)(key) ?? null;
  const mean = (key: string): number | null => {
    const xs = kept.map((i) => num(val(i, key))).filter((x): x is number => x !== null);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  };
  const totalOf = (key: string): number | null => {
    const t = num(totalLookup(key));
    if (t !== null) return t;
    return kept.reduce((s, i) => s + (num(val(i, key)) ?? 0), 0);
  };

  for (const col of columns) {
    const override = overrides[col.key];
    const values = compute(col.value);
    all.forEach((_, i) => (out[i][col.key] = override ? override(i) : values[i]));
    totals[col.key] = totalValue(col);
  }
  return { rows: kept.map((i) => out[i]), totals };

  function compute(src: ValueSource): CellValue[] {
    const res: CellValue[] = all.map(() => null);
    if ('compare' in src) {
      const c = base.comparison;
      if (!c) throw new Error(`compare column needs a query with compare: ${src.compare}`);
      return all.map((_, i) => (src.as === 'previous' ? (c.rows[i]?.[src.metric] ?? null) : (c.rowDeltas[i]?.[src.as][src.metric] ?? null)));
    }
    if ('dim' in src) return all.map((r) => r[src.dim] ?? null);
    if ('metric' in src) return all.map((r) => r[src.metric] ?? null);
    if ('expr' in src) return all.map((_, i) => evalExpr(src.expr, rowLookup(i)));
    if ('share' in src) {
      const t = totalOf(src.share);
      return all.map((_, i) => {
        const v = num(val(i, src.share));
        return v === null || !t ? null : v / t;
      });
    }
    if ('cumulativeShare' in src) {
      const t = totalOf(src.cumulativeShare);
      let cum = 0;
      for (const i of kept) {
        cum += num(val(i, src.cumulativeShare)) ?? 0;
        res[i] = t ? cum / t : null;
      }
      return res;
    }
    if ('rank' in src) {
      const xs = kept.map((i) => num(val(i, src.rank))).filter((x): x is number => x !== null);
      for (const i of kept) {
        const v = num(val(i, src.rank));
        // Competition ranking (Excel RANK): ties share the best place.
        res[i] = v === null ? null : 1 + xs.filter((x) => (src.dir === 'asc' ? x < v : x > v)).length;
      }
      return res;
    }
    if ('change' in src) {
      const lag = src.lag ?? 1;
      return all.map((_, i) => {
        const cur = num(val(i, src.change));
        const prev = i - lag >= 0 ? num(val(i - lag, src.change)) : null;
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
    if ('cumulativeRatio' in src) {
      const [a, b] = src.cumulativeRatio;
      let sa = 0;
      let sb = 0;
      for (const i of kept) {
        sa += num(val(i, a)) ?? 0;
        sb += num(val(i, b)) ?? 0;
        res[i] = sb === 0 ? null : sa / sb;
      }
      return res;
    }
    if ('cumulativeMean' in src) {
      let total = 0;
      let n = 0;
      for (const i of kept) {
        const v = num(val(i, src.cumulativeMean));
        if (v !== null) {
          total += v;
          n++;
        }
        res[i] = n ? total / n : null;
      }
      return res;
    }
    if ('groupIndex' in src) {
      const groups = new Map<CellValue, number[]>();
      for (const i of kept) {
        const g = val(i, src.by);
        const v = num(val(i, src.groupIndex));
        if (v !== null) groups.set(g, [...(groups.get(g) ?? []), v]);
      }
      for (const i of kept) {
        const xs = groups.get(val(i, src.by)) ?? [];
        const m = xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
        const v = num(val(i, src.groupIndex));
        res[i] = v === null || m === 0 ? null : v / m;
      }
      return res;
    }
    if ('lookup' in src) return all.map((_, i) => src.values[String(val(i, src.lookup))] ?? null);
    if ('classify' in src) {
      for (const i of kept) {
        const scope = { value: rowLookup(i), total: totalLookup, mean };
        res[i] = src.classify.find((rule) => !rule.when || holds(rule.when, scope))?.label ?? null;
      }
      return res;
    }
    throw new Error(`Unknown value source ${JSON.stringify(src)}`);
  }

  function totalValue(col: ColumnDef): CellValue {
    const spec = col.total ?? 'same';
    if (spec === 'blank') return null;
    const src = spec === 'same' ? col.value : spec;
    if ('compare' in src) return base.comparison ? ((src.as === 'previous' ? base.comparison.totals?.[src.metric] : base.comparison[src.as]?.[src.metric]) ?? null) : null;
    if ('metric' in src) return base.totals?.[src.metric] ?? null;
    if ('expr' in src) return base.totals || spec !== 'same' ? evalExpr(src.expr, totalLookup) : null;
    if ('share' in src) return totalOf(src.share) ? 1 : null;
    if ('lookup' in src) return kept.reduce((s, i) => s + (num(out[i][col.key]) ?? 0), 0);
    return null;
  }
}
