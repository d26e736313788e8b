import type { Unit } from '@creator-ops/format';
import type { ExportKind, Label } from '@creator-ops/schemas';

export type MetricKind = 'sum' | 'count' | 'count_distinct' | 'ratio' | 'weighted_avg' | 'derived';
/** A metric's display unit is one of the formatter's units (libs/format). */
export type MetricUnit = Unit;

export interface RowFilterClause {
  field: string;
  in?: string[];
  notIn?: string[];
  /** Numeric bounds (a null value fails them). */
  atLeast?: number;
  atMost?: number;
}

/** A named row predicate over canonical fields (data, e.g. "paid orders"). Every part given must hold. */
export interface RowFilterDef {
  key: string;
  label: Label;
  /** Every clause must hold; a row whose field is null passes a `notIn` clause and fails an `in` clause. */
  clauses: RowFilterClause[];
  /** At least one group must hold (each group: every clause). */
  anyOf?: RowFilterClause[][];
  /**
   * The row must have a value in `field` (paid = has a payment time). Rows from exports without that
   * column are judged by the named filter `otherwise` instead (no such filter: they fail).
   */
  hasValue?: { field: string; otherwise?: string };
  /** Another named filter that must also hold. */
  also?: string;
}

export interface MetricDef {
  key: string;
  label: Label;
  description: Label;
  /**
   * Human-readable formula shown next to every figure. Written by hand only for base metrics (sum, count…);
   * for ratio and derived metrics the registry generates it from `expr` and the inputs' terms (formula.ts).
   */
  formula?: Label;
  /** How other metrics' formulas name this one (default: the label, first letter lower-cased in English). */
  term?: Label;
  /** Other formulas show this metric's expression instead of its name (e.g. 互动量 as 点赞 + 评论 + 分享). */
  inlineInFormulas?: boolean;
  /** Appended to the generated formula (e.g. "，未计毛利"). */
  formulaNote?: Label;
  /** This formula names an input differently from its usual term (e.g. 广告成交金额 beside shop 成交金额). */
  formulaTerms?: Record<string, Label>;
  kind: MetricKind;
  unit: MetricUnit;
  decimals: number;
  direction: 'up' | 'down';
  /** Export kinds that can supply the metric, in order of preference. */
  kinds: ExportKind[];
  /** Skill-standard items the metric serves (自媒体运营职业技能等级标准). */
  standard: string[];
  /** sum / count_distinct / weighted_avg: the field aggregated. */
  field?: string;
  /** weighted_avg: the weight field (rows where `field` is null add no weight). */
  weight?: string;
  /** Only rows passing this named filter count. */
  rowFilter?: string;
  /** When `field` is absent from an import, sum this instead (e.g. refunded items' payable amount). */
  fallback?: { field: string; rowFilter?: string };
  /** sum: an empty cell means zero for this metric (e.g. `-` in 退款金额 = no refund); the stored value stays null. */
  nullAsZero?: boolean;
  /** ratio / derived: arithmetic over other metric keys and query parameters. */
  expr?: string;
  /** Inputs may come from different kinds, joined on the shared dimensions (account, date). */
  crossKind?: boolean;
}

/** A metric as the registry holds it: inputs parsed from `expr`, the shown formula always present. */
export type RegisteredMetric = MetricDef & {
  /** Inputs by key (metrics and parameters the expression uses), from `expr`. */
  inputs: string[];
  formula: Label;
};

export interface ParamDef {
  key: string;
  label: Label;
  /** How formulas name the parameter (default: the label, as for metrics). */
  term?: Label;
  description: Label;
  min: number;
  max: number;
}
