import type { Label } from '@creator-ops/schemas';
import type { MetricDef, MetricUnit } from '../types';
import { sumBuilder } from './builders';

const AD = ['初级 4.3', '中级 4.3', '高级 4.1.1'];
const ROI = [...AD, '高级 4.2.2', '高级 3.1.1'];

const sum = sumBuilder({ kinds: ['ad'], standard: AD }, (zh, en) => ({ zh: `广告报表中${zh}之和`, en: `Sum of ${en} in ad reports` }));

/** A ratio of ad sums (ratio of sums at every grouping); its formula is generated from `expr`. */
const ratio = (def: { key: string; expr: string; label: Label; unit: MetricUnit; direction: 'up' | 'down'; standard?: string[] }): MetricDef => ({
  ...def,
  description: {
    zh: `${def.label.zh} = {formula}（按汇总值计算，不是各行比率的平均）`,
    en: `${def.label.en} = {formula} (ratio of sums, never a mean of row ratios)`,
  },
  kind: 'ratio',
  decimals: 2,
  kinds: ['ad'],
  standard: def.standard ?? AD,
});

export const AD_METRICS: MetricDef[] = [
  { ...sum('impressions', 'impressions', '展示数', 'Impressions') },
  { ...sum('clicks', 'clicks', '点击数', 'Clicks') },
  { ...sum('cost', 'cost', '消耗', 'Cost', 'money'), direction: 'down' },
  { ...sum('conversions', 'conversions', '转化数', 'Conversions') },
  { ...sum('ad_orders', 'orders', '成交订单数(广告)', 'Ad orders'), term: { zh: '成交订单数', en: 'ad orders' } },
  { ...sum('ad_gmv', 'gmv', '成交金额(广告)', 'Ad GMV', 'money'), term: { zh: '成交金额', en: 'ad GMV' } },
  { ...sum('ad_net_gmv', 'net_gmv', '净成交金额(广告)', 'Ad net GMV', 'money'), term: { zh: '净成交金额', en: 'ad net GMV' } },
  { ...sum('ad_net_orders', 'net_orders', '净成交订单数(广告)', 'Ad net orders') },
  { ...sum('ad_plays', 'plays', '播放数(广告)', 'Ad plays') },
  { ...sum('ad_new_followers', 'new_followers', '新增粉丝数(广告)', 'Ad new followers') },
  ratio({ key: 'ctr', expr: 'clicks / impressions', label: { zh: '点击率', en: 'CTR' }, unit: 'percent', direction: 'up' }),
  ratio({ key: 'cvr', expr: 'conversions / clicks', label: { zh: '转化率', en: 'CVR' }, unit: 'percent', direction: 'up' }),
  ratio({ key: 'order_cvr', expr: 'ad_orders / clicks', label: { zh: '成交转化率', en: 'Order conversion rate' }, unit: 'percent', direction: 'up' }),
  ratio({ key: 'cpc', expr: 'cost / clicks', label: { zh: '平均点击单价', en: 'CPC' }, unit: 'money', direction: 'down' }),
  ratio({ key: 'cpm', expr: 'cost / impressions * 1000', label: { zh: '千次展示费用', en: 'CPM' }, unit: 'money', direction: 'down' }),
  ratio({ key: 'cpa', expr: 'cost / conversions', label: { zh: '转化成本', en: 'CPA' }, unit: 'money', direction: 'down' }),
  ratio({
    key: 'cost_per_order',
    expr: 'cost / ad_orders',
    label: { zh: '成交订单成本', en: 'Cost per order' },
    unit: 'money',
    direction: 'down',
    standard: ROI,
  }),
  {
    ...ratio({ key: 'roi', expr: 'ad_gmv / cost', label: { zh: '支付ROI（投产比）', en: 'ROI' }, unit: 'multiple', direction: 'up', standard: ROI }),
    term: { zh: '支付ROI', en: 'ROI' },
  },
  ratio({ key: 'net_roi', expr: 'ad_net_gmv / cost', label: { zh: '净成交ROI', en: 'Net ROI' }, unit: 'multiple', direction: 'up', standard: ROI }),
  // Ignores the margin, so it is named for what it is (a plan with 毛ROI−1 of 2.01 can still lose money);
  // the margin-aware figure is margin_profit_roi below.
  {
    ...ratio({
      key: 'profit_roi',
      expr: '(ad_gmv - cost) / cost',
      label: { zh: '毛ROI−1', en: 'Gross ROI − 1' },
      unit: 'multiple',
      direction: 'up',
      standard: ROI,
    }),
    kind: 'derived',
    formulaNote: { zh: '，未计毛利', en: ', margin ignored' },
  },
  {
    key: 'breakeven_roi',
    label: { zh: '保本ROI', en: 'Break-even ROI' },
    description: {
      zh: '投产比达到该值时广告不亏不赚：{formula}（毛利率作为查询参数 gross_margin 给出）',
      en: 'The ROI at which ads break even: {formula} (given as the query parameter gross_margin)',
    },
    kind: 'derived',
    // Shown as 1 ÷ 毛利率 inside other formulas (支付ROI − 1 ÷ 毛利率).
    inlineInFormulas: true,
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
    description: {
      zh: '每花 1 元广告费赚回的毛利润：大于 0 盈利，小于 0 亏损（与保本ROI的判断一致）',
      en: 'Gross profit earned per unit of ad cost: above 0 the ads make money, below 0 they lose it (the same verdict as break-even ROI)',
    },
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
    kind: 'derived',
    expr: 'roi - breakeven_roi',
    unit: 'multiple',
    decimals: 2,
    direction: 'up',
    kinds: ['ad'],
    standard: ['高级 4.2.2'],
  },
];
