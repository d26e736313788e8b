import type { Label } from '@creator-ops/schemas';

/** Diagnoses of typical mistakes (EXERCISES.md "Mistakes graders look for"), by stable code. */
export const DIAGNOSES = {
  // Rows and columns
  MISSING_ROW: { zh: '缺少这一行', en: 'This row is missing' },
  EXTRA_ROW: { zh: '多出的行：答案中没有"{row}"', en: 'Extra row: "{row}" is not in the answer' },
  DUPLICATE_ROW: { zh: '重复的行："{row}"出现了不止一次', en: 'Duplicate row: "{row}" appears more than once' },
  TOTAL_ROW_AS_DATA: { zh: '把导出中的汇总行（全部/合计）当成了数据，合计被重复计算', en: "The export's total row (全部/合计) was counted as data, so totals are counted twice" },
  TOTAL_ROW_IGNORED: { zh: '题目没有要求合计行，这一行已忽略（不扣分）', en: 'The task asks for no total row; this row was ignored (no penalty)' },
  MISSING_COLUMN: { zh: '缺少这一列', en: 'This column is missing' },
  NO_HEADER: { zh: '找不到表头：请使用题目给出的列名', en: 'No header found: use the column names of the task' },
  ID_SCIENTIFIC: { zh: 'ID 被表格软件转成了科学计数法（如 6.9E+18），数字已丢失；请以文本格式保存', en: 'The id was turned into scientific notation (6.9E+18) and lost digits; save it as text' },
  // Values
  MISSING_VALUE: { zh: '这一格是空的', en: 'This cell is empty' },
  NOT_A_NUMBER: { zh: '这一格应填数字', en: 'This cell should hold a number' },
  WRONG_LABEL: { zh: '结论/类别与规则不符', en: 'The label does not follow the rule' },
  EXPECTED_EMPTY: { zh: '分母为0或没有对比期数据，应留空（"—"），不能填0或∞', en: 'The denominator is 0 or there is no base period: leave it empty ("—"), not 0 or ∞' },
  PERCENT_AS_FRACTION: { zh: '题目要求百分数（如 12.35），却填写了小数（如 0.1235）', en: 'A percent (e.g. 12.35) was asked but a fraction (e.g. 0.1235) was given' },
  FRACTION_AS_PERCENT: { zh: '题目要求小数（如 0.124），却填写了百分数', en: 'A fraction (e.g. 0.124) was asked but a percent was given' },
  MULTIPLE_AS_PERCENT: { zh: 'ROI 是倍数（如 2.35），不是百分数', en: 'ROI is a multiple (e.g. 2.35), not a percent' },
  TIMES_100_TWICE: { zh: '乘了两次100：数值已是百分数，又乘以了100', en: 'Multiplied by 100 twice: the value was already a percent' },
  ROUNDING_TRUNCATED: { zh: '接近正确：小数被截断了，应四舍五入保留{decimals}位', en: 'Near miss: digits were cut off; round half up to {decimals} decimals' },
  TOO_FEW_DECIMALS: { zh: '接近正确：小数位不足，应保留{decimals}位', en: 'Near miss: too few decimals; keep {decimals}' },
  EARLY_ROUNDING: { zh: '接近正确：计算过程中提前四舍五入，末位有误差（只在最后一步取舍）', en: 'Near miss: intermediate values were rounded; round only at the end' },
  // Sorting
  SORT_REVERSED: { zh: '排序方向反了', en: 'The sort order is reversed' },
  SORT_ORDER: { zh: '行的顺序不符合题目要求的排序', en: 'The rows are not in the order the task asks' },
  // Conceptual mistakes (recomputed with the engine)
  INVERTED_RATIO: { zh: '比率的分子分母颠倒了', en: 'The ratio is inverted' },
  MEAN_OF_RATIOS: { zh: '用各行比率的平均数代替了"先求和再相除"', en: 'A mean of row ratios was used instead of a ratio of sums' },
  PERIOD_BOUNDARY: { zh: '统计周期的起止日错了一天', en: 'The period boundary is off by one day' },
  WRONG_DENOMINATOR: { zh: '分母用错了', en: 'Wrong denominator' },
  PP_VS_PERCENT: { zh: '百分点与百分比混淆：比率的变化相减，用"百分点"表示；金额的变化相除，用"%"表示', en: 'Percentage points and percent confused: a change of a rate is a difference in points; a change of an amount is a percent' },
  REFUNDS_NOT_REMOVED: { zh: '没有剔除退款', en: 'Refunds were not removed' },
  BUYERS_NOT_DEDUPED: { zh: '买家没有去重（同一买家被计算了多次）', en: 'Buyers were not de-duplicated' },
  SUBORDERS_AS_ORDERS: { zh: '把子订单（商品行）当成了订单：订单数应按主订单编号去重', en: 'Order items were counted as orders: count distinct order ids' },
  DUPLICATE_ROWS: { zh: '重叠导出中的重复行没有删除，数据被重复计算', en: 'Duplicate rows from overlapping exports were not removed' },
  REFERENCE_DATE_DRIFT: { zh: '基准日用了 TODAY() 之类的当天日期，R 值随日期漂移；应使用题面给定的基准日', en: 'The reference date drifted with TODAY(); use the date the task gives' },
  YOY_MOM_CONFUSED: { zh: '同比与环比混淆', en: 'Year-on-year and period-on-period confused' },
  CHANGE_AS_RATIO: { zh: '环比写成了"本期÷上期"，增长率还应减去1', en: 'Current ÷ previous was given; the growth rate subtracts 1' },
  CHANGE_WRONG_BASE: { zh: '增长率的分母用了本期，应为上期（基期）', en: 'The growth rate was divided by the current value instead of the base' },
  UNPAID_COUNTED: { zh: '计入了未支付或已关闭的订单', en: 'Unpaid or closed orders were counted' },
  REFUND_DEFINITION_MIXED: { zh: '退款率的订单口径与金额口径混用', en: 'Order-count and amount definitions of the refund rate were mixed' },
  BASELINE_MEAN_OF_RATIOS: { zh: '比较基准用了各单元比率的平均数，应使用整体比率（总点击÷总展示）', en: 'The baseline was a mean of unit ratios; use the overall ratio (total clicks ÷ total impressions)' },
  SAME_DAY_REPEAT: { zh: '同一天的多笔订单被算作了复购（题面要求同一天只算一次）', en: 'Several orders on one day were counted as a repeat purchase' },
  F_COUNTS_LINES: { zh: 'F 按商品行（子订单）计数，应按主订单计', en: 'F counted order lines; count orders' },
  DEFINITION: { zh: '口径与题面不一致', en: 'The definition differs from the task' },
} as const satisfies Record<string, Label>;

export type DiagnosisCode = keyof typeof DIAGNOSES;

export interface Diagnosis {
  code: string;
  message: string;
  en: string;
}

/** The diagnosis text with its parameters filled in, plus an exercise-specific note. */
export function diagnosis(code: string, params: Record<string, string | number> = {}, note?: string): Diagnosis {
  const text = (DIAGNOSES as Record<string, Label>)[code] ?? { zh: code, en: code };
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  return { code, message: fill(text.zh) + (note ? `（${note}）` : ''), en: fill(text.en) };
}
