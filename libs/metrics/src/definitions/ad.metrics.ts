import type { MetricDef } from '../types';

const AD = ['初级 4.3', '中级 4.3', '高级 4.1.1'];
const ROI = [...AD, '高级 4.2.2', '高级 3.1.1'];

const sum = (key: string, field: string, zh: string, en: string, unit: MetricDef['unit'] = 'count'): MetricDef => ({
  key,
  label: { zh, en },
  description: { zh: `广告报表中${zh}之和`, en: `Sum of ${en.toLowerCase()} in ad reports` },
  formula: { zh: `Σ ${zh}`, en: `Σ ${en.toLowerCase()}` },
  kind: 'sum',
  field,
  unit,
  decimals: unit === 'money' ? 2 : 0,
  direction: 'up',
  kinds: ['ad'],
  standard: AD,
});

const ratio = (key: string, expr: string, zh: string, en: string, formulaZh: string, formulaEn: string, unit: MetricDef['unit'], direction: 'up' | 'down', standard = AD): MetricDef => ({
  key,
  label: { zh, en },
  description: { zh: `${zh} = ${formulaZh}（按汇总值计算，不是各行比率的平均）`, en: `${en} = ${formulaEn} (ratio of sums, never a mean of row ratios)` },
  formula: { zh: formulaZh, en: formulaEn },
  kind: 'ratio',
  expr,
  unit,
  decimals: unit === 'percent' ? 2 : 2,
  direction,
  kinds: ['ad'],
  standard,
});

export const AD_METRICS: MetricDef[] = [
  { ...sum('impressions', 'impressions', '展示数', 'Impressions') },
  { ...sum('clicks', 'clicks', '点击数', 'Clicks') },
  { ...sum('cost', 'cost', '消耗', 'Cost', 'money'), direction: 'down' },
  { ...sum('conversions', 'conversions', '转化数', 'Conversions') },
  { ...sum('ad_orders', 'orders', '成交订单数(广告)', 'Ad orders') },
  { ...sum('ad_gmv', 'gmv', '成交金额(广告)', 'Ad GMV', 'money') },
  { ...sum('ad_plays', 'plays', '播放数(广告)', 'Ad plays') },
  { ...sum('ad_new_followers', 'new_followers', '新增粉丝数(广告)', 'Ad new followers') },
  ratio('ctr', 'clicks / impressions', '点击率', 'CTR', '点击数 ÷ 展示数', 'clicks ÷ impressions', 'percent', 'up'),
  ratio('cvr', 'conversions / clicks', '转化率', 'CVR', '转化数 ÷ 点击数', 'conversions ÷ clicks', 'percent', 'up'),
  ratio('order_cvr', 'ad_orders / clicks', '成交转化率', 'Order conversion rate', '成交订单数 ÷ 点击数', 'ad orders ÷ clicks', 'percent', 'up'),
  ratio('cpc', 'cost / clicks', '平均点击单价', 'CPC', '消耗 ÷ 点击数', 'cost ÷ clicks', 'money', 'down'),
  ratio('cpm', 'cost / impressions * 1000', '千次展示费用', 'CPM', '消耗 ÷ 展示数 × 1000', 'cost ÷ impressions × 1000', 'money', 'down'),
  ratio('cpa', 'cost / conversions', '转化成本', 'CPA', '消耗 ÷ 转化数', 'cost ÷ conversions', 'money', 'down'),
  ratio('cost_per_order', 'cost / ad_orders', '成交订单成本', 'Cost per order', '消耗 ÷ 成交订单数', 'cost ÷ ad orders', 'money', 'down', ROI),
  ratio('roi', 'ad_gmv / cost', '支付ROI（投产比）', 'ROI', '成交金额 ÷ 消耗', 'ad GMV ÷ cost', 'multiple', 'up', ROI),
  // Ignores the margin, so it is named for what it is (a plan with 毛ROI−1 of 2.01 can still lose money);
  // the margin-aware figure is margin_profit_roi below.
  { ...ratio('profit_roi', '(ad_gmv - cost) / cost', '毛ROI−1', 'Gross ROI − 1', '（成交金额 − 消耗）÷ 消耗，未计毛利', '(ad GMV − cost) ÷ cost, margin ignored', 'multiple', 'up', ROI), kind: 'derived' },
  {
    key: 'breakeven_roi',
    label: { zh: '保本ROI', en: 'Break-even ROI' },
    description: { zh: '投产比达到该值时广告不亏不赚：1 ÷ 毛利率（毛利率作为查询参数 gross_margin 给出）', en: 'The ROI at which ads break even: 1 ÷ gross margin (given as the query parameter gross_margin)' },
    formula: { zh: '1 ÷ 毛利率', en: '1 ÷ gross margin' },
    kind: 'derived',
    expr: '1 / gross_margin',
    unit: 'multiple',
    decimals: 2,
    direction: 'down',
    kinds: ['ad'],
    standard: ['高级 4.2.2', '高级 3.1.1'],
  },
  {
    key: 'margin_profit_roi',
    label: { zh: '利润ROI', en: 'Profit ROI' },
    description: { zh: '每花 1 元广告费赚回的毛利润：大于 0 盈利，小于 0 亏损（与保本ROI的判断一致）', en: 'Gross profit earned per unit of ad cost: above 0 the ads make money, below 0 they lose it (the same verdict as break-even ROI)' },
    formula: { zh: '（成交金额 × 毛利率 − 消耗）÷ 消耗', en: '(ad GMV × gross margin − cost) ÷ cost' },
    kind: 'derived',
    expr: '(ad_gmv * gross_margin - cost) / cost',
    unit: 'multiple',
    decimals: 2,
    direction: 'up',
    kinds: ['ad'],
    standard: ['高级 4.2.2'],
  },
  {
    key: 'roi_vs_breakeven',
    label: { zh: 'ROI 与保本ROI之差', en: 'ROI minus break-even ROI' },
    description: { zh: '大于 0 表示盈利，小于 0 表示亏损', en: 'Above 0 the ads make money; below 0 they lose it' },
    formula: { zh: '支付ROI − 1 ÷ 毛利率', en: 'ROI − 1 ÷ gross margin' },
    kind: 'derived',
    expr: 'ad_gmv / cost - 1 / gross_margin',
    unit: 'multiple',
    decimals: 2,
    direction: 'up',
    kinds: ['ad'],
    standard: ['高级 4.2.2'],
  },
];
