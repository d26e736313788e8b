import { runReport } from '../run-report';
import { categoriesOf, chartOf, kpiOf, pick, seriesValues, tableOf } from '../testing/report-helpers';
import { buildTables } from '../testing/tables';

//  day    product  score logistics service content
//  10-01  坚果      5     5         5       好吃
//  10-01  坚果      4     -         4       还行
//  10-02  坚果      1     2         1       有异味，质量差
//  10-02  咖啡      2     1         3       快递太慢，包装破损
//  10-03  咖啡      3     3         3       一般
//  10-03  咖啡      1     4         2       -            (no text)
//  10-03  咖啡      -     5         5       默认好评     (no product score)
// scored 6: good (4–5) 2, neutral 1, bad (1–2) 3; avg product (5+4+1+2+3+1)/6 = 16/6
// logistics over 6 with a value: (5+2+1+3+4+5)/6 = 20/6; service over 7: (5+4+1+3+3+2+5)/7 = 23/7
const r = (
  reviewed_at: string,
  product_name: string,
  product_score: number | null,
  logistics_score: number | null,
  service_score: number | null,
  content: string | null,
  i: number,
) => ({ order_item_id: String(i), reviewed_at, product_name, product_score, logistics_score, service_score, content });
const REVIEWS = [
  r('2026-10-01 10:00:00', '坚果', 5, 5, 5, '好吃', 1),
  r('2026-10-01 11:00:00', '坚果', 4, null, 4, '还行', 2),
  r('2026-10-02 10:00:00', '坚果', 1, 2, 1, '有异味，质量差', 3),
  r('2026-10-02 12:00:00', '咖啡', 2, 1, 3, '快递太慢，包装破损', 4),
  r('2026-10-03 09:00:00', '咖啡', 3, 3, 3, '一般', 5),
  r('2026-10-03 10:00:00', '咖啡', 1, 4, 2, null, 6),
  r('2026-10-03 11:00:00', '咖啡', null, 5, 5, '默认好评', 7),
];

describe('review_analysis', () => {
  const res = runReport('review_analysis', buildTables({ review: REVIEWS }), { from: '2026-10-01', to: '2026-10-03', granularity: 'day' });

  it('gives the rates over scored reviews and the averages over reviews with that score', () => {
    expect(kpiOf(res, 'reviews').value).toBe(7);
    expect(kpiOf(res, 'good_review_rate').value).toBeCloseTo(2 / 6, 12);
    expect(kpiOf(res, 'bad_review_rate').display.value).toBe('50.00%');
    expect(kpiOf(res, 'avg_product_score').value).toBeCloseTo(16 / 6, 12);
    expect(kpiOf(res, 'avg_logistics_score').value).toBeCloseTo(20 / 6, 12);
    expect(kpiOf(res, 'avg_service_score').value).toBeCloseTo(23 / 7, 12);
  });

  it('tables each product', () => {
    const t = tableOf(res, 'products');
    // 咖啡: 4 reviews, 3 scored: good 0, neutral 1, bad 2; 坚果: 3 reviews, good 2, bad 1
    expect(pick(t.rows, ['product_name', 'reviews', 'good_reviews', 'neutral_reviews', 'bad_reviews'])).toEqual([
      { product_name: '咖啡', reviews: 4, good_reviews: 0, neutral_reviews: 1, bad_reviews: 2 },
      { product_name: '坚果', reviews: 3, good_reviews: 2, neutral_reviews: 0, bad_reviews: 1 },
    ]);
    expect(t.rows[0].bad_review_rate).toBeCloseTo(2 / 3, 12);
    expect(t.rows[1].avg_product_score).toBeCloseTo(10 / 3, 12);
  });

  it('counts reviews per score', () => {
    const c = chartOf(res, 'score_distribution').option;
    expect(categoriesOf(c)).toEqual(['1星', '2星', '3星', '4星', '5星']);
    expect(seriesValues(c)).toEqual([2, 1, 1, 1, 1]);
  });

  it('sorts negative reviews into keyword reasons (one review may have two), the rest under 其他', () => {
    // bad: 有异味，质量差 -> 质量问题; 快递太慢，包装破损 -> 质量问题 (破损), 物流慢, 包装问题; (no text) -> 其他
    const t = tableOf(res, 'bad_reasons');
    expect(pick(t.rows, ['reason', 'bad_reviews'])).toEqual([
      { reason: '质量问题', bad_reviews: 2 },
      { reason: '物流慢', bad_reviews: 1 },
      { reason: '包装问题', bad_reviews: 1 },
      { reason: '其他', bad_reviews: 1 },
    ]);
    expect(t.rows[0].share).toBeCloseTo(2 / 3, 12);
    expect(t.totals?.bad_reviews).toBe(3);
  });

  it('trends reviews and the positive rate by day', () => {
    const c = chartOf(res, 'good_rate_trend').option;
    expect(categoriesOf(c)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03']);
    // 10-01: 2 of 2 good; 10-02: 0 of 2; 10-03: 0 of 2 scored
    expect([seriesValues(c, 0), seriesValues(c, 1)]).toEqual([
      [2, 2, 3],
      [100, 0, 0],
    ]);
  });
});
