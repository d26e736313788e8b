import type { Label } from '@creator-ops/schemas';

/**
 * How a diagnosis is found (each entry of the catalogue names its detector):
 * - `structure`: matching the submitted table to the key (rows, columns, header);
 * - `reading`: the way a written number or label is read (unit, empty, text);
 * - `variant`: the key value transformed the way the mistake transforms it (grade/variants.ts);
 * - `engine`: the key recomputed by the engine under the mistake (an exercise's `alternatives`);
 * - `offset`: a whole column shifted by a constant (grade/offsets.ts);
 * - `key-shift`: submitted row keys that are the key's dates moved (grade/key-shifts.ts);
 * - `sort`: the order of the rows; `near-miss`: rounding of a right value.
 */
export type DetectorKind = 'structure' | 'reading' | 'variant' | 'engine' | 'offset' | 'key-shift' | 'sort' | 'near-miss';

export interface CatalogueEntry extends Label {
  detector: DetectorKind;
}

/** Diagnoses of typical mistakes (EXERCISES.md "Mistakes graders look for"), by stable code. */
export const CATALOGUE = {
  // Rows and columns
  MISSING_ROW: { detector: 'structure', zh: '缺少这一行', en: 'This row is missing' },
  EXTRA_ROW: { detector: 'structure', zh: '多出的行：答案中没有"{row}"', en: 'Extra row: "{row}" is not in the answer' },
  DUPLICATE_ROW: { detector: 'structure', zh: '重复的行："{row}"出现了不止一次', en: 'Duplicate row: "{row}" appears more than once' },
  TOTAL_ROW_AS_DATA: {
    detector: 'variant',
    zh: '把汇总行（全部/合计）当成了数据，合计被重复计算',
    en: 'A total row (全部/合计) was counted as data, so totals are counted twice',
  },
  TOTAL_ROW_IGNORED: {
    detector: 'structure',
    zh: '题目没有要求合计行，这一行已忽略（不扣分）',
    en: 'The task asks for no total row; this row was ignored (no penalty)',
  },
  MISSING_COLUMN: { detector: 'structure', zh: '缺少这一列', en: 'This column is missing' },
  NO_HEADER: { detector: 'structure', zh: '找不到表头：请使用题目给出的列名', en: 'No header found: use the column names of the task' },
  ID_SCIENTIFIC: {
    detector: 'structure',
    zh: 'ID 被表格软件转成了科学计数法（如 6.9E+18），数字已丢失；请以文本格式保存',
    en: 'The id was turned into scientific notation (6.9E+18) and lost digits; save it as text',
  },
  // Values as written
  MISSING_VALUE: { detector: 'reading', zh: '这一格是空的', en: 'This cell is empty' },
  NOT_A_NUMBER: { detector: 'reading', zh: '这一格应填数字', en: 'This cell should hold a number' },
  WRONG_VALUE: { detector: 'reading', zh: '数值不对（没有识别出已知的典型错误）', en: 'Wrong value (no typical mistake recognised)' },
  WRONG_LABEL: { detector: 'reading', zh: '结论/类别与规则不符', en: 'The label does not follow the rule' },
  EXPECTED_EMPTY: {
    detector: 'reading',
    zh: '分母为0或没有对比期数据，应留空（"—"），不能填0或∞',
    en: 'The denominator is 0 or there is no base period: leave it empty ("—"), not 0 or ∞',
  },
  PERCENT_AS_FRACTION: {
    detector: 'reading',
    zh: '题目要求百分数（如 12.35），却填写了小数（如 0.1235）',
    en: 'A percent (e.g. 12.35) was asked but a fraction (e.g. 0.1235) was given',
  },
  PERCENT_AS_FRACTION_ACCEPTED: {
    detector: 'reading',
    zh: '已按百分数接受，但这里填的是小数（如 0.1235）；题目要求百分数（如 12.35）',
    en: 'Accepted, but a fraction (e.g. 0.1235) was written where a percent (e.g. 12.35) is asked',
  },
  FRACTION_AS_PERCENT: { detector: 'reading', zh: '题目要求小数（如 0.124），却填写了百分数', en: 'A fraction (e.g. 0.124) was asked but a percent was given' },
  MULTIPLE_AS_PERCENT: { detector: 'reading', zh: 'ROI 是倍数（如 2.35），不是百分数', en: 'ROI is a multiple (e.g. 2.35), not a percent' },
  // The key value transformed as the mistake does
  TIMES_100_TWICE: { detector: 'variant', zh: '乘了两次100：数值已是百分数，又乘以了100', en: 'Multiplied by 100 twice: the value was already a percent' },
  INVERTED_RATIO: { detector: 'variant', zh: '比率的分子分母颠倒了', en: 'The ratio is inverted' },
  MEAN_OF_RATIOS: { detector: 'variant', zh: '用各行比率的平均数代替了"先求和再相除"', en: 'A mean of row ratios was used instead of a ratio of sums' },
  TOTAL_IN_DENOMINATOR: {
    detector: 'variant',
    zh: '占比的分母把合计行也加了进去（分母翻倍）',
    en: "The total row was kept in the share's denominator (the denominator doubled)",
  },
  CPM_WITHOUT_1000: { detector: 'variant', zh: '千次费用（CPM/GPM）没有乘以1000', en: 'The per-thousand figure (CPM/GPM) was not multiplied by 1000' },
  // Near misses
  ROUNDING_TRUNCATED: {
    detector: 'near-miss',
    zh: '接近正确：小数被截断了，应四舍五入保留{decimals}位',
    en: 'Near miss: digits were cut off; round half up to {decimals} decimals',
  },
  TOO_FEW_DECIMALS: { detector: 'near-miss', zh: '接近正确：小数位不足，应保留{decimals}位', en: 'Near miss: too few decimals; keep {decimals}' },
  EARLY_ROUNDING: {
    detector: 'near-miss',
    zh: '接近正确：计算过程中提前四舍五入，末位有误差（只在最后一步取舍）',
    en: 'Near miss: intermediate values were rounded; round only at the end',
  },
  // Sorting
  SORT_REVERSED: { detector: 'sort', zh: '排序方向反了', en: 'The sort order is reversed' },
  SORT_ORDER: { detector: 'sort', zh: '行的顺序不符合题目要求的排序', en: 'The rows are not in the order the task asks' },
  // Dates
  DATES_SHIFTED: { detector: 'key-shift', zh: '日期整体错了一天（起止日或时区偏移）', en: 'Every date is off by one day' },
  WEEK_START_SUNDAY: {
    detector: 'key-shift',
    zh: '周从星期日开始算了；题目要求自然周从星期一开始',
    en: 'Weeks were started on Sunday; the task starts weeks on Monday',
  },
  REFERENCE_DATE_DRIFT: {
    detector: 'offset',
    zh: '基准日用了 TODAY() 之类的当天日期，R 值随日期漂移；应使用题面给定的基准日',
    en: 'The reference date drifted with TODAY(); use the date the task gives',
  },
  RECENCY_OFF_BY_ONE: {
    detector: 'offset',
    zh: 'R 差了一天：R = 基准日 − 最近一次支付日期（不含首尾相加的"+1"）',
    en: 'R is off by one day: R = reference day − last paid day (no "+1")',
  },
  // Conceptual mistakes (recomputed with the engine)
  PERIOD_BOUNDARY: { detector: 'engine', zh: '统计周期的起止日错了一天', en: 'The period boundary is off by one day' },
  WRONG_DENOMINATOR: { detector: 'engine', zh: '分母用错了', en: 'Wrong denominator' },
  PP_VS_PERCENT: {
    detector: 'engine',
    zh: '百分点与百分比混淆：比率的变化相减，用"百分点"表示；金额的变化相除，用"%"表示',
    en: 'Percentage points and percent confused: a change of a rate is a difference in points; a change of an amount is a percent',
  },
  REFUNDS_NOT_REMOVED: { detector: 'engine', zh: '没有剔除退款', en: 'Refunds were not removed' },
  BUYERS_NOT_DEDUPED: { detector: 'engine', zh: '买家没有去重（同一买家被计算了多次）', en: 'Buyers were not de-duplicated' },
  SUBORDERS_AS_ORDERS: {
    detector: 'engine',
    zh: '把子订单（商品行）当成了订单：订单数应按主订单编号去重',
    en: 'Order items were counted as orders: count distinct order ids',
  },
  DUPLICATE_ROWS: { detector: 'engine', zh: '重叠导出中的重复行没有删除，数据被重复计算', en: 'Duplicate rows from overlapping exports were not removed' },
  YOY_MOM_CONFUSED: { detector: 'engine', zh: '同比与环比混淆', en: 'Year-on-year and period-on-period confused' },
  CHANGE_AS_RATIO: { detector: 'engine', zh: '环比写成了"本期÷上期"，增长率还应减去1', en: 'Current ÷ previous was given; the growth rate subtracts 1' },
  CHANGE_WRONG_BASE: {
    detector: 'engine',
    zh: '增长率的分母用了本期，应为上期（基期）',
    en: 'The growth rate was divided by the current value instead of the base',
  },
  MEAN_OF_DAILY_CHANGES: {
    detector: 'engine',
    zh: '用每日环比（或每日比率）的平均数代替了按周合计后再计算',
    en: 'A mean of daily changes (or daily rates) was used instead of computing from the weekly sums',
  },
  UNPAID_COUNTED: { detector: 'engine', zh: '计入了未支付或已关闭的订单', en: 'Unpaid or closed orders were counted' },
  WRONG_DATE_BASIS: {
    detector: 'engine',
    zh: '日期口径错了：应按支付完成时间归属日期，却按下单（提交）时间',
    en: 'Orders were dated by submission time; the task dates them by payment time',
  },
  REFUND_DEFINITION_MIXED: { detector: 'engine', zh: '退款率的订单口径与金额口径混用', en: 'Order-count and amount definitions of the refund rate were mixed' },
  BASELINE_MEAN_OF_RATIOS: {
    detector: 'engine',
    zh: '比较基准用了各单元比率的平均数，应使用整体比率（总点击÷总展示）',
    en: 'The baseline was a mean of unit ratios; use the overall ratio (total clicks ÷ total impressions)',
  },
  SAME_DAY_REPEAT: {
    detector: 'engine',
    zh: '同一天的多笔订单被算作了复购（题面要求同一天只算一次）',
    en: 'Several orders on one day were counted as a repeat purchase',
  },
  F_COUNTS_LINES: { detector: 'engine', zh: 'F 按商品行（子订单）计数，应按主订单计', en: 'F counted order lines; count orders' },
  DEFINITION: { detector: 'engine', zh: '口径与题面不一致', en: 'The definition differs from the task' },
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosisCode = keyof typeof CATALOGUE;

/** Codes whose detector is `kind`. */
export function codesDetectedBy(kind: DetectorKind): DiagnosisCode[] {
  return (Object.keys(CATALOGUE) as DiagnosisCode[]).filter((c) => CATALOGUE[c].detector === kind);
}
