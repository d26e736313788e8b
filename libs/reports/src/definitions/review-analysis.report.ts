import type { QueryResult, ResultColumn, ResultRow } from '@creator-ops/query';
import { groupedBarChart, rankingChart } from '../charts';
import { buildKpis } from '../kpis';
import type { ReportChart, ReportContext, ReportDefinition, ReportTable } from '../types';
import { OTHER_REASON, REVIEW_REASONS } from './review-reasons';
import { categoryName, chartOf, measureOf, numberOf, scopedContext, seriesOf, tableFrom, withoutEmptyMetrics } from './shared';
import { dateTrend, present } from './trends';

const PRODUCT_METRICS = [
  'reviews',
  'good_reviews',
  'good_review_rate',
  'neutral_reviews',
  'bad_reviews',
  'bad_review_rate',
  'avg_product_score',
  'avg_logistics_score',
  'avg_service_score',
];

export const reviewAnalysisReport: ReportDefinition = {
  key: 'review_analysis',
  title: { zh: '用户评价分析', en: 'Review analysis' },
  description: {
    zh: '好评率、差评率（好评4–5星、差评1–2星）与商品/物流/服务均分；各商品评价表；评分分布；差评原因（按关键词规则归类）；好评率趋势。',
    en: 'Positive and negative rates (4–5 / 1–2 stars) and average product, logistics and service scores; a table per product; the score distribution; negative-review reasons by keyword rules; the positive-rate trend.',
  },
  standard: ['初级 3.1.9', '中级 3.1.9'],
  kinds: ['review'],
  params: ['preset', 'from', 'to', 'granularity', 'account', 'compare'],
  build(report) {
    const ctx = scopedContext(report, ['review']);
    const kpis = buildKpis(ctx, [
      'reviews',
      'good_review_rate',
      'bad_review_rate',
      'avg_product_score',
      'avg_logistics_score',
      'avg_service_score',
      'media_review_rate',
    ]).filter((k) => k.value !== null || k.previous !== null);
    const tables: ReportTable[] = [];
    const charts: (ReportChart | null)[] = [];
    const products = withoutEmptyMetrics(ctx.query({ metrics: PRODUCT_METRICS, dimensions: ['product_name'], sort: [{ key: 'reviews', dir: 'desc' }] }));
    if (products.rows.length) tables.push(tableFrom('products', { zh: '各商品评价', en: 'Reviews by product' }, products));
    charts.push(scoreDistribution(ctx));
    const reasons = reasonTable(ctx);
    if (reasons) {
      tables.push(reasons.table);
      charts.push(reasons.chart);
    }
    charts.push(
      dateTrend(ctx, {
        id: 'good_rate_trend',
        title: { zh: '评价数与好评率趋势', en: 'Reviews and positive rate' },
        series: [
          ['reviews', { type: 'bar' }],
          ['good_review_rate', { type: 'line', axis: 1 }],
        ],
      }),
    );
    return { kpis, tables, charts: present(charts) };
  },
};

/** Reviews per product score (1–5 星), as bars. */
function scoreDistribution(ctx: ReportContext): ReportChart | null {
  const result = ctx.query({ metrics: ['reviews'], dimensions: ['product_score'], sort: [{ key: 'product_score', dir: 'asc' }] });
  const rows = result.rows.filter((r) => r.product_score !== null);
  if (!rows.length) return null;
  const star = (v: unknown) => (ctx.locale === 'en' ? `${v}★` : `${v}星`);
  const shown: QueryResult = { ...result, rows };
  return chartOf('score_distribution', { zh: '商品评分分布', en: 'Product score distribution' }, (title) =>
    groupedBarChart(
      {
        title,
        categoryAxis: { zh: '商品评分', en: 'Product score' },
        categories: rows.map((r) => star(r.product_score)),
        series: [seriesOf(shown, 'reviews')],
      },
      ctx.locale,
    ),
  );
}

/** Negative reviews per reason: one engine query per keyword rule, and one for the rest. */
function reasonTable(ctx: ReportContext): { table: ReportTable; chart: ReportChart } | null {
  const total = ctx.query({ metrics: ['bad_reviews'] });
  const bad = numberOf(total.totals?.bad_reviews);
  if (!bad) return null;
  const allWords = REVIEW_REASONS.flatMap((r) => r.words);
  const count = (op: 'contains_any' | 'contains_none', words: string[]) =>
    numberOf(ctx.query({ metrics: ['bad_reviews'], filters: [{ field: 'content', op, value: words }] }).totals?.bad_reviews) ?? 0;
  const items = [
    ...REVIEW_REASONS.map((r) => ({ label: r.label, value: count('contains_any', r.words) })),
    { label: OTHER_REASON, value: count('contains_none', allWords) },
  ]
    .filter((x) => x.value > 0)
    .sort((a, b) => b.value - a.value);
  const name = (l: { zh: string; en: string }) => (ctx.locale === 'en' ? l.en : l.zh);
  const badCol = total.columns.find((c) => c.key === 'bad_reviews')!;
  const columns: ResultColumn[] = [
    { key: 'reason', label: { zh: '差评原因', en: 'Reason' }, role: 'dimension' },
    badCol,
    {
      key: 'share',
      label: { zh: '占差评比', en: 'Share of negative' },
      role: 'metric',
      unit: 'percent',
      decimals: 2,
      formula: {
        zh: '该原因差评数 ÷ 差评数（一条差评可归入多个原因）',
        en: 'negative reviews with the reason ÷ negative reviews (a review may have several reasons)',
      },
    },
  ];
  const rows: ResultRow[] = items.map((x) => ({ reason: name(x.label), bad_reviews: x.value, share: x.value / bad }));
  const table: ReportTable = {
    id: 'bad_reasons',
    title: { zh: '差评原因（关键词归类）', en: 'Negative-review reasons (keyword rules)' },
    columns,
    rows,
    totals: { reason: null, bad_reviews: bad, share: null },
  };
  const chart = chartOf('bad_reasons', { zh: '差评原因', en: 'Negative-review reasons' }, (title) =>
    rankingChart(
      {
        title,
        categoryAxis: { zh: '原因', en: 'Reason' },
        metric: measureOf(total, 'bad_reviews'),
        items: rows.map((r) => ({ name: categoryName(r.reason, ctx.locale), value: r.bad_reviews as number })),
      },
      ctx.locale,
    ),
  );
  return { table, chart };
}
