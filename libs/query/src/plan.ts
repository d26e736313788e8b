import { isBaseMetric as isBase, metricRegistry, type RegisteredMetric } from '@creator-ops/metrics';
import { KINDS, type ExportKind } from '@creator-ops/schemas';
import { measureId, type Measure } from './measures';
import { QueryError, type TableSet } from './types';

/** A metric bound to the data that will compute it. */
export type BoundMetric =
  | { type: 'base'; metric: RegisteredMetric; kind: ExportKind; measures: Measure[] }
  | { type: 'expr'; metric: RegisteredMetric; inputs: Map<string, BoundMetric | { type: 'param'; key: string }>; kinds: ExportKind[] };

export interface QueryPlan {
  metrics: Map<string, BoundMetric>;
  measuresByKind: Map<ExportKind, Measure[]>;
}

/** Binds each requested metric to kinds and measures; a metric whose data is absent is a QueryError. */
export function planQuery(metricKeys: string[], tables: TableSet, params: Record<string, number>): QueryPlan {
  const registry = metricRegistry();
  const measures = new Map<string, Measure>();
  const addMeasure = (m: Omit<Measure, 'id'>): Measure => {
    const id = measureId(m);
    if (!measures.has(id)) measures.set(id, { ...m, id });
    return measures.get(id)!;
  };
  const get = (key: string): RegisteredMetric => {
    const m = registry.metrics.get(key);
    if (!m) throw new QueryError('UNKNOWN_METRIC', { metric: key });
    return m;
  };
  const hasColumn = (kind: ExportKind, field: string) => tables.get(kind)?.columns.has(field) ?? false;
  const leafAvailable = (m: RegisteredMetric, kind: ExportKind): boolean =>
    m.kind === 'count' || hasColumn(kind, m.field!) || (m.fallback !== undefined && hasColumn(kind, m.fallback.field));
  /** Whether every base metric under `m` can be computed from `kind` alone. */
  const computableIn = (m: RegisteredMetric, kind: ExportKind): boolean => {
    if (!tables.has(kind)) return false;
    if (isBase(m)) return m.kinds.includes(kind) && leafAvailable(m, kind);
    return m.inputs.every((i) => registry.params.has(i) || computableIn(get(i), kind));
  };

  /** The stored fields the base metrics under `m` sum (what a ratio's rows must all carry). */
  const summedFields = (m: RegisteredMetric, kind: ExportKind): string[] => {
    if (isBase(m)) {
      if (m.kind === 'weighted_avg') return [m.field!, m.weight!];
      if (m.kind !== 'sum') return [];
      return [!hasColumn(kind, m.field!) && m.fallback && hasColumn(kind, m.fallback.field) ? m.fallback.field : m.field!];
    }
    return m.inputs.flatMap((i) => (registry.params.has(i) ? [] : summedFields(get(i), kind)));
  };

  const bind = (key: string, forced?: ExportKind, requires?: string[]): BoundMetric => {
    const m = get(key);
    const present = m.kinds.filter((k) => tables.has(k));
    if (isBase(m)) {
      const kind = forced && m.kinds.includes(forced) && tables.has(forced) ? forced : (present.find((k) => leafAvailable(m, k)) ?? present[0]);
      if (!kind) throw missingData(key, m.kinds);
      return { type: 'base', metric: m, kind, measures: leafMeasures(m, kind, hasColumn, addMeasure, requires) };
    }
    let kind: ExportKind | undefined;
    if (!m.crossKind) {
      const candidates = forced && m.kinds.includes(forced) ? [forced] : m.kinds;
      kind = candidates.find((k) => computableIn(m, k)) ?? candidates.find((k) => tables.has(k));
      if (!kind && m.inputs.some((i) => !registry.params.has(i))) throw missingData(key, m.kinds);
    }
    // A single-kind formula reads only rows from exports that carry all the fields it sums.
    const required = kind && !m.crossKind ? [...new Set(summedFields(m, kind))].sort() : undefined;
    const rowsNeed = required && required.length > 1 ? required : requires;
    const inputs = new Map<string, BoundMetric | { type: 'param'; key: string }>();
    for (const input of m.inputs) {
      const param = registry.params.get(input);
      if (param) {
        const value = params[input];
        if (value === undefined) throw new QueryError('PARAM_REQUIRED', { metric: key, param: input, label: param.label.zh });
        if (!(value > param.min && value <= param.max)) throw new QueryError('PARAM_OUT_OF_RANGE', { param: input, min: param.min, max: param.max });
        inputs.set(input, { type: 'param', key: input });
      } else inputs.set(input, bind(input, kind, rowsNeed));
    }
    const kinds = [...new Set([...inputs.values()].flatMap((b) => (b.type === 'base' ? [b.kind] : b.type === 'expr' ? b.kinds : [])))];
    return { type: 'expr', metric: m, inputs, kinds: kinds.length ? kinds : kind ? [kind] : [] };
  };

  const bound = new Map<string, BoundMetric>();
  for (const key of metricKeys) bound.set(key, bind(key));
  const measuresByKind = new Map<ExportKind, Measure[]>();
  for (const m of measures.values()) measuresByKind.set(m.kind, [...(measuresByKind.get(m.kind) ?? []), m]);
  return { metrics: bound, measuresByKind };
}

function missingData(metric: string, kinds: ExportKind[]): QueryError {
  return new QueryError('METRIC_DATA_MISSING', {
    metric,
    kinds: kinds.map((k) => KINDS[k].label.zh).join(' / '),
    kindsEn: kinds.map((k) => KINDS[k].label.en).join(' / '),
  });
}

function leafMeasures(
  m: RegisteredMetric,
  kind: ExportKind,
  hasColumn: (k: ExportKind, f: string) => boolean,
  addMeasure: (m: Omit<Measure, 'id'>) => Measure,
  requires?: string[],
): Measure[] {
  const add = (measure: Omit<Measure, 'id'>) => addMeasure(requires?.length ? { ...measure, requires } : measure);
  const moneyField = (field: string) => KINDS[kind].fields.find((f) => f.key === field)?.type === 'money';
  switch (m.kind) {
    case 'count':
      return [add({ kind, op: 'count', rowFilter: m.rowFilter, money: false })];
    case 'count_distinct':
      return [add({ kind, op: 'distinct', field: m.field, rowFilter: m.rowFilter, money: false })];
    case 'weighted_avg':
      return [
        add({ kind, op: 'wsum', field: m.field, weight: m.weight, rowFilter: m.rowFilter, money: false }),
        add({ kind, op: 'wbase', field: m.field, weight: m.weight, rowFilter: m.rowFilter, money: false }),
      ];
    default: {
      const useFallback = !hasColumn(kind, m.field!) && m.fallback !== undefined && hasColumn(kind, m.fallback.field);
      const field = useFallback ? m.fallback!.field : m.field!;
      const rowFilter = useFallback ? m.fallback!.rowFilter : m.rowFilter;
      return [add({ kind, op: 'sum', field, rowFilter, money: moneyField(field), ...(m.nullAsZero && !useFallback ? { nullAsZero: true } : {}) })];
    }
  }
}

/** Kinds a bound metric reads. */
export function kindsOf(b: BoundMetric): ExportKind[] {
  return b.type === 'base' ? [b.kind] : b.kinds;
}
