import type { Locale, Unit } from '@creator-ops/format';
import { QueryError, type QueryResult, type QuerySpec, type ResultColumn, type ResultRow } from '@creator-ops/query';
import type { ExportKind, Label } from '@creator-ops/schemas';
import { countUnitOf, labelText, type ChartSeries, type MeasureRef } from '../charts';
import type { ReportChart, ReportContext, ReportTable } from '../types';

/** A report table straight from an engine result (plus any computed text columns the caller adds). */
export function tableFrom(id: string, title: Label, result: QueryResult, extra: { columns?: ResultColumn[]; rows?: ResultRow[] } = {}): ReportTable {
  const rows = extra.rows ?? result.rows;
  const cover = result.totals && result.groups !== undefined && result.groups > rows.length ? { totalsCover: result.groups } : {};
  return { id, title, columns: extra.columns ?? result.columns, rows, totals: result.totals, ...cover };
}

/** The option's title is the chart's title in the report's locale (SVG exports are checked for it). */
export function chartOf(id: string, title: Label, build: (title: Label) => Record<string, unknown>): ReportChart {
  return { id, title, option: build(title) };
}

export function columnOf(result: QueryResult, key: string): ResultColumn {
  const column = result.columns.find((c) => c.key === key);
  if (!column) throw new Error(`No column ${key} in the result`);
  return column;
}

/** Label, unit and precision of a metric column, for charts. */
export function measureOf(result: QueryResult, key: string): MeasureRef {
  const c = columnOf(result, key);
  return { label: c.label, unit: (c.unit ?? 'count') as Unit, decimals: c.decimals, countUnit: countUnitOf(key) };
}

/** One metric column of a result as a chart series. */
export function seriesOf(result: QueryResult, key: string, opts: Partial<ChartSeries> = {}): ChartSeries {
  return { key, ...measureOf(result, key), values: result.rows.map((r) => numberOf(r[key])), ...opts };
}

export function numberOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Whether the data holds any value of the metric (a missing column gives nulls throughout). */
export function hasData(result: QueryResult, key: string): boolean {
  // Rows decide: with dimensions the engine totals a sum over an absent column as 0, not null.
  return result.rows.length > 0 ? result.rows.some((r) => numberOf(r[key]) !== null) : numberOf(result.totals?.[key]) !== null;
}

/** The result without metric columns the data cannot fill (e.g. ROI from an export without GMV). */
export function withoutEmptyMetrics(result: QueryResult): QueryResult {
  const empty = new Set(result.columns.filter((c) => c.role === 'metric' && !hasData(result, c.key)).map((c) => c.key));
  if (empty.size === 0) return result;
  const strip = (row: ResultRow | null) => (row ? Object.fromEntries(Object.entries(row).filter(([k]) => !empty.has(k))) : row);
  return { ...result, columns: result.columns.filter((c) => !empty.has(c.key)), rows: result.rows.map((r) => strip(r)!), totals: strip(result.totals) };
}

const BLANK: Label = { zh: '（空）', en: '(blank)' };

/** A dimension value as a category name; a null value is shown as （空）. */
export function categoryName(value: unknown, locale: Locale): string {
  return value === null || value === undefined || value === '' ? labelText(BLANK, locale) : String(value);
}

/** `date:day|week|month` by the report's granularity. */
export function dateDimension(ctx: ReportContext): string {
  return `date:${ctx.params.granularity}`;
}

/**
 * Runs the query with the first dimension set the data has (e.g. plan, else unit, else campaign):
 * a set fits when every one of its fields exists and holds at least one value. Null when none fits.
 */
export function queryFirstAvailable(
  ctx: ReportContext,
  candidates: string[][],
  spec: Omit<QuerySpec, 'dimensions'>,
  extraDims: string[] = [],
): { dims: string[]; result: QueryResult } | null {
  let emptyFit: { dims: string[]; result: QueryResult } | null = null;
  for (const dims of candidates) {
    let result: QueryResult;
    try {
      result = ctx.query({ ...spec, dimensions: [...dims, ...extraDims] });
    } catch (err) {
      if (err instanceof QueryError && err.code === 'DIMENSION_NOT_AVAILABLE') continue;
      throw err;
    }
    if (result.rows.length === 0) {
      emptyFit ??= { dims, result };
      continue;
    }
    if (dims.every((d) => result.rows.some((r) => r[d] !== null && r[d] !== undefined && r[d] !== ''))) return { dims, result };
  }
  return emptyFit;
}

/** Money sums in integer cents, so totals of yuan amounts are exact. */
export function toCents(yuan: number): number {
  return Math.round(yuan * 100);
}

/**
 * The context with metrics bound to the given exports only: `plays` of a content report comes from
 * per-work stats even when account daily stats (which the engine prefers) are present too.
 */
export function scopedContext(ctx: ReportContext, kinds: ExportKind[]): ReportContext {
  return { ...ctx, kinds: new Set(kinds.filter((k) => ctx.kinds.has(k))), query: (spec, options = {}) => ctx.query(spec, { kinds, ...options }) };
}
