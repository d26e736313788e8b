import type { MetricDef } from '../types';

export const CROSS_METRICS: MetricDef[] = [
  {
    key: 'gpm',
    label: { zh: '千次观看成交金额（GPM）', en: 'GPM' },
    description: {
      zh: '店铺成交金额 ÷ 账号播放量 × 1000，按账号和日期关联订单与账号数据',
      en: 'Shop GMV ÷ account plays × 1000, joining orders and account stats on account and date',
    },
    kind: 'derived',
    expr: 'gmv / plays * 1000',
    crossKind: true,
    unit: 'money',
    decimals: 2,
    direction: 'up',
    kinds: ['order', 'account', 'content'],
    standard: ['中级 3.1.7', '高级 3.1.4'],
  },
  {
    key: 'ad_gmv_share',
    label: { zh: '广告成交占比', en: 'Ad share of GMV' },
    description: { zh: '广告成交金额 ÷ 店铺成交金额', en: 'Ad-attributed GMV ÷ shop GMV' },
    // 成交金额 alone is the shop's here.
    formulaTerms: { ad_gmv: { zh: '广告成交金额', en: 'ad GMV' } },
    kind: 'derived',
    expr: 'ad_gmv / gmv',
    crossKind: true,
    unit: 'percent',
    decimals: 2,
    direction: 'up',
    kinds: ['ad', 'order'],
    standard: ['高级 4.1.1', '高级 3.1.1'],
  },
];
