import { runReport } from '../run-report';
import { categoriesOf, chartOf, kpiOf, pick, seriesValues, tableOf } from '../testing/report-helpers';
import { buildTables } from '../testing/tables';

// 2026-10-05 is a Monday, 10-06 a Tuesday.
//  item order product cat  payable qty paid at           province buyer status  after-sale  refund
//  I1   O1    商品1   食品  500.00   2  10-05 10:15      广东     B1    已完成
//  I2   O2    商品2   食品  300.00   1  10-05 10:40      广东     B2    已发货
//  I3   O3    商品3   日用  100.00   1  10-06 20:00      浙江     B1    已完成  退款成功     100.00
//  I4   O4    商品4   日用   60.00   3  10-06 20:30      浙江     B3    已完成
//  I5   O4    商品5   日用   40.00   1  10-06 20:30      浙江     B3    已完成
//  I6   O5    商品1   食品  500.00   1  (closed, never paid)
const item = (
  id: string,
  order: string,
  product: string,
  category: string,
  payable: number,
  quantity: number,
  paid_at: string | null,
  province: string | null,
  buyer: string,
  status: string,
  after?: string,
  refund?: number,
) => ({
  order_item_id: id,
  order_id: order,
  product_id: `P${product.slice(-1)}`,
  product_name: product,
  category,
  payable_amount: payable,
  quantity,
  paid_at,
  province,
  buyer_id: buyer,
  status,
  after_sale_status: after ?? null,
  refund_amount: refund ?? null,
});
const ORDERS = [
  item('I1', 'O1', '商品1', '食品', 500, 2, '2026-10-05 10:15:00', '广东', 'B1', '已完成'),
  item('I2', 'O2', '商品2', '食品', 300, 1, '2026-10-05 10:40:00', '广东', 'B2', '已发货'),
  item('I3', 'O3', '商品3', '日用', 100, 1, '2026-10-06 20:00:00', '浙江', 'B1', '已完成', '退款成功', 100),
  item('I4', 'O4', '商品4', '日用', 60, 3, '2026-10-06 20:30:00', '浙江', 'B3', '已完成'),
  item('I5', 'O4', '商品5', '日用', 40, 1, '2026-10-06 20:30:00', '浙江', 'B3', '已完成'),
  item('I6', 'O5', '商品1', '食品', 500, 1, null, '江苏', 'B4', '已关闭'),
];

describe('sales_report', () => {
  const res = runReport('sales_report', buildTables({ order: ORDERS }), { from: '2026-10-05', to: '2026-10-06' });

  it('gives the sales KPIs', () => {
    // GMV 500 + 300 + 100 + 60 + 40 = 1000; paid orders O1..O4 = 4; buyers B1..B3 = 3; units 2+1+1+3+1 = 8
    expect(kpiOf(res, 'gmv').value).toBe(1000);
    expect(kpiOf(res, 'paid_orders').value).toBe(4);
    expect(kpiOf(res, 'buyers').value).toBe(3);
    expect(kpiOf(res, 'units').value).toBe(8);
    expect(kpiOf(res, 'avg_order_value').display.value).toBe('¥250.00');
    expect(kpiOf(res, 'aov').display.value).toBe('¥333.33');
    // refunds 100 / 1000 = 10%; refunded orders O3 / 4 = 25%
    expect(kpiOf(res, 'refund_rate').display.value).toBe('10.00%');
    expect(kpiOf(res, 'refund_order_rate').display.value).toBe('25.00%');
  });

  it('classes products A/B/C by cumulative GMV share (A ≤ 80%, B ≤ 95%, C the rest)', () => {
    const t = tableOf(res, 'products');
    // 500 (50%), 300 (80%: exactly the limit, still A), 100 (90%), 60 (96%), 40 (100%)
    expect(pick(t.rows, ['product_name', 'gmv', 'abc_class'])).toEqual([
      { product_name: '商品1', gmv: 500, abc_class: 'A' },
      { product_name: '商品2', gmv: 300, abc_class: 'A' },
      { product_name: '商品3', gmv: 100, abc_class: 'B' },
      { product_name: '商品4', gmv: 60, abc_class: 'C' },
      { product_name: '商品5', gmv: 40, abc_class: 'C' },
    ]);
    expect(t.rows.map((r) => r.cumulative_share)).toEqual([0.5, 0.8, 0.9, 0.96, 1]);
    expect(t.columns.find((c) => c.key === 'abc_class')).toMatchObject({ role: 'dimension' });
    const pareto = chartOf(res, 'product_pareto').option;
    expect(seriesValues(pareto, 0)).toEqual([500, 300, 100, 60, 40]);
    expect(seriesValues(pareto, 1)).toEqual([50, 80, 90, 96, 100]);
    expect(pareto.series[1].markLine.data[0].yAxis).toBe(80);
    expect(pareto.series[0].data.map((d: { itemStyle: { color: string } }) => d.itemStyle.color)).toEqual([
      '#3a7afe',
      '#3a7afe',
      '#f5a524',
      '#b6bdc9',
      '#b6bdc9',
    ]);
    expect(pareto.yAxis.map((a: { name: string }) => a.name)).toEqual(['成交金额（元）', '累计占比（%）']);
  });

  it('trends GMV and shares it by category', () => {
    const trend = chartOf(res, 'gmv_trend').option;
    expect(categoriesOf(trend)).toEqual(['2026-10-05', '2026-10-06']);
    expect(seriesValues(trend, 0)).toEqual([800, 200]);
    const pie = chartOf(res, 'category_share');
    expect(pie.title.zh).toBe('类目成交占比');
    expect(pie.option.series[0].data.map((d: { name: string; value: number; label: { formatter: string } }) => [d.name, d.value, d.label.formatter])).toEqual([
      ['食品', 800, '食品 80.00%'],
      ['日用', 200, '日用 20.00%'],
    ]);
  });

  it('puts the products beyond the top N into 其他', () => {
    const top2 = runReport('sales_report', buildTables({ order: ORDERS.map(({ category: _c, ...r }) => r) }), { from: '2026-10-05', to: '2026-10-06', top: 2 });
    const pie = chartOf(top2, 'category_share');
    expect(pie.title.zh).toBe('商品成交占比');
    // 商品3 + 商品4 + 商品5 = 100 + 60 + 40 = 200
    expect(pie.option.series[0].data.map((d: { name: string; value: number }) => [d.name, d.value])).toEqual([
      ['商品1', 500],
      ['商品2', 300],
      ['其他', 200],
    ]);
  });

  it('tabulates order status and refunds', () => {
    const t = tableOf(res, 'status_refunds');
    expect(pick(t.rows, ['status', 'after_sale_status', 'items', 'paid_orders', 'gmv', 'refund_amount'])).toEqual([
      // No refund recorded on these items (`-`): a refund of 0, not an unknown.
      { status: '已完成', after_sale_status: null, items: 3, paid_orders: 2, gmv: 600, refund_amount: 0 },
      { status: '已发货', after_sale_status: null, items: 1, paid_orders: 1, gmv: 300, refund_amount: 0 },
      { status: '已完成', after_sale_status: '退款成功', items: 1, paid_orders: 1, gmv: 100, refund_amount: 100 },
    ]);
  });

  it('maps paid orders on hour × weekday, every cell present', () => {
    const h = chartOf(res, 'order_heatmap').option;
    const cells = h.series[0].data.map((d: { value: number[] }) => d.value);
    expect(cells).toHaveLength(7 * 24);
    // Monday (row 0) 10:00: O1, O2; Tuesday (row 1) 20:00: O3, O4.
    expect(cells.filter((c: number[]) => c[2] > 0)).toEqual([
      [10, 0, 2],
      [20, 1, 2],
    ]);
    expect(h.visualMap.max).toBe(2);
    expect(h.series[0].data[10].tooltip.formatter).toBe('<b>周一 10:00–10:59</b><br/>支付订单数：2');
  });

  it('ranks provinces by GMV', () => {
    expect(pick(tableOf(res, 'provinces').rows, ['province', 'gmv', 'paid_orders', 'buyers', 'units'])).toEqual([
      { province: '广东', gmv: 800, paid_orders: 2, buyers: 2, units: 3 },
      { province: '浙江', gmv: 200, paid_orders: 2, buyers: 2, units: 5 },
    ]);
    const r = chartOf(res, 'province_ranking').option;
    expect(categoriesOf(r)).toEqual(['广东', '浙江']);
    expect(r.series[0].data.map((d: { label: { formatter: string } }) => d.label.formatter)).toEqual(['¥800.00', '¥200.00']);
  });
});
