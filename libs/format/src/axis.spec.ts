import { compactAxisLabel, withCompactAxes } from './axis';

describe('compact axis ticks', () => {
  it('prints 万/亿 from 10,000 up and plain numbers below', () => {
    expect(compactAxisLabel(210000, 'zh-CN')).toBe('21万');
    expect(compactAxisLabel(25000, 'zh-CN')).toBe('2.5万');
    expect(compactAxisLabel(300000000, 'zh-CN')).toBe('3亿');
    expect(compactAxisLabel(5000, 'zh-CN')).toBe('5,000');
    expect(compactAxisLabel(2.5, 'zh-CN')).toBe('2.5');
    expect(compactAxisLabel(210000, 'en')).toBe('210K');
  });

  it('patches value axes only, and never rate axes', () => {
    const o = withCompactAxes(
      {
        xAxis: { type: 'category', data: ['a'] },
        yAxis: [
          { type: 'value', name: '消耗（元）' },
          { type: 'value', name: '点击率（%）' },
        ],
      },
      'zh-CN',
    );
    const [money, rate] = o.yAxis as { axisLabel?: { formatter?: (v: number) => string } }[];
    expect(money.axisLabel?.formatter?.(210000)).toBe('21万');
    expect(rate.axisLabel?.formatter).toBeUndefined();
    expect((o.xAxis as { axisLabel?: unknown }).axisLabel).toBeUndefined();
  });
});
