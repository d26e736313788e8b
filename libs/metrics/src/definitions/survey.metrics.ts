import type { MetricDef } from '../types';

/**
 * Survey sheets as a whole. Per-question figures (选项占比, 交叉表, NPS, 矩阵均分) come from the survey
 * tabulation (libs/query survey), because each question is a column of its own export.
 */
const SURVEY = ['初级 2.2.2'];
const base = { direction: 'up' as const, kinds: ['survey' as const], standard: SURVEY };

export const SURVEY_METRICS: MetricDef[] = [
  {
    ...base,
    key: 'responses',
    label: { zh: '答卷数', en: 'Responses' },
    description: { zh: '回收的答卷份数', en: 'Answer sheets collected' },
    formula: { zh: 'count(答卷)', en: 'count(sheets)' },
    kind: 'count',
    unit: 'count',
    decimals: 0,
  },
  {
    ...base,
    key: 'timed_responses',
    term: { zh: '答卷数', en: 'sheets' },
    label: { zh: '有用时的答卷数', en: 'Timed responses' },
    description: { zh: '所用时间有值的答卷数', en: 'Sheets with a time taken' },
    formula: { zh: 'count(所用时间)', en: 'count(time taken)' },
    kind: 'count',
    rowFilter: 'survey_timed',
    unit: 'count',
    decimals: 0,
  },
  {
    ...base,
    key: 'survey_seconds',
    term: { zh: 'Σ 所用时间', en: 'Σ time taken' },
    label: { zh: '答题总用时', en: 'Total time taken' },
    description: { zh: '所用时间之和（秒）', en: 'Sum of time taken (s)' },
    formula: { zh: 'Σ 所用时间', en: 'Σ time taken' },
    kind: 'sum',
    field: 'duration_seconds',
    unit: 'seconds',
    decimals: 0,
  },
  {
    ...base,
    key: 'avg_survey_seconds',
    label: { zh: '平均答题用时', en: 'Average time taken' },
    description: { zh: '答题总用时 ÷ 有用时的答卷数', en: 'Total time taken ÷ timed sheets' },
    kind: 'ratio',
    expr: 'survey_seconds / timed_responses',
    unit: 'seconds',
    decimals: 1,
  },
];

export const SURVEY_ROW_FILTERS = [
  { key: 'survey_timed', label: { zh: '有用时的答卷', en: 'Timed sheets' }, clauses: [{ field: 'duration_seconds', atLeast: 0 }] },
];
