import { formatDay, parseIsoDay } from '@creator-ops/format';
import type { QueryResult, TableSet } from '@creator-ops/query';
import type { CellValue, RowSource, ValueFormat } from '../types';
import { evalExpr, identifiers } from './expressions';
import { runEngine, type QueryTweaks } from './run';
import { surveyRows } from './survey-rows';

type Record_ = Record<string, CellValue>;

/** The rows a key is built from, before its columns are computed. */
export interface BaseRows {
  records: Record_[];
  /** Leading records that only serve as history (a change against the month before the first one shown). */
  leading: number;
  totals: Record_ | null;
  comparison?: QueryResult['comparison'];
  formats?: (Record<string, ValueFormat> | undefined)[];
  aliases?: (string[] | undefined)[];
}

export interface SourceContext {
  tables: TableSet;
  tweaks: QueryTweaks;
  /** Extra metrics the columns read (added to the row source's query). */
  metrics: string[];
  scalars: Record<string, number | null>;
}

export function baseRows(source: RowSource, ctx: SourceContext): BaseRows {
  switch (source.type) {
    case 'query':
      return queryRows(source, ctx);
    case 'rfm':
      return rfmRows(source, ctx);
    case 'cohort':
      return cohortRows(source, ctx);
    case 'metricRows':
      return metricRows(source, ctx);
    case 'scenarios':
      return scenarioRows(source, ctx);
    case 'survey':
      return surveyRows(source, ctx);
  }
}

function queryRows(source: Extract<RowSource, { type: 'query' }>, ctx: SourceContext): BaseRows {
  const spec = { ...source.query, metrics: [...new Set([...source.query.metrics, ...ctx.metrics])] };
  const result = runEngine(spec, ctx.tables, ctx.tweaks);
  return { records: result.rows, leading: source.dropLeading ?? 0, totals: result.totals, comparison: result.comparison };
}

/**
 * RFM per buyer (高级 2.2.1): R = reference day − day of the last paid order, F and M the given
 * engine metrics over the period. The last day comes from the engine's buyer × day rows.
 */
function rfmRows(source: Extract<RowSource, { type: 'rfm' }>, ctx: SourceContext): BaseRows {
  const { buyer } = source;
  const metrics = [...new Set([source.frequency, ...identifiers(source.monetary)])];
  const totals = runEngine({ ...source.query, metrics, dimensions: [buyer], sort: [{ key: buyer, dir: 'asc' }] }, ctx.tables, ctx.tweaks);
  const days = runEngine({ ...source.query, metrics: ['paid_orders'], dimensions: [buyer, 'date:day'], sort: undefined }, ctx.tables, {
    merge: ctx.tweaks.merge,
  });
  const last = new Map<CellValue, string>();
  for (const r of days.rows) {
    if (!((r.paid_orders as number) > 0)) continue;
    const day = r['date:day'] as string;
    const prev = last.get(r[buyer]);
    if (prev === undefined || day > prev) last.set(r[buyer], day);
  }
  const reference = parseIsoDay(source.referenceDate);
  if (reference === null) throw new Error(`Bad reference date ${source.referenceDate}`);
  const records = totals.rows
    .filter((r) => last.has(r[buyer]))
    .map((r) => ({
      [buyer]: r[buyer],
      recency: reference - parseIsoDay(last.get(r[buyer])!)!,
      frequency: r[source.frequency],
      monetary: evalExpr(source.monetary, (k) => r[k]),
    }));
  return { records, leading: 0, totals: null };
}

/**
 * Repeat purchase by first-purchase month (高级 2.2.3): a buyer repeats when they paid again on
 * a later day within `windowDays` of the first day (or, without `sameDayOnce`, twice that day).
 */
function cohortRows(source: Extract<RowSource, { type: 'cohort' }>, ctx: SourceContext): BaseRows {
  const { buyer } = source;
  const days = runEngine({ ...source.query, metrics: ['paid_orders'], dimensions: [buyer, 'date:day'], sort: undefined }, ctx.tables, {
    merge: ctx.tweaks.merge,
  });
  const perBuyer = new Map<CellValue, { day: number; orders: number }[]>();
  for (const r of days.rows) {
    const orders = r.paid_orders as number;
    if (!(orders > 0) || r[buyer] === null) continue;
    const list = perBuyer.get(r[buyer]) ?? [];
    list.push({ day: parseIsoDay(r['date:day'] as string)!, orders });
    perBuyer.set(r[buyer], list);
  }
  const counts = new Map<string, { buyers: number; repeaters: number }>();
  for (const list of perBuyer.values()) {
    list.sort((a, b) => a.day - b.day);
    const first = list[0];
    const month = formatDay(first.day).slice(0, 7);
    const repeated = (!source.sameDayOnce && first.orders >= 2) || list.some((x) => x.day > first.day && x.day <= first.day + source.windowDays);
    const c = counts.get(month) ?? { buyers: 0, repeaters: 0 };
    c.buyers++;
    if (repeated) c.repeaters++;
    counts.set(month, c);
  }
  const records = source.cohorts.map((month) => ({ month, buyers: counts.get(month)?.buyers ?? 0, repeaters: counts.get(month)?.repeaters ?? 0 }));
  return { records, leading: 0, totals: null };
}

/** Before/after comparison as one row per metric (中级 4.3): the change in points or percent per row. */
function metricRows(source: Extract<RowSource, { type: 'metricRows' }>, ctx: SourceContext): BaseRows {
  const metrics = source.rows.map((r) => r.metric);
  const before = runEngine({ ...source.before, metrics, dimensions: [] }, ctx.tables, { metrics: ctx.tweaks.metrics }).totals!;
  const after = runEngine({ ...source.after, metrics, dimensions: [] }, ctx.tables, { metrics: ctx.tweaks.metrics }).totals!;
  const records = source.rows.map((r) => {
    const b = before[r.metric] as number | null;
    const a = after[r.metric] as number | null;
    const absolute = (r.change.mode === 'absolute') !== Boolean(source.swapChangeModes);
    const change = a === null || b === null ? null : absolute ? a - b : b === 0 ? null : (a - b) / Math.abs(b);
    return { metric: r.key, before: b, after: a, change };
  });
  const formats = source.rows.map((r) => ({ before: r.format, after: r.format, change: r.change.format }));
  return { records, leading: 0, totals: null, formats, aliases: source.rows.map((r) => r.aliases) };
}

/** Scenario rows (高级 4.2.2): each row binds variables; the columns compute from them, the scalars and the constants. */
function scenarioRows(source: Extract<RowSource, { type: 'scenarios' }>, ctx: SourceContext): BaseRows {
  const records = source.rows.map((r) => {
    const rec: Record_ = { scenario: r.key };
    for (const [k, v] of Object.entries(r.vars)) {
      if (typeof v === 'number') rec[k] = v;
      else if (v in ctx.scalars) rec[k] = ctx.scalars[v];
      else throw new Error(`Scenario variable ${k} names no scalar: ${v}`);
    }
    return rec;
  });
  return { records, leading: 0, totals: null, aliases: source.rows.map((r) => r.aliases) };
}
