/** Cell texts that mean "no value" in real exports. They become null, never 0. */
export const NULL_TOKENS: ReadonlySet<string> = new Set(['', '-', '--', '—', '——', 'N/A', 'n/a', 'NA', 'null', 'NULL', '暂无数据', '无', '/']);

/** First-column or date-column texts that mark a period-total or summary row. */
export const TOTAL_ROW_TOKENS: ReadonlySet<string> = new Set(['合计', '总计', '汇总', '全部', '总和', '小计', 'Total', 'total', 'TOTAL', 'Sum']);
