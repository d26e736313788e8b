import { formatDay } from '@creator-ops/format';
import { metricRegistry } from '@creator-ops/metrics';
import { parseDay, runQuery, type QuerySpec, type TableSet } from '@creator-ops/query';
import type { Label } from '@creator-ops/schemas';
import { dimensionNames } from './dimension-names';
import { metricLabel, metricText, subjectText } from './display';
import { fillLabel } from './messages';
import { expectedRange, robustBaseline, robustZ } from './robust-stats';
import { metricDataRange } from './windows';

export interface AnomalyOptions {
  metric: string;
  /** A canonical text field (plan_id, account ...); omitted or null: the whole workspace. */
  dimension?: string | null;
  /** Trailing window each day is compared with (the days before it). Default 60. */
  days?: number;
  /** Flag |robust z| above this. Default 3.5 (Iglewicz & Hoaglin). */
  threshold?: number;
  /**
   * Days with a value needed in the trailing window before a day is scored. Default 28 (or `days`
   * when shorter): with two weeks, a calm fortnight makes ordinary noise look anomalous.
   */
  minHistory?: number;
  /** Last day scored (YYYY-MM-DD); default the data's last date. */
  asOf?: string;
  /** First day scored; default `days` days before asOf (asOf − days + 1). */
  from?: string;
  /** Days below this volume (same dimension value and day) are neither scored nor part of a baseline. */
  minVolume?: { metric: string; min: number } | null;
  /** Query parameters (gross_margin for break-even metrics). */
  params?: Record<string, number>;
}

export interface AnomalyPoint {
  date: string;
  /** The engine's daily value; null on a day without rows (or under the minimum volume). */
  value: number | null;
  /** Expected band from the trailing window; null until the history has minHistory days. */
  median: number | null;
  low: number | null;
  high: number | null;
  /** Robust z-score; null when not scored, or infinitely far from a constant history. */
  score: number | null;
  flagged: boolean;
}

/** One line of the anomalies chart: values and the expected band per day. */
export interface AnomalySeries {
  metric: string;
  unit: string;
  dimension: string | null;
  dimensionValue: string | null;
  dimensionLabel?: string;
  points: AnomalyPoint[];
}

export interface Anomaly {
  metric: string;
  dimension: string | null;
  dimensionValue: string | null;
  dimensionLabel?: string;
  date: string;
  value: number;
  expected: { median: number; low: number; high: number };
  score: number | null;
  direction: 'up' | 'down';
  /** Against the metric's good direction (a CTR drop, a CPA rise). */
  unfavourable: boolean;
  /** '计划A 11-05 的点击率 0.40%，通常 2.10%–3.00%'. */
  message: Label;
  /** Reproduces the day and its trailing window. */
  evidence: { query: QuerySpec };
}

const MESSAGE: Label = { zh: '{subject} {day} 的{metric} {value}，通常 {low}–{high}', en: '{metric} of {subject} on {day} is {value}, usually {low}–{high}' };

/** The metric's value per day (day number -> value) for each dimension value, days below the minimum volume left out. */
function dailyValues(rows: ReturnType<typeof runQuery>['rows'], opts: AnomalyOptions, dimension: string | null): Map<string | null, Map<number, number>> {
  const byValue = new Map<string | null, Map<number, number>>();
  for (const row of rows) {
    const key = dimension ? row[dimension] : null;
    if (dimension && key === null) continue;
    const v = row[opts.metric];
    const volume = opts.minVolume ? row[opts.minVolume.metric] : null;
    if (typeof v !== 'number') continue;
    if (opts.minVolume && !(typeof volume === 'number' && volume >= opts.minVolume.min)) continue;
    const k = key === null ? null : String(key);
    if (!byValue.has(k)) byValue.set(k, new Map());
    byValue.get(k)!.set(parseDay(row['date:day'] as string), v);
  }
  return byValue;
}

/**
 * Daily values far from their own recent median. One `runQuery` with dimensions
 * [dimension, 'date:day'] gives each value's days; each day is scored against the `days` days before
 * it (robust z-score on the median absolute deviation) once that history has `minHistory` values.
 * A day without rows is missing, not zero.
 */
export function detectAnomalies(tables: TableSet, opts: AnomalyOptions): { series: AnomalySeries[]; anomalies: Anomaly[] } {
  const days = opts.days ?? 60;
  const threshold = opts.threshold ?? 3.5;
  const minHistory = opts.minHistory ?? Math.min(28, days);
  if (!(Number.isInteger(days) && days >= 2) || !(threshold > 0) || !(Number.isInteger(minHistory) && minHistory >= 2 && minHistory <= days)) {
    throw new RangeError('detectAnomalies: days must be an integer ≥ 2, threshold > 0, and minHistory an integer in 2..days');
  }
  const dimension = opts.dimension ?? null;
  const metrics = [...new Set([opts.metric, ...(opts.minVolume ? [opts.minVolume.metric] : [])])];
  const range = metricDataRange(metrics, tables, opts.params);
  const empty = { series: [], anomalies: [] };
  if (!range) return empty;
  const to = opts.asOf ? parseDay(opts.asOf) : range.to;
  const from = opts.from ? parseDay(opts.from) : to - days + 1;
  if (from > to) return empty;
  const spec: QuerySpec = {
    metrics,
    dimensions: dimension ? [dimension, 'date:day'] : ['date:day'],
    from: formatDay(from - days),
    to: formatDay(to),
    totals: false,
    ...(opts.params ? { params: opts.params } : {}),
  };
  const result = runQuery(spec, tables);
  const names = dimension ? dimensionNames(dimension, spec, tables) : new Map<string, string>();
  const byValue = dailyValues(result.rows, opts, dimension);
  const series: AnomalySeries[] = [];
  const anomalies: Anomaly[] = [];
  const def = metricRegistry().metrics.get(opts.metric)!;
  for (const [value, daily] of byValue) {
    const label = value !== null ? names.get(value) : undefined;
    const points: AnomalyPoint[] = [];
    for (let d = from; d <= to; d++) {
      const history: number[] = [];
      for (let h = d - days; h < d; h++) if (daily.has(h)) history.push(daily.get(h)!);
      const x = daily.get(d) ?? null;
      const point: AnomalyPoint = { date: formatDay(d), value: x, median: null, low: null, high: null, score: null, flagged: false };
      if (history.length >= minHistory) {
        const baseline = robustBaseline(history);
        const band = expectedRange(baseline, threshold);
        // A metric that has never been negative is not expected to go below zero.
        if (band.low < 0 && history.every((h) => h >= 0)) band.low = 0;
        Object.assign(point, { median: baseline.median, low: band.low, high: band.high });
        if (x !== null) {
          const z = robustZ(x, baseline);
          point.score = Number.isFinite(z) ? z : null;
          point.flagged = Math.abs(z) > threshold;
        }
      }
      points.push(point);
      if (point.flagged) anomalies.push(anomalyAt(point, d, { opts, days, metrics, dimension, value, label, direction: def.direction }));
    }
    series.push({ metric: opts.metric, unit: def.unit, dimension, dimensionValue: value, ...(label ? { dimensionLabel: label } : {}), points });
  }
  // Latest day first; within a day the farthest first (a break from a constant history counts as farthest).
  const distance = (a: Anomaly) => (a.score === null ? Number.MAX_VALUE : Math.abs(a.score));
  anomalies.sort((a, b) => (a.date === b.date ? distance(b) - distance(a) : a.date < b.date ? 1 : -1));
  return { series, anomalies };
}

interface AnomalyContext {
  opts: AnomalyOptions;
  days: number;
  metrics: string[];
  dimension: string | null;
  value: string | null;
  label: string | undefined;
  direction: string;
}

/** A flagged day as an anomaly, with the query that shows its evidence. */
function anomalyAt(point: AnomalyPoint, d: number, { opts, days, metrics, dimension, value, label, direction: favourable }: AnomalyContext): Anomaly {
  const direction = point.value! > point.median! ? 'up' : 'down';
  return {
    metric: opts.metric,
    dimension,
    dimensionValue: value,
    ...(label ? { dimensionLabel: label } : {}),
    date: point.date,
    value: point.value!,
    expected: { median: point.median!, low: point.low!, high: point.high! },
    score: point.score,
    direction,
    unfavourable: direction !== favourable,
    message: anomalyMessage(opts.metric, dimension, value, label, point),
    evidence: {
      query: {
        metrics,
        dimensions: ['date:day'],
        filters: dimension ? [{ field: dimension, op: 'eq', value }] : [],
        from: formatDay(d - days),
        to: point.date,
        totals: true,
        ...(opts.params ? { params: opts.params } : {}),
      },
    },
  };
}

function anomalyMessage(metric: string, dimension: string | null, value: string | null, label: string | undefined, p: AnomalyPoint): Label {
  const subject = subjectText(dimension, value, label);
  const name = metricLabel(metric);
  const [v, low, high] = [p.value, p.low, p.high].map((x) => metricText(metric, x));
  const day = p.date.slice(5);
  const params = (l: keyof Label) => ({ subject: subject[l], day, metric: name[l], value: v[l], low: low[l], high: high[l] });
  return fillLabel(MESSAGE, params('zh'), params('en'));
}
