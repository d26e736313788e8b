import type { MetricDef } from '../types';

/** Per-work averages for comparing accounts with competitors (中级 2.1.4). */
export const COMPETITOR_METRICS: MetricDef[] = [
  {
    key: 'avg_plays_per_work',
    label: { zh: '平均播放', en: 'Average plays' },
    description: { zh: '播放量 ÷ 作品数（按汇总值计算）', en: 'Plays ÷ works (ratio of sums)' },
    kind: 'ratio',
    expr: 'plays / works',
    unit: 'count',
    decimals: 0,
    direction: 'up',
    kinds: ['content'],
    standard: ['中级 2.1.4'],
  },
];
