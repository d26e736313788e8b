import { CodedError } from '@creator-ops/errors';
import type { ColumnTable } from '@creator-ops/columnar';
import type { ExportKind, Label } from '@creator-ops/schemas';

export type FilterOp = 'eq' | 'ne' | 'in' | 'range' | 'contains' | 'contains_any' | 'contains_none';

export interface QueryFilter {
  field: string;
  op: FilterOp;
  /**
   * eq/ne/contains: a value; in: an array; range: [min, max] (either may be null). Dates as YYYY-MM-DD, money in yuan.
   * contains_any / contains_none: an array of words (keyword rules over text, e.g. negative-review reasons).
   */
  value: unknown;
}

export interface QuerySpec {
  metrics: string[];
  /** Canonical fields, original headers, or `date[:day|week|month]`, `hour`, `weekday`. */
  dimensions?: string[];
  filters?: QueryFilter[];
  /** Inclusive period in the business time zone, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** previous_period: as many days just before; previous_week / previous_month / previous_year: the calendar week, month or year before. */
  compare?: 'previous_period' | 'previous_week' | 'previous_month' | 'previous_year' | null;
  sort?: { key: string; dir: 'asc' | 'desc' }[];
  limit?: number;
  totals?: boolean;
  /**
   * Date the rows by this field where a kind has it (period, date and hour dimensions), instead of
   * the kind's own date field: e.g. `created_at` to count orders by 下单时间, closed ones included.
   */
  dateField?: string;
  /** Query parameters such as gross_margin. */
  params?: Record<string, number>;
}

/** How runQuery computes (never what): the figures are the same either way. */
export interface QueryOptions {
  /**
   * false: aggregate the rows even where a daily rollup could answer (the reference path of the rollup tests).
   * 'reuse': use a rollup the table already has, but build none (a one-off query over a short window
   * reads fewer rows than building a rollup of the whole table does).
   */
  rollups?: boolean | 'reuse';
}

export type CellValue = string | number | null;
export type ResultRow = Record<string, CellValue>;

export interface ResultColumn {
  key: string;
  label: Label;
  role: 'dimension' | 'metric';
  unit?: string;
  decimals?: number;
  formula?: Label;
  /** Export kinds each figure came from. */
  kinds?: ExportKind[];
  /** How the change of a metric is expressed: percentage points for percent metrics. */
  deltaUnit?: 'pp' | 'value';
}

export interface QueryResult {
  columns: ResultColumn[];
  rows: ResultRow[];
  totals: ResultRow | null;
  /** How many groups the totals cover: more than `rows.length` when `limit` cut the list. */
  groups?: number;
  period: { from: string | null; to: string | null };
  comparison?: {
    period: { from: string; to: string };
    rows: ResultRow[];
    totals: ResultRow | null;
    delta: ResultRow | null;
    delta_pct: ResultRow | null;
    rowDeltas: { delta: ResultRow; delta_pct: ResultRow }[];
  };
}

export type TableSet = Map<ExportKind, ColumnTable>;

export const QUERY_MESSAGES = {
  UNKNOWN_METRIC: { zh: '未知指标：{metric}', en: 'Unknown metric: {metric}' },
  METRIC_DATA_MISSING: { zh: '指标 {metric} 需要上传以下导出之一：{kinds}', en: 'Metric {metric} needs one of these exports: {kindsEn}' },
  UNKNOWN_DIMENSION: { zh: '未知维度：{dimension}', en: 'Unknown dimension: {dimension}' },
  DIMENSION_NOT_AVAILABLE: {
    zh: '维度 {dimension} 在 {kind} 数据中不存在（指标 {metric} 需要）',
    en: 'Dimension {dimension} does not exist in {kind} data (needed by {metric})',
  },
  UNKNOWN_FILTER_FIELD: { zh: '筛选字段 {field} 在 {kind} 数据中不存在', en: 'Filter field {field} does not exist in {kind} data' },
  BAD_FILTER: { zh: '筛选条件无效：{field} {op}', en: 'Invalid filter: {field} {op}' },
  BAD_DATE: { zh: '日期格式应为 YYYY-MM-DD：{value}', en: 'Dates must be YYYY-MM-DD: {value}' },
  BAD_PERIOD: { zh: '开始日期 {from} 晚于结束日期 {to}', en: 'Start {from} is after end {to}' },
  PARAM_REQUIRED: { zh: '指标 {metric} 需要参数 {param}（{label}）', en: 'Metric {metric} needs the parameter {param} ({label})' },
  PARAM_OUT_OF_RANGE: { zh: '参数 {param} 应在 {min} 与 {max} 之间', en: 'Parameter {param} must be between {min} and {max}' },
  UNKNOWN_SORT_KEY: { zh: '排序字段 {key} 不在结果中', en: 'Sort key {key} is not a column of the result' },
  NO_METRICS: { zh: '至少需要一个指标', en: 'At least one metric is required' },
} as const;

export type QueryCode = keyof typeof QUERY_MESSAGES;

/** A query the engine cannot answer as asked: the caller's mistake (HTTP 400). */
export class QueryError extends CodedError {
  declare readonly code: QueryCode;

  constructor(code: QueryCode, params: Record<string, string | number> = {}) {
    super(code, params, QUERY_MESSAGES[code]);
    this.name = 'QueryError';
  }
}
