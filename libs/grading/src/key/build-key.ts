import { metricRegistry } from '@creator-ops/metrics';
import type { TableSet } from '@creator-ops/query';
import { normaliseKey } from '../submission/keys';
import type { AlternativeDef, CellValue, ColumnDef, KeyFormat, KeyRow, KeyTable, QuestionSpec, RowSource, ValueSource } from '../types';
import { computeColumns, type Overrides } from './columns';
import { conditionKeys, identifiers } from './expressions';
import { baseRows, type BaseRows } from './row-sources';
import { runEngine, type QueryTweaks } from './run';

export type TableVariant = 'totalRowsAsData' | 'duplicatesKept' | 'unpaidAsPaid';

/** The exercise's data: the logical tables, and the same data as typical mistakes see it. */
export interface ExerciseData {
  tables: TableSet;
  variants: Partial<Record<TableVariant, TableSet>>;
  /** Labels of period-total rows found in the exports (全部, 合计 ...). */
  totalLabels: string[];
}

export function asExerciseData(data: ExerciseData | TableSet): ExerciseData {
  return data instanceof Map ? { tables: data, variants: {}, totalLabels: [] } : data;
}

/** Keys a value source reads. */
function sourceKeys(src: ValueSource): string[] {
  if ('expr' in src) return identifiers(src.expr);
  if ('compare' in src) return [src.metric];
  if ('metric' in src) return [src.metric];
  if ('share' in src) return [src.share];
  if ('cumulativeShare' in src) return [src.cumulativeShare];
  if ('rank' in src) return [src.rank];
  if ('change' in src) return [src.change];
  if ('cumulativeRatio' in src) return src.cumulativeRatio;
  if ('cumulativeMean' in src) return [src.cumulativeMean];
  if ('groupIndex' in src) return [src.groupIndex, src.by];
  if ('classify' in src) return src.classify.flatMap((r) => (r.when ? conditionKeys(r.when) : []));
  return [];
}

/** Registry metrics the columns read that are not columns, scalars or constants. */
export function metricsRead(columns: ColumnDef[], q: QuestionSpec): string[] {
  const registry = metricRegistry();
  const local = new Set([...columns.map((c) => c.key), ...(q.scalars ?? []).map((s) => s.name), ...Object.keys(q.constants ?? {})]);
  const keys = columns.flatMap((c) => [...sourceKeys(c.value), ...(c.total && typeof c.total === 'object' ? sourceKeys(c.total) : [])]);
  return [...new Set(keys.filter((k) => !local.has(k) && registry.metrics.has(k)))];
}

function tablesFor(data: ExerciseData, alt?: AlternativeDef): TableSet {
  if (!alt?.tables) return data.tables;
  const t = data.variants[alt.tables];
  if (!t) throw new Error(`The exercise data has no "${alt.tables}" variant`);
  return t;
}

/**
 * The key table of a question, computed by the engine, as the task asks it or (with `alt`) as a
 * typical mistake would compute it.
 */
export function buildKeyTable(q: QuestionSpec, data: ExerciseData, alt?: AlternativeDef): KeyTable {
  const tables = tablesFor(data, alt);
  const tweaks: QueryTweaks = { merge: alt?.query, metrics: alt?.metrics };
  const scalars: Record<string, number | null> = {};
  for (const s of q.scalars ?? []) scalars[s.name] = (runEngine(s.query, tables, tweaks).totals?.[s.metric] as number | null) ?? null;
  const constants = { ...(q.constants ?? {}), ...(alt?.constants ?? {}) };
  const columns = q.columns.map((c) => (alt?.values?.[c.key] ? { ...c, value: alt.values[c.key] } : c));
  const source = (alt?.source ? { ...q.rows, ...alt.source } : q.rows) as RowSource;
  const metrics = source.type === 'query' ? metricsRead(columns, q) : [];
  const base = baseRows(source, { tables, tweaks, metrics, scalars });
  const overrides =
    alt?.meanOf && source.type === 'query' ? meanOfOverrides(source, columns, base, alt.meanOf, { tables, tweaks, metrics, scalars, constants }) : {};
  const computed = computeColumns(columns, base, { scalars, constants }, overrides);
  if (alt?.totalsMeanOfRows) {
    for (const key of alt.totalsMeanOfRows) {
      const xs = computed.rows.map((r) => r[key]).filter((v): v is number => typeof v === 'number');
      computed.totals[key] = xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
    }
  }
  const keyColumns = columns.filter((c) => c.role === 'key');
  const shown = orderRows(
    computed.rows.map((values, n) => ({ values, i: n + base.leading })),
    q,
  );
  const rows: KeyRow[] = shown.map(({ values, i }) => {
    const row: KeyRow = {
      match: keyColumns.map((c) => normaliseKey(values[c.key], c.format as KeyFormat)),
      label: keyColumns.map((c) => display(values[c.key])).join(' / '),
      values,
    };
    if (base.formats?.[i]) row.formats = base.formats[i];
    const aliases = base.aliases?.[i];
    if (aliases?.length) row.aliases = aliases.map((a) => [normaliseKey(a, keyColumns[0].format as KeyFormat)]);
    return row;
  });
  if (q.totalsRow) {
    const values = { ...computed.totals };
    keyColumns.forEach((c, k) => (values[c.key] = k === 0 ? q.totalsRow!.label : ''));
    rows.push({
      match: keyColumns.map((c, k) => (k === 0 ? normaliseKey(q.totalsRow!.label, { type: 'text' }) : '')),
      aliases: (q.totalsRow.aliases ?? []).map((a) => keyColumns.map((_, k) => (k === 0 ? normaliseKey(a, { type: 'text' }) : ''))),
      label: q.totalsRow.label,
      values,
      isTotal: true,
      ungraded: columns.filter((c) => c.role === 'value' && values[c.key] === null).map((c) => c.key),
    });
  }
  return { columns, rows };
}

/** The question's own order and top-N over computed columns (nulls last, ties keep the engine's order). */
function orderRows<T extends { values: Record<string, CellValue> }>(rows: T[], q: QuestionSpec): T[] {
  if (!q.order?.length) return q.limit ? rows.slice(0, q.limit) : rows;
  const cmp = (a: CellValue, b: CellValue) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'zh-CN');
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((x, y) => {
      for (const { key, dir } of q.order!) {
        const a = x.r.values[key] ?? null;
        const b = y.r.values[key] ?? null;
        if (a === null || b === null) {
          if (a !== b) return a === null ? 1 : -1;
          continue;
        }
        const c = cmp(a, b);
        if (c !== 0) return dir === 'asc' ? c : -c;
      }
      return x.i - y.i;
    });
  const out = sorted.map((x) => x.r);
  return q.limit ? out.slice(0, q.limit) : out;
}

function display(v: CellValue): string {
  return v === null ? '' : String(v);
}

/**
 * A mean of row ratios: the columns are computed on finer rows (the query grouped also by `by`)
 * and averaged per shown row, as a trainee averaging a ratio column would.
 */
function meanOfOverrides(
  source: Extract<RowSource, { type: 'query' }>,
  columns: ColumnDef[],
  base: BaseRows,
  meanOf: NonNullable<AlternativeDef['meanOf']>,
  ctx: { tables: TableSet; tweaks: QueryTweaks; metrics: string[]; scalars: Record<string, number | null>; constants: Record<string, number> },
): Overrides {
  const dims = source.query.dimensions ?? [];
  // Only the averaged columns' metrics: another kind of a cross-kind query may lack the finer dimension.
  const targets = columns.filter((c) => meanOf.columns.includes(c.key));
  const registry = metricRegistry();
  const metrics = [...new Set(targets.flatMap((c) => sourceKeys(c.value)).filter((k) => registry.metrics.has(k)))];
  const fine = runEngine({ ...source.query, metrics, dimensions: [...dims, ...meanOf.by], sort: undefined, limit: undefined }, ctx.tables, ctx.tweaks);
  const fineValues = computeColumns(targets, { records: fine.rows, leading: 0, totals: fine.totals }, ctx).rows;
  const tuple = (r: Record<string, CellValue>) => dims.map((d) => String(r[d])).join('\u0001');
  const overrides: Overrides = {};
  for (const key of meanOf.columns) {
    const groups = new Map<string, number[]>();
    fine.rows.forEach((r, i) => {
      const v = fineValues[i][key];
      if (typeof v !== 'number') return;
      const t = tuple(r);
      groups.set(t, [...(groups.get(t) ?? []), v]);
    });
    overrides[key] = (i) => {
      const xs = groups.get(tuple(base.records[i])) ?? [];
      return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
    };
  }
  return overrides;
}
