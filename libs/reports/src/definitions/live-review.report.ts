import { funnelChart, trendChart } from '../charts';
import { buildKpis } from '../kpis';
import type { ReportChart, ReportDefinition } from '../types';
import { categoryName, chartOf, hasData, measureOf, numberOf, queryFirstAvailable, scopedContext, seriesOf, tableFrom, withoutEmptyMetrics } from './shared';
import { present } from './trends';

/** The session figures shown both as KPIs and in the per-session table. */
const KEY_FIGURES = ['live_gmv', 'viewers', 'entry_rate', 'product_ctr', 'watch_to_buy_rate', 'uv_value', 'live_gpm', 'avg_watch_minutes'];
const SESSION_METRICS = [...KEY_FIGURES, 'live_orders', 'live_buyers', 'ad_spend', 'live_roi'];
const FUNNEL = ['exposure_users', 'viewers', 'product_click_users', 'live_buyers'];

export const liveReviewReport: ReportDefinition = {
  key: 'live_review',
  title: { zh: '直播复盘', en: 'Live session review' },
  description: {
    zh: '逐场直播：成交金额、观看人数、曝光进入率、商品点击率、观看-成交率、UV价值、千次观看成交、人均观看时长；曝光→进入→商品点击→成交漏斗；按开播时段的成交。',
    en: 'Per session: GMV, viewers, entry rate, product CTR, watch-to-buy rate, UV value, GPM, average watch time; the exposure → viewers → product clicks → buyers funnel; GMV by start hour.',
  },
  standard: ['中级 3.1.7'],
  kinds: ['live'],
  params: ['preset', 'from', 'to', 'account', 'compare'],
  build(report) {
    const ctx = scopedContext(report, ['live']);
    const kpis = buildKpis(ctx, ['sessions', ...KEY_FIGURES, 'live_roi']).filter((k) => k.value !== null || k.previous !== null);
    const found = queryFirstAvailable(ctx, [['live_start', 'anchor_name'], ['live_start']], {
      metrics: SESSION_METRICS,
      sort: [{ key: 'live_start', dir: 'asc' }],
    });
    const charts: (ReportChart | null)[] = [];
    const tables = [];
    if (found) {
      const sessions = withoutEmptyMetrics(found.result);
      tables.push(tableFrom('sessions', { zh: '场次明细', en: 'Sessions' }, sessions));
      // '2026-10-01 19:30:00' -> '10-01 19:30' on the axis.
      const categories = sessions.rows.map((r) => categoryName(r.live_start, ctx.locale).slice(5, 16));
      const series = [
        hasData(sessions, 'live_gmv') ? seriesOf(sessions, 'live_gmv', { type: 'bar' }) : null,
        hasData(sessions, 'viewers') ? seriesOf(sessions, 'viewers', { type: 'line', axis: 1 }) : null,
      ];
      if (series.some(Boolean)) {
        charts.push(
          chartOf('session_trend', { zh: '逐场成交与观看', en: 'GMV and viewers by session' }, (title) =>
            trendChart({ title, categoryAxis: { zh: '开播时间', en: 'Session start' }, categories, series: present(series) }, ctx.locale),
          ),
        );
      }
    }
    const totals = ctx.query({ metrics: FUNNEL });
    const stages = FUNNEL.filter((k) => numberOf(totals.totals?.[k]) !== null).map((k) => ({
      key: k,
      ...measureOf(totals, k),
      value: numberOf(totals.totals?.[k])!,
    }));
    if (stages.length >= 2)
      charts.push(chartOf('live_funnel', { zh: '直播转化漏斗', en: 'Live funnel' }, (title) => funnelChart({ title, stages }, ctx.locale)));
    const byHour = ctx.query({ metrics: ['live_gmv', 'sessions', 'uv_value'], dimensions: ['hour'], sort: [{ key: 'hour', dir: 'asc' }] });
    if (byHour.rows.length && hasData(byHour, 'live_gmv')) {
      const hourName = (h: unknown) => (ctx.locale === 'en' ? `${h}:00` : `${h}时`);
      charts.push(
        chartOf('best_hours', { zh: '开播时段成交', en: 'GMV by start hour' }, (title) =>
          trendChart(
            {
              title,
              categoryAxis: { zh: '开播时段', en: 'Start hour' },
              categories: byHour.rows.map((r) => hourName(r.hour)),
              series: [seriesOf(byHour, 'live_gmv', { type: 'bar' }), seriesOf(byHour, 'sessions', { type: 'line', axis: 1 })],
            },
            ctx.locale,
          ),
        ),
      );
    }
    return { kpis, tables, charts: present(charts) };
  },
};
