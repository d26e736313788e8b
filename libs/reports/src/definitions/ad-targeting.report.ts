import type { Label } from '@creator-ops/schemas';
import { rankingChart } from '../charts';
import type { ReportChart, ReportDefinition, ReportTable } from '../types';
import { categoryName, chartOf, measureOf, numberOf, queryFirstAvailable, scopedContext, tableFrom, withoutEmptyMetrics } from './shared';
import { present } from './trends';

const METRICS = ['cost', 'impressions', 'clicks', 'conversions', 'ctr', 'cvr', 'cpa', 'ad_gmv', 'roi'];

/** Each segment an ad export may carry (人群、定向、创意、落地页) and its table. */
const SEGMENTS: { dims: string[]; id: string; title: Label }[] = [
  { dims: ['audience'], id: 'audience', title: { zh: '定向人群包', en: 'Audience packs' } },
  { dims: ['gender', 'age_band'], id: 'gender_age', title: { zh: '性别 × 年龄', en: 'Gender × age' } },
  { dims: ['gender'], id: 'gender', title: { zh: '性别', en: 'Gender' } },
  { dims: ['age_band'], id: 'age', title: { zh: '年龄', en: 'Age' } },
  { dims: ['region'], id: 'region', title: { zh: '地域', en: 'Region' } },
  { dims: ['material'], id: 'creative', title: { zh: '素材/创意', en: 'Creatives' } },
  { dims: ['landing_page'], id: 'landing_page', title: { zh: '落地页', en: 'Landing pages' } },
];

export const adTargetingReport: ReportDefinition = {
  key: 'ad_targeting',
  title: { zh: '人群定向、创意与落地页', en: 'Targeting, creatives and landing pages' },
  description: {
    zh: '按导出中有的维度（定向人群包、性别、年龄、地域、素材、落地页）汇总消耗、CTR、CVR、转化成本与ROI（按汇总值计算），并按转化成本排出人群包、素材和落地页，作为定向与创意优化的依据。',
    en: 'By every segment the export carries (audience pack, gender, age, region, creative, landing page): cost, CTR, CVR, CPA and ROI (ratios of sums), with audience packs, creatives and landing pages ranked by CPA.',
  },
  standard: ['初级 4.3.2', '初级 4.3.3', '中级 4.3.1', '中级 4.3.2', '中级 4.3.3'],
  kinds: ['ad'],
  params: ['preset', 'from', 'to', 'account', 'top'],
  build(report) {
    const ctx = scopedContext(report, ['ad']);
    const tables: ReportTable[] = [];
    const charts: (ReportChart | null)[] = [];
    for (const s of SEGMENTS) {
      const found = queryFirstAvailable(ctx, [s.dims], { metrics: METRICS, sort: [{ key: 'cost', dir: 'desc' }] });
      if (!found || !found.result.rows.length || !s.dims.every((d) => found.result.rows.some((r) => r[d] !== null))) continue;
      const result = withoutEmptyMetrics(found.result);
      tables.push(tableFrom(s.id, s.title, result));
      if (s.dims.length === 1 && result.columns.some((c) => c.key === 'cpa') && ['audience', 'creative', 'landing_page'].includes(s.id)) {
        const ranked = result.rows
          .filter((r) => numberOf(r.cpa) !== null)
          .sort((a, b) => (a.cpa as number) - (b.cpa as number))
          .slice(0, ctx.params.top);
        charts.push(
          chartOf(`${s.id}_cpa`, { zh: `${s.title.zh}转化成本（低者在上）`, en: `${s.title.en} by CPA (lowest first)` }, (title) =>
            rankingChart(
              {
                title,
                categoryAxis: s.title,
                metric: measureOf(result, 'cpa'),
                items: ranked.map((r) => ({ name: categoryName(r[s.dims[0]], ctx.locale), value: numberOf(r.cpa) })),
              },
              ctx.locale,
            ),
          ),
        );
      }
    }
    return { kpis: [], tables, charts: present(charts) };
  },
};
