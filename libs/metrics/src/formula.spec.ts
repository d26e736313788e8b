import { parseExpression } from './expression';
import { defaultTerm, renderFormula, type FormulaTerm } from './formula';
import { evaluateFromParams, metricRegistry } from './registry';

const names: Record<string, FormulaTerm> = {
  a: { name: { zh: '甲', en: 'alpha' } },
  b: { name: { zh: '乙', en: 'beta' } },
  c: { name: { zh: '丙', en: 'gamma' } },
  both: { expr: parseExpression('a + b') },
};
const show = (expr: string) => ({
  zh: renderFormula(parseExpression(expr), (k) => names[k], 'zh'),
  en: renderFormula(parseExpression(expr), (k) => names[k], 'en'),
});

describe('renderFormula', () => {
  it('writes operators as people do and keeps only the parentheses precedence needs', () => {
    expect(show('a / b * 1000')).toEqual({ zh: '甲 ÷ 乙 × 1000', en: 'alpha ÷ beta × 1000' });
    expect(show('(a - b) / b')).toEqual({ zh: '（甲 − 乙）÷ 乙', en: '(alpha − beta) ÷ beta' });
    expect(show('a / (b / c)')).toEqual({ zh: '甲 ÷（乙 ÷ 丙）', en: 'alpha ÷ (beta ÷ gamma)' });
    expect(show('a - b / c')).toEqual({ zh: '甲 − 乙 ÷ 丙', en: 'alpha − beta ÷ gamma' });
  });

  it('shows an inlined input as its own expression, parenthesised only when it binds more loosely', () => {
    expect(show('c / both')).toEqual({ zh: '丙 ÷（甲 + 乙）', en: 'gamma ÷ (alpha + beta)' });
    expect(show('both - c')).toEqual({ zh: '甲 + 乙 − 丙', en: 'alpha + beta − gamma' });
  });

  it('lower-cases a label for running English text unless it starts with an acronym', () => {
    expect(defaultTerm({ zh: '成交金额(广告)', en: 'Ad GMV' }).en).toBe('ad GMV');
    expect(defaultTerm({ zh: 'SKU数', en: 'SKUs' }).en).toBe('SKUs');
  });
});

describe('registry formulas', () => {
  const r = metricRegistry();
  it('generates every derived formula from its expression (texts as shown before they were generated)', () => {
    expect(r.metrics.get('ctr')!.formula).toEqual({ zh: '点击数 ÷ 展示数', en: 'clicks ÷ impressions' });
    expect(r.metrics.get('profit_roi')!.formula).toEqual({ zh: '（成交金额 − 消耗）÷ 消耗，未计毛利', en: '(ad GMV − cost) ÷ cost, margin ignored' });
    expect(r.metrics.get('sell_through_rate')!.formula).toEqual({ zh: '出库数量 ÷（出库数量 + 可售库存）', en: 'stock out ÷ (stock out + available)' });
    expect(r.metrics.get('xt_cpe')!.formula).toEqual({ zh: '订单金额 ÷（点赞 + 评论 + 分享）', en: 'order amount ÷ (likes + comments + shares)' });
    expect(r.metrics.get('ad_gmv_share')!.formula).toEqual({ zh: '广告成交金额 ÷ 成交金额', en: 'ad GMV ÷ GMV' });
    expect(r.metrics.get('ctr')!.description.zh).toBe('点击率 = 点击数 ÷ 展示数（按汇总值计算，不是各行比率的平均）');
  });

  it('defines roi_vs_breakeven by reference to roi and breakeven_roi', () => {
    const m = r.metrics.get('roi_vs_breakeven')!;
    expect(m.inputs).toEqual(['roi', 'breakeven_roi']);
    expect(m.formula).toEqual({ zh: '支付ROI − 1 ÷ 毛利率', en: 'ROI − 1 ÷ gross margin' });
  });
});

describe('evaluateFromParams', () => {
  it('computes break-even ROI from the gross margin by the registry expression (1 ÷ 0.25 = 4)', () => {
    expect(evaluateFromParams('breakeven_roi', { gross_margin: 0.25 })).toBe(4);
    expect(evaluateFromParams('breakeven_roi', {})).toBeNull();
    expect(() => evaluateFromParams('ctr', {})).toThrow(/parameters alone/);
  });
});
