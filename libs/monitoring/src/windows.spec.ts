/**
 * earliestDayRead: the first day an evaluation can read. Checked two ways: the arithmetic by hand, and
 * the evaluation itself, which must raise the same alerts when every row before that day is removed.
 */
import { parseDay } from '@creator-ops/query';
import { defaultRules } from './default-rules';
import { evaluateRules } from './evaluate-rules';
import { adRow, buildTables, rule } from './testing/helpers';
import { earliestDayRead } from './windows';

const LAST = parseDay('2024-11-30');

describe('earliestDayRead', () => {
  it('the default rules (latest day against the day before) read from the day before the last', () => {
    expect(earliestDayRead(defaultRules(), LAST)).toBe(LAST - 1);
  });

  it('7 days against the 7 before read 14 days; 7 days alone 7; a fixed asOf moves the end', () => {
    const weekly = rule({ metric: 'ctr', op: 'change_pct_down', value: 0.3, window: '7d' });
    const week = rule({ metric: 'ctr', op: '<', value: 0.01, window: '7d' });
    expect(earliestDayRead([weekly, ...defaultRules()], LAST)).toBe(LAST - 13);
    expect(earliestDayRead([week], LAST)).toBe(LAST - 6);
    expect(earliestDayRead([week], LAST, LAST - 10)).toBe(LAST - 16);
  });

  it('a rule over the whole period reads every day, unless it is disabled', () => {
    const period = rule({ metric: 'roi', op: '<', value: 1, window: 'period' });
    expect(earliestDayRead([...defaultRules(), period], LAST)).toBeNull();
    expect(earliestDayRead([...defaultRules(), { ...period, enabled: false }], LAST)).toBe(LAST - 1);
  });

  it('no alert changes when the rows before that day are gone', () => {
    // 30 days of 6 plans with figures that move from day to day, so every rule has something to say.
    const rows = [];
    for (let d = 1; d <= 30; d++) {
      const date = `2024-11-${String(d).padStart(2, '0')}`;
      for (let p = 1; p <= 6; p++) {
        const wave = ((d * p) % 7) + 1;
        rows.push(
          adRow(date, `P${p}`, `计划${p}`, {
            cost: 80 + wave * 20,
            impressions: 900 + wave * 300,
            clicks: 10 + ((d + p) % 5) * wave,
            orders: (d + p) % 4,
            gmv: ((d * 7 + p) % 9) * 60,
          }),
        );
      }
    }
    const rules = [
      ...defaultRules(),
      { ...rule({ metric: 'ctr', op: 'change_pct_down', value: 0.1, window: '7d' }), id: 'weekly-ctr' },
      { ...rule({ metric: 'cpc', op: '>', value: 1, window: '7d' }), id: 'week-cpc' },
    ];
    const from = earliestDayRead(rules, LAST)!;
    expect(from).toBe(LAST - 13);
    const whole = evaluateRules(rules, buildTables({ ad: rows }));
    const recent = evaluateRules(rules, buildTables({ ad: rows.filter((r) => parseDay(String(r.date)) >= from) }));
    expect(whole.candidates.length).toBeGreaterThan(10);
    expect(recent).toEqual(whole);
    // One day fewer and the weekly comparison changes: the bound is tight.
    const short = evaluateRules(rules, buildTables({ ad: rows.filter((r) => parseDay(String(r.date)) >= from + 1) }));
    expect(short).not.toEqual(whole);
  });
});
