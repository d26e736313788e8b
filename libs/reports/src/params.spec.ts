import { buildTables } from './testing/tables';
import { resolveParams, ReportParamError } from './params';

// Ad data from 2025-12-20 (earliest) to 2026-01-10 (latest); the period is counted back from the latest day, not today.
const winter = () =>
  buildTables({
    ad: [
      { date: '2025-12-20', cost: 1 },
      { date: '2026-01-10', cost: 2 },
    ],
  });
// Ad data from 2026-10-03 to 2026-11-14.
const autumn = () =>
  buildTables({
    ad: [
      { date: '2026-10-03', cost: 1 },
      { date: '2026-11-14', cost: 2 },
    ],
  });

const period = (input: Parameters<typeof resolveParams>[0], tables = autumn()) => {
  const p = resolveParams(input, tables, ['ad']);
  return [p.preset, p.from, p.to];
};

describe('resolveParams', () => {
  it('defaults to the 30 days ending on the latest date in the data', () => {
    // 2026-11-14 − 29 days = 2026-10-16.
    expect(period({})).toEqual(['last30', '2026-10-16', '2026-11-14']);
  });

  it('counts presets back from the latest date in the data', () => {
    expect(period({ preset: 'last7' })).toEqual(['last7', '2026-11-08', '2026-11-14']);
    expect(period({ preset: 'this_month' })).toEqual(['this_month', '2026-11-01', '2026-11-14']);
    expect(period({ preset: 'last_month' })).toEqual(['last_month', '2026-10-01', '2026-10-31']);
    expect(period({ preset: 'all' })).toEqual(['all', '2026-10-03', '2026-11-14']);
  });

  it('takes last month across a year end: latest day 2026-01-10 -> all of December 2025', () => {
    expect(period({ preset: 'last_month' }, winter())).toEqual(['last_month', '2025-12-01', '2025-12-31']);
    expect(period({ preset: 'last7' }, winter())).toEqual(['last7', '2026-01-04', '2026-01-10']);
  });

  it('uses a custom period as given, an open end running to the data', () => {
    expect(period({ from: '2026-10-05', to: '2026-10-09' })).toEqual(['custom', '2026-10-05', '2026-10-09']);
    expect(period({ preset: 'custom', from: '2026-10-05' })).toEqual(['custom', '2026-10-05', '2026-11-14']);
    expect(period({ to: '2026-10-09' })).toEqual(['custom', '2026-10-03', '2026-10-09']);
  });

  it("counts back from the workspace's last data day, whichever kind the report reads (one window on every page)", () => {
    // Ads end 2026-11-14, account stats end 2026-11-02: 近30天 is 10-16..11-14 for both reports.
    const mixed = buildTables({
      ad: [
        { date: '2026-10-03', cost: 1 },
        { date: '2026-11-14', cost: 2 },
      ],
      account: [
        { date: '2026-09-01', account: 'A', plays: 1 },
        { date: '2026-11-02', account: 'A', plays: 2 },
      ],
    });
    const forAccount = resolveParams({}, mixed, ['account']);
    const forAds = resolveParams({}, mixed, ['ad']);
    expect([forAccount.from, forAccount.to]).toEqual(['2026-10-16', '2026-11-14']);
    expect([forAds.from, forAds.to]).toEqual([forAccount.from, forAccount.to]);
  });

  it('has no period when the workspace has no data of the kinds', () => {
    expect(period({}, buildTables({}))).toEqual(['last30', null, null]);
  });

  it('defaults the rest: day granularity, previous-period comparison, top 10, no margin, reference = period end', () => {
    const p = resolveParams({ preset: 'last_month' }, autumn(), ['ad']);
    expect(p).toMatchObject({
      granularity: 'day',
      compare: 'previous_period',
      top: 10,
      gross_margin: null,
      reference_date: '2026-10-31',
      account: null,
      locale: 'zh-CN',
    });
    expect(resolveParams({ compare: 'none', account: '  店铺A ', reference_date: '2026-10-20' }, autumn(), ['ad'])).toMatchObject({
      compare: null,
      account: '店铺A',
      reference_date: '2026-10-20',
    });
  });

  it.each([
    [{ from: '2026-10-09', to: '2026-10-05' }, 'from'],
    [{ from: '2026/10/05' }, 'from'],
    [{ to: '2026-02-30' }, 'to'],
    [{ top: 0 }, 'top'],
    [{ top: 2.5 }, 'top'],
    [{ gross_margin: 0 }, 'gross_margin'],
    [{ gross_margin: 1.2 }, 'gross_margin'],
    [{ granularity: 'year' }, 'granularity'],
    [{ compare: 'yesterday' }, 'compare'],
    [{ preset: 'next_week' }, 'preset'],
  ])('rejects %j naming the parameter %s', (input, param) => {
    try {
      resolveParams(input as never, autumn(), ['ad']);
      throw new Error('expected a ReportParamError');
    } catch (err) {
      expect(err).toBeInstanceOf(ReportParamError);
      expect((err as ReportParamError).param).toBe(param);
    }
  });
});
