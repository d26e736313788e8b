import { QueryError, type ResultColumn, type ResultRow } from '@creator-ops/query';
import { trendChart } from '../charts';
import { cohorts } from '../analysis/cohort';
import type { ReportChart, ReportDefinition } from '../types';
import { scopedContext } from './shared';

const OFFSETS = 3;
const WINDOW_DAYS = 30;

export const cohortRetentionReport: ReportDefinition = {
  key: 'cohort_retention',
  title: { zh: '用户留存与复购（同期群）', en: 'Cohort retention and repeat purchase' },
  description: {
    zh: '按首购月份分组：首购人数、30日复购率（首购后30天内另一天再次支付的买家 ÷ 首购人数）、之后第1–3个月仍有支付的买家比例（月留存）。需要买家标识（买家ID或收件人手机号的哈希）。',
    en: 'By first-purchase month: new buyers, 30-day repeat rate (buyers paying again on a later day within 30 days ÷ new buyers), and the share still buying 1–3 months later (monthly retention). Needs a buyer key.',
  },
  standard: ['高级 2.2.3'],
  kinds: ['order'],
  params: ['preset', 'from', 'to', 'account'],
  build(report) {
    const ctx = scopedContext(report, ['order']);
    let perDay;
    try {
      perDay = ctx.query({ metrics: ['paid_orders'], dimensions: ['buyer_id', 'date:day'] });
    } catch (err) {
      // Without a buyer key (phones masked in the export) there are no cohorts to show.
      if (err instanceof QueryError && err.code === 'DIMENSION_NOT_AVAILABLE') return { kpis: [], tables: [], charts: [] };
      throw err;
    }
    const days = new Map<string, string[]>();
    for (const r of perDay.rows) {
      if (r.buyer_id === null || !((r.paid_orders as number) > 0)) continue;
      const key = String(r.buyer_id);
      days.set(key, [...(days.get(key) ?? []), String(r['date:day'])]);
    }
    const rows = cohorts(days, WINDOW_DAYS, OFFSETS);
    if (!rows.length) return { kpis: [], tables: [], charts: [] };
    const pct = (key: string, zh: string, en: string): ResultColumn => ({ key, label: { zh, en }, role: 'metric', unit: 'percent', decimals: 2 });
    const columns: ResultColumn[] = [
      { key: 'month', label: { zh: '首购月', en: 'First month' }, role: 'dimension' },
      { key: 'buyers', label: { zh: '首购人数', en: 'New buyers' }, role: 'metric', unit: 'count', decimals: 0 },
      { key: 'repeaters', label: { zh: '30日复购人数', en: '30-day repeaters' }, role: 'metric', unit: 'count', decimals: 0 },
      {
        ...pct('repeat_rate', '30日复购率', '30-day repeat rate'),
        formula: { zh: '30日内另一天再次支付的买家 ÷ 首购人数', en: 'buyers paying again on a later day within 30 days ÷ new buyers' },
      },
      ...Array.from({ length: OFFSETS }, (_, k) => pct(`m${k + 1}`, `第${k + 1}月留存`, `Month ${k + 1}`)),
    ];
    const table: ResultRow[] = rows.map((r) => ({
      month: r.month,
      buyers: r.buyers,
      repeaters: r.repeaters,
      repeat_rate: r.buyers ? r.repeaters / r.buyers : null,
      ...Object.fromEntries(r.retained.map((n, k) => [`m${k + 1}`, r.buyers ? n / r.buyers : null])),
    }));
    const categories = Array.from({ length: OFFSETS }, (_, k) => (ctx.locale === 'en' ? `M+${k + 1}` : `第${k + 1}月`));
    const chart: ReportChart = {
      id: 'retention_curves',
      title: { zh: '各首购月的月留存', en: 'Monthly retention by cohort' },
      option: trendChart(
        {
          title: { zh: '各首购月的月留存', en: 'Monthly retention by cohort' },
          categoryAxis: { zh: '首购后', en: 'After first purchase' },
          categories,
          series: table.map((r) => ({
            key: String(r.month),
            label: { zh: String(r.month), en: String(r.month) },
            unit: 'percent',
            decimals: 2,
            type: 'line' as const,
            values: categories.map((_, k) => r[`m${k + 1}`] as number | null),
          })),
        },
        ctx.locale,
      ),
    };
    return { kpis: [], tables: [{ id: 'cohorts', title: { zh: '同期群', en: 'Cohorts' }, columns, rows: table }], charts: [chart] };
  },
};
