import type { Label } from '@creator-ops/schemas';
import type { MetricDef, RowFilterDef } from '../types';

const REVIEW = ['初级 3.1.9', '中级 3.1.9'];

/** Score bands of 抖店 评价: 好评 4–5 星, 中评 3 星, 差评 1–2 星 (a task may pin 5 星 only, see five_star_*). */
export const REVIEW_ROW_FILTERS: RowFilterDef[] = [
  { key: 'review_scored', label: { zh: '有商品评分的评价', en: 'Reviews with a product score' }, clauses: [{ field: 'product_score', atLeast: 0 }] },
  { key: 'review_good', label: { zh: '好评（4–5星）', en: 'Positive (4–5 stars)' }, clauses: [{ field: 'product_score', atLeast: 4 }] },
  { key: 'review_neutral', label: { zh: '中评（3星）', en: 'Neutral (3 stars)' }, clauses: [{ field: 'product_score', atLeast: 3, atMost: 3 }] },
  { key: 'review_bad', label: { zh: '差评（1–2星）', en: 'Negative (1–2 stars)' }, clauses: [{ field: 'product_score', atMost: 2 }] },
  { key: 'review_five_star', label: { zh: '5星评价', en: '5-star reviews' }, clauses: [{ field: 'product_score', atLeast: 5 }] },
  {
    key: 'review_logistics_scored',
    label: { zh: '有物流评分的评价', en: 'Reviews with a logistics score' },
    clauses: [{ field: 'logistics_score', atLeast: 0 }],
  },
  { key: 'review_service_scored', label: { zh: '有服务评分的评价', en: 'Reviews with a service score' }, clauses: [{ field: 'service_score', atLeast: 0 }] },
  {
    key: 'review_with_media',
    label: { zh: '带图/视频的评价', en: 'Reviews with photos/videos' },
    clauses: [{ field: 'has_media', in: ['是', '有', '有图', '有视频', '有图/视频', 'Y', 'y', '1'] }],
  },
];

const base = { unit: 'count' as const, decimals: 0, direction: 'up' as const, kinds: ['review' as const], standard: REVIEW };

const count = (key: string, rowFilter: string | undefined, zh: string, en: string, direction: 'up' | 'down' = 'up'): MetricDef => ({
  ...base,
  key,
  label: { zh, en },
  description: { zh: `${zh}（按评价条数）`, en: `${en} (count of reviews)` },
  formula: { zh: `count(${zh})`, en: `count(${en.toLowerCase()})` },
  kind: 'count',
  direction,
  ...(rowFilter ? { rowFilter } : {}),
});

const sum = (key: string, field: string, zh: string, en: string): MetricDef => ({
  ...base,
  key,
  label: { zh, en },
  description: { zh: `${zh}之和（求均分用）`, en: `Sum of ${en.toLowerCase()} (for the average)` },
  formula: { zh: `Σ ${zh}`, en: `Σ ${en.toLowerCase()}` },
  kind: 'sum',
  field,
});

/** A ratio of sums; its formula is generated from `expr`. */
const ratio = (def: { key: string; expr: string; label: Label; unit: MetricDef['unit']; direction?: 'up' | 'down' }): MetricDef => ({
  ...base,
  ...def,
  description: { zh: '{formula}（按汇总值计算）', en: '{formula} (ratio of sums)' },
  kind: 'ratio',
  decimals: 2,
  direction: def.direction ?? 'up',
});

export const REVIEW_METRICS: MetricDef[] = [
  count('reviews', undefined, '评价数', 'Reviews'),
  count('scored_reviews', 'review_scored', '有评分评价数', 'Scored reviews'),
  { ...count('good_reviews', 'review_good', '好评数', 'Positive reviews'), term: { zh: '好评数（4–5星）', en: 'positive (4–5 stars)' } },
  count('neutral_reviews', 'review_neutral', '中评数', 'Neutral reviews', 'down'),
  { ...count('bad_reviews', 'review_bad', '差评数', 'Negative reviews', 'down'), term: { zh: '差评数（1–2星）', en: 'negative (1–2 stars)' } },
  count('five_star_reviews', 'review_five_star', '5星评价数', '5-star reviews'),
  count('media_reviews', 'review_with_media', '带图/视频评价数', 'Reviews with media'),
  {
    ...count('logistics_scored_reviews', 'review_logistics_scored', '有物流评分评价数', 'Reviews with logistics score'),
    term: { zh: '有物流评分评价数', en: 'reviews with one' },
  },
  {
    ...count('service_scored_reviews', 'review_service_scored', '有服务评分评价数', 'Reviews with service score'),
    term: { zh: '有服务评分评价数', en: 'reviews with one' },
  },
  { ...sum('product_score_total', 'product_score', '商品评分', 'Product score'), term: { zh: 'Σ商品评分', en: 'Σ product score' } },
  { ...sum('logistics_score_total', 'logistics_score', '物流评分', 'Logistics score'), term: { zh: 'Σ物流评分', en: 'Σ logistics score' } },
  { ...sum('service_score_total', 'service_score', '服务评分', 'Service score'), term: { zh: 'Σ服务评分', en: 'Σ service score' } },
  ratio({ key: 'good_review_rate', expr: 'good_reviews / scored_reviews', label: { zh: '好评率', en: 'Positive rate' }, unit: 'percent' }),
  ratio({ key: 'bad_review_rate', expr: 'bad_reviews / scored_reviews', label: { zh: '差评率', en: 'Negative rate' }, unit: 'percent', direction: 'down' }),
  ratio({ key: 'five_star_rate', expr: 'five_star_reviews / scored_reviews', label: { zh: '5星率', en: '5-star rate' }, unit: 'percent' }),
  ratio({ key: 'media_review_rate', expr: 'media_reviews / reviews', label: { zh: '晒图率', en: 'Media rate' }, unit: 'percent' }),
  ratio({ key: 'avg_product_score', expr: 'product_score_total / scored_reviews', label: { zh: '商品评分均分', en: 'Avg product score' }, unit: 'decimal' }),
  ratio({
    key: 'avg_logistics_score',
    expr: 'logistics_score_total / logistics_scored_reviews',
    label: { zh: '物流评分均分', en: 'Avg logistics score' },
    unit: 'decimal',
  }),
  ratio({
    key: 'avg_service_score',
    expr: 'service_score_total / service_scored_reviews',
    label: { zh: '服务评分均分', en: 'Avg service score' },
    unit: 'decimal',
  }),
];
