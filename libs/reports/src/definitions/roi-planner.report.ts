import { formatValue } from '@creator-ops/format';
import type { ResultColumn, ResultRow } from '@creator-ops/query';
import { COLORS, rankingChart, labelText } from '../charts';
import { buildKpis } from '../kpis';
import { withRatioBases } from '../ratio-basis';
import type { ReportContext, ReportDefinition } from '../types';
import { queryAdEntities } from './ad-plans';
import { chartOf, measureOf, numberOf, scopedContext, tableFrom } from './shared';

/** Used when the caller gives no gross margin; the report says so in its titles. */
export const DEFAULT_GROSS_MARGIN = 0.3;
/** ROI − break-even ROI closer to 0 than this is break-even (float noise of 1 ÷ margin). */
const EPSILON = 1e-9;

const VERDICT = { profit: { zh: '盈利', en: 'Profit' }, loss: { zh: '亏损', en: 'Loss' }, even: { zh: '保本', en: 'Break-even' } };

export const roiPlannerReport: ReportDefinition = {
  key: 'roi_planner',
  title: { zh: 'ROI 保本测算', en: 'ROI planner' },
  description: {
    zh: `保本ROI = 1 ÷ 毛利率（未填写毛利率时按 ${DEFAULT_GROSS_MARGIN * 100}% 计算）。每个计划的实际支付ROI与保本ROI比较：高于保本为盈利，低于为亏损。`,
    en: `Break-even ROI = 1 ÷ gross margin (${DEFAULT_GROSS_MARGIN * 100}% when no margin is given). Each plan's actual ROI against it: above is profit, below is loss.`,
  },
  standard: ['高级 4.2.2', '高级 3.1.1'],
  kinds: ['ad'],
  params: ['preset', 'from', 'to', 'account', 'compare', 'top', 'gross_margin'],
  build(report) {
    const base = scopedContext(report, ['ad']);
    const margin = base.params.gross_margin ?? DEFAULT_GROSS_MARGIN;
    const ctx: ReportContext = {
      ...base,
      params: { ...base.params, gross_margin: margin },
      query: (spec, o) => base.query({ ...spec, params: { gross_margin: margin, ...spec.params } }, o),
    };
    const marginText = `${formatValue(margin, 'percent', { locale: ctx.locale })}${base.params.gross_margin === null ? (ctx.locale === 'en' ? ', default' : '，默认值') : ''}`;
    const kpis = withRatioBases(ctx, buildKpis(ctx, ['cost', 'ad_gmv', 'roi', 'breakeven_roi', 'roi_vs_breakeven', 'margin_profit_roi']));
    const plans = queryAdEntities(ctx, {
      metrics: ['cost', 'ad_gmv', 'roi', 'breakeven_roi', 'roi_vs_breakeven', 'margin_profit_roi'],
      sort: [{ key: 'cost', dir: 'desc' }],
    });
    if (!plans) return { kpis, tables: [], charts: [] };
    // The verdict reads the 利润ROI shown beside it (its sign is the sign of ROI − 保本ROI).
    const verdictOf = (row: ResultRow) => {
      const gap = numberOf(row.margin_profit_roi);
      return gap === null ? null : labelText(gap > EPSILON ? VERDICT.profit : gap < -EPSILON ? VERDICT.loss : VERDICT.even, ctx.locale);
    };
    const verdictColumn: ResultColumn = { key: 'verdict', label: { zh: '盈亏判断', en: 'Verdict' }, role: 'dimension' };
    const rows = plans.result.rows.map((r) => ({ ...r, verdict: verdictOf(r) }));
    const table = tableFrom(
      'plans',
      { zh: `${plans.entity.zh}盈亏测算（毛利率 ${marginText}）`, en: `${plans.entity.en} break-even check (gross margin ${marginText})` },
      plans.result,
      { columns: [...plans.result.columns, verdictColumn], rows },
    );
    const top = plans.result.rows.filter((r) => numberOf(r.roi) !== null).slice(0, base.params.top);
    const chart = chartOf('roi_vs_breakeven', { zh: '实际ROI与保本ROI', en: 'ROI against break-even' }, (title) =>
      rankingChart(
        {
          title,
          subtitle: {
            zh: `按消耗排序前 ${top.length} 个${plans.entity.zh}；毛利率 ${marginText}`,
            en: `Top ${top.length} by cost; gross margin ${marginText}`,
          },
          categoryAxis: plans.entity,
          metric: measureOf(plans.result, 'roi'),
          items: top.map((r) => ({
            name: plans.nameOf(r),
            value: numberOf(r.roi),
            color: (numberOf(r.margin_profit_roi) ?? 0) < -EPSILON ? COLORS.negative : COLORS.positive,
            tooltip: [[labelText({ zh: '盈亏判断', en: 'Verdict' }, ctx.locale), verdictOf(r) ?? '-']],
          })),
          reference: { value: 1 / margin, label: { zh: '保本ROI', en: 'Break-even ROI' } },
        },
        ctx.locale,
      ),
    );
    return { kpis, tables: [table], charts: [chart] };
  },
};
