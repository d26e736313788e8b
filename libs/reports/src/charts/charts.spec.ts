import {
  axisName,
  categoryChart,
  chartValue,
  escapeHtml,
  funnelRates,
  heatmapChart,
  labelSafe,
  paretoChart,
  shares,
  shortLabel,
  symbolSizeOf,
  tooltipText,
} from './index';

const CTR = { label: { zh: '点击率', en: 'CTR' }, unit: 'percent' as const };
const COST = { label: { zh: '消耗', en: 'Cost' }, unit: 'money' as const };

describe('axis names carry units', () => {
  it.each([
    [COST, 'zh-CN', '消耗（元）'],
    [COST, 'en', 'Cost (¥)'],
    [CTR, 'zh-CN', '点击率（%）'],
    [{ label: { zh: '支付ROI（投产比）', en: 'ROI' }, unit: 'multiple' as const }, 'zh-CN', '支付ROI（倍）'],
    [{ label: { zh: '播放量', en: 'Plays' }, unit: 'count' as const }, 'en', 'Plays (count)'],
    [{ label: { zh: '成交人数', en: 'Buyers' }, unit: 'count' as const, countUnit: { zh: '人', en: 'people' } }, 'zh-CN', '成交人数（人）'],
  ])('%j in %s -> %s', (ref, locale, name) => {
    expect(axisName([ref.label], ref, locale as 'zh-CN' | 'en')).toBe(name);
  });
});

describe('values and labels', () => {
  it('scales percents to 0..100 without float noise, keeps money in yuan, null stays null', () => {
    // 0.0321 × 100 is 3.2100000000000004 in binary floating point.
    expect(chartValue(0.0321, 'percent')).toBe(3.21);
    expect(chartValue(1234.5, 'money')).toBe(1234.5);
    expect(chartValue(null, 'percent')).toBeNull();
    expect(chartValue(Infinity, 'count')).toBeNull();
  });

  it('escapes names in HTML tooltips and braces in label templates', () => {
    expect(tooltipText('<img src=x onerror=alert(1)>', [['a&b', '¥1.00']], 'zh-CN')).toBe('<b>&lt;img src=x onerror=alert(1)&gt;</b><br/>a&amp;b：¥1.00');
    expect(escapeHtml(`"'{b}`)).toBe('&quot;&#39;&#123;b&#125;');
    expect(labelSafe('{a}')).toBe('｛a｝');
    expect(shortLabel('第一行很长很长很长很长很长很长很长的标题\n第二行', 8)).toBe('第一行很长很长很…');
    expect(shortLabel(null)).toBe('-');
  });

  it('computes shares of the positive total, funnel rates and symbol sizes', () => {
    expect(shares([{ value: 30 }, { value: 10 }, { value: null }, { value: -5 }])).toEqual([0.75, 0.25, null, null]);
    expect(funnelRates([{ value: 1000 }, { value: 50 }, { value: 0 }, { value: 0 }])).toEqual([
      { step: null, overall: null },
      { step: 0.05, overall: 0.05 },
      { step: 0, overall: 0 },
      { step: null, overall: 0 },
    ]);
    // 8 + 40 × √(25 / 100) = 28
    expect([symbolSizeOf(100, 100), symbolSizeOf(25, 100), symbolSizeOf(null, 100), symbolSizeOf(5, 0)]).toEqual([48, 28, 8, 8]);
  });
});

describe('category chart', () => {
  const option = categoryChart(
    {
      title: { zh: '消耗与点击率', en: 'Cost and CTR' },
      categoryAxis: { zh: '日期', en: 'Date' },
      categories: ['2026-10-01', '2026-10-02'],
      series: [
        { key: 'cost', ...COST, type: 'bar', values: [1234.5, null] },
        { key: 'ctr', ...CTR, axis: 1, values: [0.0321, 0.05] },
      ],
    },
    'en',
  ) as Record<string, any>;

  it('puts each unit on its own axis with the unit in the name', () => {
    expect(option.yAxis.map((a: { name: string }) => a.name)).toEqual(['Cost (¥)', 'CTR (%)']);
    expect(option.series.map((s: { yAxisIndex: number }) => s.yAxisIndex)).toEqual([0, 1]);
    expect(option.legend.data).toEqual(['Cost', 'CTR']);
    expect(option.title.text).toBe('Cost and CTR');
  });

  it('gives each item its formatted value for the tooltip', () => {
    expect(option.series[0].data).toEqual([
      { value: 1234.5, tooltip: { formatter: '<b>2026-10-01</b><br/>Cost: ¥1,234.50' } },
      { value: null, tooltip: { formatter: '<b>2026-10-02</b><br/>Cost: -' } },
    ]);
    expect(option.series[1].data[0]).toEqual({ value: 3.21, tooltip: { formatter: '<b>2026-10-01</b><br/>CTR: 3.21%' } });
  });

  it('refuses two units on one axis', () => {
    expect(() =>
      categoryChart(
        {
          title: { zh: 'x', en: 'x' },
          categoryAxis: { zh: 'x', en: 'x' },
          categories: [],
          series: [
            { key: 'cost', ...COST, values: [] },
            { key: 'ctr', ...CTR, values: [] },
          ],
        },
        'zh-CN',
      ),
    ).toThrow(/share a unit/);
  });
});

describe('pareto and heatmap', () => {
  it('colours bars by ABC class and draws the 80% line on the cumulative axis', () => {
    const option = paretoChart(
      {
        title: { zh: '帕累托', en: 'Pareto' },
        categoryAxis: { zh: '商品', en: 'Product' },
        metric: { label: { zh: '成交金额', en: 'GMV' }, unit: 'money' },
        items: [
          { name: 'a', value: 80, cumulativeShare: 0.8, cls: 'A' },
          { name: 'b', value: 20, cumulativeShare: 1, cls: 'C' },
        ],
        thresholds: [{ value: 0.8, label: { zh: 'A/B 分界', en: 'A/B limit' } }],
      },
      'zh-CN',
    ) as Record<string, any>;
    expect(option.series[1].data.map((d: { value: number }) => d.value)).toEqual([80, 100]);
    expect(option.series[1].markLine.data[0]).toMatchObject({ yAxis: 80, label: { formatter: 'A/B 分界 80.00%' } });
    expect(option.series[0].data[1].tooltip.formatter).toBe('<b>b</b><br/>成交金额：¥20.00<br/>累计占比：100.00%<br/>ABC分类：C');
    expect(option.yAxis[1]).toMatchObject({ min: 0, max: 100, name: '累计占比（%）' });
  });

  it('places cells at [hour, weekday − 1] and names the colour scale with its unit', () => {
    const option = heatmapChart(
      {
        title: { zh: '热力图', en: 'Heatmap' },
        metric: { label: { zh: '支付订单数', en: 'Paid orders' }, unit: 'count', countUnit: { zh: '单', en: 'orders' } },
        cells: [{ hour: 23, weekday: 7, value: 4 }],
      },
      'en',
    ) as Record<string, any>;
    expect(option.series[0].data[0].value).toEqual([23, 6, 4]);
    expect(option.yAxis.data[6]).toBe('Sun');
    expect(option.visualMap).toMatchObject({ min: 0, max: 4, text: ['Paid orders (orders)', ''] });
    expect(option.xAxis.name).toBe('Hour (h)');
  });
});
