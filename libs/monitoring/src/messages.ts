import { fillTemplate } from '@creator-ops/errors';
import type { Label } from '@creator-ops/schemas';

export type MessageParams = Record<string, string | number>;

/** Fills `{name}` placeholders; an unknown one stays visible rather than silently empty. */
export function fill(template: string, params: MessageParams): string {
  return fillTemplate(template, params);
}

export function fillLabel(label: Label, zh: MessageParams, en: MessageParams = zh): Label {
  return { zh: fill(label.zh, zh), en: fill(label.en, en) };
}

/** Rule and budget validation messages by code (the API returns them with the code, as `details`). */
export const VALIDATION_MESSAGES = {
  RULE_NOT_OBJECT: { zh: '规则必须是一个对象', en: 'A rule must be an object' },
  ID_INVALID: { zh: 'id 必须是非空文本', en: 'id must be a non-empty string' },
  DUPLICATE_ID: { zh: '规则 id {id} 重复', en: 'Duplicate rule id {id}' },
  UNKNOWN_METRIC: { zh: '未知指标：{metric}', en: 'Unknown metric: {metric}' },
  UNKNOWN_OP: { zh: '未知条件：{op}（可用：{allowed}）', en: 'Unknown condition: {op} (allowed: {allowed})' },
  VALUE_NOT_NUMBER: { zh: 'value 必须是数字', en: 'value must be a number' },
  CHANGE_NOT_POSITIVE: { zh: '变化幅度必须大于 0（0.3 表示 30%）', en: 'The change must be above 0 (0.3 means 30%)' },
  PP_OUT_OF_RANGE: {
    zh: '百分点变化应大于 0 且不超过 1（0.01 表示 1 个百分点）',
    en: 'A percentage-point change must be above 0 and at most 1 (0.01 means 1 pp)',
  },
  PP_NEEDS_PERCENT: { zh: '百分点条件只适用于百分比指标，{metric} 不是', en: 'Percentage-point conditions apply to percent metrics only; {metric} is not one' },
  OP_ONLY_METRIC: { zh: '条件 {op} 只适用于指标 {only}', en: 'Condition {op} applies to the metric {only} only' },
  OP_NEEDS_ADDITIVE: { zh: '条件 {op} 只适用于计数或求和指标，{metric} 不是', en: 'Condition {op} applies to counts and sums only; {metric} is neither' },
  METRICS_NOT_COMBINABLE: {
    zh: '{metric} 与 {other} 不来自同一种导出数据，不能按同一维度比较',
    en: '{metric} and {other} do not come from the same export, so they cannot be compared per dimension',
  },
  GROSS_MARGIN_REQUIRED: {
    zh: '条件 {op} 需要毛利率 grossMargin（0 到 1 之间的小数，如 0.3）',
    en: 'Condition {op} needs grossMargin (a fraction between 0 and 1, e.g. 0.3)',
  },
  GROSS_MARGIN_OUT_OF_RANGE: { zh: '毛利率应大于 {min} 且不超过 {max}', en: 'Gross margin must be above {min} and at most {max}' },
  GROSS_MARGIN_UNUSED: { zh: '只有条件 below_breakeven_roi 使用毛利率', en: 'Only below_breakeven_roi uses a gross margin' },
  UNKNOWN_WINDOW: { zh: '未知窗口：{window}（可用：{allowed}）', en: 'Unknown window: {window} (allowed: {allowed})' },
  CHANGE_NEEDS_FIXED_WINDOW: {
    zh: '环比条件需要 day 或 7d 窗口（period 覆盖全部数据，没有上一周期）',
    en: 'Change conditions need the day or 7d window (period covers all the data and has no previous window)',
  },
  UNKNOWN_DIMENSION: { zh: '维度 {dimension} 无效，可用：{allowed}', en: 'Invalid dimension {dimension}; allowed: {allowed}' },
  MIN_VOLUME_INVALID: { zh: 'minVolume 应为 { metric, min }', en: 'minVolume must be { metric, min }' },
  MIN_VOLUME_UNKNOWN_METRIC: { zh: 'minVolume 的指标未知：{metric}', en: 'Unknown minVolume metric: {metric}' },
  MIN_VOLUME_MIN: { zh: 'minVolume.min 必须是不小于 0 的数字', en: 'minVolume.min must be a number of at least 0' },
  UNKNOWN_SEVERITY: { zh: '未知级别：{severity}（可用：{allowed}）', en: 'Unknown severity: {severity} (allowed: {allowed})' },
  NOTE_INVALID: { zh: '备注必须是不超过 {max} 个字符的文本', en: 'The note must be text of at most {max} characters' },
  ENABLED_INVALID: { zh: 'enabled 必须是 true 或 false', en: 'enabled must be true or false' },
  BUDGET_NOT_OBJECT: { zh: '预算必须是一个对象', en: 'A budget must be an object' },
  BUDGET_VALUE_INVALID: { zh: '预算的维度值必须是文本（整体预算时为 null）', en: 'The budget value must be text (null for the whole workspace)' },
  BUDGET_NEEDS_AMOUNT: { zh: '预算需要 daily（日预算）或 period（周期预算）', en: 'A budget needs daily or period' },
  BUDGET_DAILY_INVALID: { zh: '日预算必须是大于 0 的金额（元）', en: 'The daily budget must be an amount above 0 (yuan)' },
  BUDGET_PERIOD_INVALID: {
    zh: '周期预算应为 { from, to, amount }：日期 YYYY-MM-DD 且 from 不晚于 to，金额大于 0',
    en: 'A period budget is { from, to, amount }: YYYY-MM-DD dates with from not after to, and an amount above 0',
  },
} as const satisfies Record<string, Label>;

export type IssueCode = keyof typeof VALIDATION_MESSAGES;

export interface ValidationIssue {
  /** The rule field at fault (`metric`, `minVolume.metric` ...), prefixed by `[index].` in a list. */
  field: string;
  code: IssueCode;
  params: MessageParams;
  message: Label;
}

export function issue(field: string, code: IssueCode, params: MessageParams = {}): ValidationIssue {
  return { field, code, params, message: fillLabel(VALIDATION_MESSAGES[code], params) };
}
