/**
 * A 千川 plan export of `rows` plans whose CTR column disagrees with clicks ÷ impressions on every row: plan k has
 * clicks k and impressions 1000 (CTR k / 1000), written as 9.99% (0.0999 ± 0.00005: the nearest CTRs, 0.099 and 0.100,
 * are outside). Cost 10, GMV 20, ROI written 2.00: right. The 全部 row is right too (for 1,500 rows: clicks
 * 1500 × 1501 / 2 = 1,125,750 over 1,500,000 impressions = 75.05%), unless `wrongTotal` writes its CTR as 9.99% as well.
 * Plan k is on line k + 1.
 */
export function everyCtrWrongCsv(rows: number, { wrongTotal = false } = {}): string {
  const plans = Array.from({ length: rows }, (_, k) => `2026-10-01,P${k + 1},10.00,1000,${k + 1},9.99%,1,20.00,2.00`);
  const clicks = (rows * (rows + 1)) / 2;
  const total = `全部,-,${(10 * rows).toFixed(2)},${1000 * rows},${clicks},${wrongTotal ? '9.99' : ((clicks / (1000 * rows)) * 100).toFixed(2)}%,${rows},${(20 * rows).toFixed(2)},2.00`;
  return ['日期,计划ID,消耗(元),展示次数,点击次数,点击率,成交订单数,成交金额(元),支付ROI', ...plans, total].join('\n');
}
