import type { QuerySpec } from '@creator-ops/query';
import type { ExportKind, Label } from '@creator-ops/schemas';

/**
 * How a value column is asked for. `percent`: a percent number (12.35 means 12.35 %); `fraction`:
 * 0.1235; `pp`: a change of a rate in percentage points (stored as a fraction difference);
 * `multiple`: a ratio such as ROI (2.35 倍). Money is in yuan.
 */
export type ValueFormat =
  | { type: 'integer' }
  | { type: 'number' | 'money' | 'percent' | 'fraction' | 'multiple' | 'pp'; decimals: number }
  | { type: 'label'; synonyms?: Record<string, string[]> };

/** How a key column is written: decides how submitted keys are normalised before matching. */
export type KeyFormat = { type: 'text' | 'id' | 'date' | 'week' | 'month' | 'weekday' | 'hour' | 'datetime' };

export type Operand = string | number | { total: string } | { mean: string };

export interface Condition {
  all?: Condition[];
  any?: Condition[];
  left?: Operand;
  op?: '<' | '<=' | '>' | '>=' | '==' | '!=' | 'null' | 'notnull';
  right?: Operand;
}

/**
 * Where a column's value comes from. Identifiers in `expr` are earlier column keys, engine metric
 * keys of the row, scalars and constants of the question (arithmetic: + - * / and parentheses).
 */
export type ValueSource =
  | { dim: string }
  | { metric: string }
  | { expr: string }
  | { share: string }
  | { cumulativeShare: string }
  | { rank: string; dir: 'asc' | 'desc' }
  | { change: string; lag?: number; base?: 'previous' | 'current'; mode?: 'relative' | 'absolute' | 'ratio' }
  | { compare: 'previous_year' | 'previous_month' | 'previous_week' | 'previous_period'; metric: string; as: 'delta_pct' | 'delta' | 'previous' }
  | { cumulativeRatio: [string, string] }
  | { cumulativeMean: string }
  | { groupIndex: string; by: string }
  | { lookup: string; values: Record<string, number> }
  | { classify: { label: string; when?: Condition }[] };

export interface ColumnDef {
  key: string;
  header: Label;
  /** More header spellings accepted in submissions (matched after normalisation). */
  aliases?: string[];
  role: 'key' | 'value';
  format: ValueFormat | KeyFormat;
  value: ValueSource;
  /** Value in the totals row: `same` evaluates the source over the totals; `blank` leaves it empty. */
  total?: 'same' | 'blank' | ValueSource;
  /** Points per cell (default 1). */
  points?: number;
}

export interface ScalarDef {
  name: string;
  query: QuerySpec;
  metric: string;
}

/** Row sources: engine rows, or a method computed here from engine rows (named in the task). */
export type RowSource =
  | { type: 'query'; query: QuerySpec; dropLeading?: number }
  /** `frequency` is a metric; `monetary` a metric or an expression over metrics (`gmv - refund_amount`). */
  | { type: 'rfm'; query: QuerySpec; buyer: string; frequency: string; monetary: string; referenceDate: string }
  | { type: 'cohort'; query: QuerySpec; buyer: string; windowDays: number; sameDayOnce: boolean; cohorts: string[] }
  /** `swapChangeModes` recomputes each change the other way (points ↔ percent), for the diagnosis. */
  | { type: 'metricRows'; before: QuerySpec; after: QuerySpec; rows: MetricRowDef[]; swapChangeModes?: boolean }
  | { type: 'scenarios'; rows: { key: string; aliases?: string[]; vars: Record<string, number | string> }[] }
  /** Survey question tabulation (初级 2.2.2): options of a question, or a cross-tab with question `by`. */
  | {
      type: 'survey';
      question: number;
      mode: 'options' | 'cross';
      by?: number;
      byOptions?: string[];
      denominator?: 'respondents' | 'selections' | 'sheets';
      from?: string;
      to?: string;
    };

export interface MetricRowDef {
  key: string;
  aliases?: string[];
  metric: string;
  /** Format of the before/after cells and of the change cell of this row. */
  format: ValueFormat;
  change: { mode: 'absolute' | 'relative'; format: ValueFormat };
}

/** The plausible wrong computation behind a typical mistake, recomputed with the engine. */
export interface AlternativeDef {
  code: string;
  /** Exercise-specific detail shown after the diagnosis (zh), e.g. "用观看次数代替了观看人数". */
  note?: string;
  /** Columns the mistake shows in (default: every value column). */
  columns?: string[];
  /** Merged into the row source's query (and scalars' queries): e.g. a period off by one day. */
  query?: Partial<QuerySpec>;
  /** Metric substitution in every query: `{ buyers: 'paid_items' }`. */
  metrics?: Record<string, string>;
  /** The data as the mistake sees it. */
  tables?: 'totalRowsAsData' | 'duplicatesKept' | 'unpaidAsPaid';
  /** Column sources replaced (e.g. an inverted ratio, a relative change where points were asked). */
  values?: Record<string, ValueSource>;
  /** Data rows: these columns are the mean of the values of finer rows (grouped additionally by `by`). */
  meanOf?: { columns: string[]; by: string[] };
  /** Totals row: these columns are the mean of the data rows' values. */
  totalsMeanOfRows?: string[];
  /** Constants replaced (e.g. a refund rate of 0 for "refunds not removed"). */
  constants?: Record<string, number>;
  /** Row-source options replaced (e.g. `{ sameDayOnce: false }`). */
  source?: Record<string, unknown>;
  /** Detects a constant shift of a whole column (TODAY() drift): actual − expected is the same positive whole number. */
  offset?: { column: string };
}

export interface QuestionSpec {
  rows: RowSource;
  columns: ColumnDef[];
  totalsRow?: { label: string; aliases?: string[] };
  scalars?: ScalarDef[];
  constants?: Record<string, number>;
  /** Row order computed here (a derived column such as 平均播放 the engine cannot sort by), then the top `limit`. */
  order?: { key: string; dir: 'asc' | 'desc' }[];
  limit?: number;
  /** The task asks for this row order; its points are `scoring.sortPoints`. */
  sortRequired?: boolean;
  alternatives?: AlternativeDef[];
}

export interface DatasetDef {
  file: string;
  kind: ExportKind;
  account?: string;
  label?: Label;
}

export interface Tolerance {
  /** Extra absolute tolerance in the presentation unit (default 0: half a unit of the last digit). */
  absolute?: number;
  /** Extra relative tolerance (default 0). */
  relative?: number;
}

export interface ScoringRules {
  /** `cell`: each value cell scores its points; `row`: a row scores `rowPoints` only when all its cells are right. */
  per: 'cell' | 'row';
  rowPoints?: number;
  sortPoints?: number;
  /** Points taken off per extra data row (never below 0 in total). Default 1. */
  extraRowPenalty?: number;
}

export interface Exercise {
  id: string;
  title: Label;
  level: '初级' | '中级' | '高级';
  skill: string;
  template: string;
  task: { zh: string; en?: string };
  datasets: DatasetDef[];
  question: QuestionSpec;
  tolerance?: Tolerance;
  scoring: ScoringRules;
  /**
   * A fraction (0.0677) in a percent column: `strict` marks it wrong (PERCENT_AS_FRACTION),
   * `lenient` accepts it with a note. Default: strict when the task text names the format.
   */
  unitPolicy?: UnitPolicy;
  /** Absolute folder of the exercise (set by loadExercise; never sent to clients). */
  dir?: string;
}

export type UnitPolicy = 'strict' | 'lenient';

export type CellValue = string | number | null;

export interface KeyRow {
  /** Normalised key per key column (what submissions are matched on). */
  match: string[];
  /** Other spellings of this row's key (metric rows, scenarios). */
  aliases?: string[][];
  /** Key as shown. */
  label: string;
  values: Record<string, CellValue>;
  /** Per-cell formats where a row overrides its column's (metric rows). */
  formats?: Record<string, ValueFormat>;
  isTotal?: boolean;
  /** Cells of this row the task does not ask for (empty cells of the totals row): no points either way. */
  ungraded?: string[];
}

export interface KeyTable {
  columns: ColumnDef[];
  rows: KeyRow[];
}

export interface AnswerKey {
  exerciseId: string;
  columns: ColumnDef[];
  /** Data rows in the required (or the engine's) order, then the totals row when asked. */
  rows: KeyRow[];
  /** The same table under each typical mistake, for diagnoses. */
  alternatives: { def: AlternativeDef; table: KeyTable }[];
  /** Total labels of the dataset exports (e.g. 全部), recognised as "total row counted as data". */
  exportTotalLabels: string[];
  maxScore: number;
}
