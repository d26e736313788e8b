import { crossTab, matrixScores, npsOf, optionCounts, type ResultColumn, type ResultRow, type SurveyQuestion, type SurveySheets } from '@creator-ops/query';
import type { Label } from '@creator-ops/schemas';
import { groupedBarChart, rankingChart, shareChart, type MeasureRef } from '../charts';
import { buildKpis } from '../kpis';
import type { ReportChart, ReportDefinition, ReportTable } from '../types';
import { scopedContext } from './shared';

const TYPE_LABEL: Record<SurveyQuestion['type'], Label> = {
  single: { zh: '单选', en: 'Single choice' },
  multi: { zh: '多选', en: 'Multiple choice' },
  matrix: { zh: '矩阵量表', en: 'Matrix scale' },
  nps: { zh: '推荐度（NPS）', en: 'Recommendation (NPS)' },
  open: { zh: '填空', en: 'Open answer' },
};
const COUNT: MeasureRef = { label: { zh: '人数', en: 'Respondents' }, unit: 'count', countUnit: { zh: '人', en: 'people' } };
const AVERAGE: MeasureRef = { label: { zh: '平均分', en: 'Average score' }, unit: 'decimal', decimals: 2 };
const dim = (key: string, zh: string, en: string): ResultColumn => ({ key, label: { zh, en }, role: 'dimension' });
const metric = (key: string, zh: string, en: string, unit: string, decimals: number, formula?: Label): ResultColumn => ({
  key,
  label: { zh, en },
  role: 'metric',
  unit,
  decimals,
  ...(formula ? { formula } : {}),
});
const SHARE_FORMULA: Label = {
  zh: '选择该项的人数 ÷ 作答人数（多选题各项之和可超过100%）',
  en: 'respondents choosing it ÷ respondents answering (multi-select shares may add up to more than 100 %)',
};

export const surveySummaryReport: ReportDefinition = {
  key: 'survey_summary',
  title: { zh: '问卷调研报告', en: 'Survey report' },
  description: {
    zh: '答卷数与平均用时；题目清单（自动识别单选/多选/矩阵/NPS/填空）；每道选择题的选项人数与占比（多选按作答人数计，占比之和可超100%）及图表；矩阵题各行均分；NPS；前两道单选题的交叉表。',
    en: 'Responses and time taken; the questions with their inferred type; per choice question the count and share of each option (multi-select over respondents, so shares may exceed 100 % in total) with a chart; matrix averages; NPS; a cross-tab of the first two single-choice questions.',
  },
  standard: ['初级 2.2.2'],
  kinds: ['survey'],
  params: ['preset', 'from', 'to', 'account'],
  build(report) {
    const ctx = scopedContext(report, ['survey']);
    const kpis = buildKpis(ctx, ['responses', 'avg_survey_seconds']).filter((k) => k.value !== null);
    const sheets = ctx.surveySheets();
    if (!sheets || sheets.rows.length === 0) return { kpis, tables: [], charts: [] };
    const name = (l: Label) => (ctx.locale === 'en' ? l.en : l.zh);
    const tables: ReportTable[] = [questionTable(sheets, name)];
    const charts: ReportChart[] = [];
    for (const q of sheets.questions) {
      const title: Label = { zh: `${q.no}. ${q.title || TYPE_LABEL[q.type].zh}`, en: `Q${q.no}. ${q.title || TYPE_LABEL[q.type].en}` };
      if (q.type === 'single' || q.type === 'multi') {
        const counts = optionCounts(sheets, q.no);
        const rows: ResultRow[] = counts.rows.map((r) => ({ option: r.option, count: r.count, share: r.share }));
        tables.push({
          id: `q${q.no}`,
          title,
          columns: [
            dim('option', '选项', 'Option'),
            metric('count', '人数', 'Respondents', 'count', 0),
            metric('share', '占比', 'Share', 'percent', 2, SHARE_FORMULA),
          ],
          rows,
          totals: { option: null, count: counts.answered, share: null },
        });
        const items = counts.rows.map((r) => ({ name: r.option, value: r.count }));
        charts.push({
          id: `q${q.no}`,
          title,
          option:
            q.type === 'single' && items.length <= 5
              ? shareChart({ title, metric: COUNT, items }, ctx.locale)
              : rankingChart({ title, categoryAxis: { zh: '选项', en: 'Option' }, metric: COUNT, items }, ctx.locale),
        });
      } else if (q.type === 'matrix') {
        const scores = matrixScores(sheets, q.no);
        tables.push({
          id: `q${q.no}`,
          title,
          columns: [dim('item', '评价项', 'Item'), metric('answered', '作答人数', 'Answers', 'count', 0), metric('average', '平均分', 'Average', 'decimal', 2)],
          rows: scores.map((s) => ({ ...s })),
        });
        charts.push({
          id: `q${q.no}`,
          title,
          option: groupedBarChart(
            {
              title,
              categoryAxis: { zh: '评价项', en: 'Item' },
              categories: scores.map((s) => s.item),
              series: [{ key: 'average', ...AVERAGE, values: scores.map((s) => s.average) }],
            },
            ctx.locale,
          ),
        });
      } else if (q.type === 'nps') {
        const n = npsOf(sheets, q.no);
        tables.push({
          id: `q${q.no}`,
          title,
          columns: [
            metric('answered', '作答人数', 'Answers', 'count', 0),
            metric('promoters', '推荐者(9–10)', 'Promoters (9–10)', 'count', 0),
            metric('passives', '中立者(7–8)', 'Passives (7–8)', 'count', 0),
            metric('detractors', '贬损者(0–6)', 'Detractors (0–6)', 'count', 0),
            metric('nps', 'NPS', 'NPS', 'decimal', 1, { zh: '(推荐者 − 贬损者) ÷ 作答人数 × 100', en: '(promoters − detractors) ÷ answers × 100' }),
          ],
          rows: [{ ...n }],
        });
      }
    }
    const singles = sheets.questions.filter((q) => q.type === 'single');
    if (singles.length >= 2) tables.push(crossTable(sheets, singles[0], singles[1]));
    return { kpis, tables, charts };
  },
};

function questionTable(sheets: SurveySheets, name: (l: Label) => string): ReportTable {
  return {
    id: 'questions',
    title: { zh: '题目与题型', en: 'Questions' },
    columns: [dim('no', '题号', 'No.'), dim('title', '题目', 'Question'), dim('type', '题型', 'Type'), metric('answered', '作答人数', 'Answers', 'count', 0)],
    rows: sheets.questions.map((q) => ({
      no: q.no,
      title: q.title || q.columns.map((c) => c.part).join(' / '),
      type: name(TYPE_LABEL[q.type]),
      answered: q.answered,
    })),
  };
}

/** Rows: options of the first question; columns: counts of each option of the second, and the row's respondents. */
function crossTable(sheets: SurveySheets, rowQ: SurveyQuestion, colQ: SurveyQuestion): ReportTable {
  const t = crossTab(sheets, rowQ.no, colQ.no);
  const options = t[0]?.cells.map((c) => c.option) ?? [];
  return {
    id: 'cross_tab',
    title: { zh: `交叉表：${rowQ.no}. ${rowQ.title} × ${colQ.no}. ${colQ.title}`, en: `Cross-tab: Q${rowQ.no} × Q${colQ.no}` },
    columns: [
      dim('row', `${rowQ.no}题选项`, `Q${rowQ.no} option`),
      ...options.map((o, i) => metric(`c${i}`, o, o, 'count', 0)),
      metric('answered', '小计', 'Subtotal', 'count', 0),
    ],
    rows: t.map((r) => ({ row: r.rowOption, ...Object.fromEntries(r.cells.map((c, i) => [`c${i}`, c.count])), answered: r.answered })),
  };
}
