import type { ResultColumn, ResultRow } from '@creator-ops/query';
import type { ExportKind, Label } from '@creator-ops/schemas';
import { rankingChart, shareChart } from '../charts';
import type { ReportChart, ReportContext, ReportDefinition } from '../types';
import { numberOf } from './shared';

/** Each paid channel: the export it comes from, its spend and the GMV attributed to it. */
const CHANNELS: { key: string; label: Label; kind: ExportKind; spend: string[]; gmv: string }[] = [
  { key: 'ads', label: { zh: '巨量千川/巨量广告', en: 'Qianchuan / Ocean Engine ads' }, kind: 'ad', spend: ['cost'], gmv: 'ad_gmv' },
  { key: 'xingtu', label: { zh: '星图达人（含加热）', en: '星图 creators (incl. boost)' }, kind: 'xingtu', spend: ['xt_cost', 'xt_boost_cost'], gmv: 'xt_gmv' },
  { key: 'live', label: { zh: '直播间投放', en: 'Live-room ads' }, kind: 'live', spend: ['ad_spend'], gmv: 'live_gmv' },
];

const col = (key: string, zh: string, en: string, unit: string | undefined, decimals: number | undefined, formula?: Label): ResultColumn => ({
  key,
  label: { zh, en },
  role: unit ? 'metric' : 'dimension',
  ...(unit ? { unit, decimals } : {}),
  ...(formula ? { formula } : {}),
});

export const marketingMixReport: ReportDefinition = {
  key: 'marketing_mix',
  title: { zh: '整合营销渠道组合', en: 'Cross-channel marketing mix' },
  description: {
    zh: '千川/巨量广告、星图达人、直播间投放并排：花费、渠道成交、ROI（渠道成交 ÷ 花费，按汇总值计算）、花费占比；有店铺订单时给出渠道成交占店铺成交的比例。',
    en: "Ads, 星图 creators and live-room ads side by side: spend, attributed GMV, ROI (GMV ÷ spend, ratio of sums), share of spend; with shop orders, each channel's GMV as a share of shop GMV.",
  },
  standard: ['高级 4.1.2', '高级 4.1.1'],
  kinds: ['ad', 'xingtu', 'live'],
  anyOf: true,
  params: ['preset', 'from', 'to', 'account'],
  build(ctx) {
    const rows = channelRows(ctx);
    if (!rows.length) return { kpis: [], tables: [], charts: [] };
    const shop = ctx.kinds.has('order') ? numberOf(ctx.query({ metrics: ['gmv'] }, { kinds: ['order'] }).totals?.gmv) : null;
    // Totals in integer cents, so the sum of yuan amounts is exact.
    const spendTotal = rows.reduce((s, r) => s + Math.round(r.spend * 100), 0) / 100;
    const gmvTotal = rows.reduce((s, r) => s + Math.round((r.gmv ?? 0) * 100), 0) / 100;
    const table: ResultRow[] = rows.map((r) => ({
      channel: r.name,
      spend: r.spend,
      gmv: r.gmv,
      roi: r.gmv !== null && r.spend ? r.gmv / r.spend : null,
      spend_share: spendTotal ? r.spend / spendTotal : null,
      ...(shop !== null ? { shop_share: r.gmv !== null && shop ? r.gmv / shop : null } : {}),
    }));
    const columns = [
      col('channel', '渠道', 'Channel', undefined, undefined),
      col('spend', '花费', 'Spend', 'money', 2),
      col('gmv', '渠道成交', 'Attributed GMV', 'money', 2),
      col('roi', 'ROI', 'ROI', 'multiple', 2, { zh: '渠道成交 ÷ 花费', en: 'attributed GMV ÷ spend' }),
      col('spend_share', '花费占比', 'Share of spend', 'percent', 2, { zh: '渠道花费 ÷ 各渠道花费合计', en: 'channel spend ÷ total spend' }),
      ...(shop !== null
        ? [
            col('shop_share', '占店铺成交', 'Share of shop GMV', 'percent', 2, {
              zh: '渠道成交 ÷ 店铺成交金额（渠道间可能重复归因）',
              en: 'channel GMV ÷ shop GMV (channels may attribute the same order)',
            }),
          ]
        : []),
    ];
    const totals: ResultRow = { channel: null, spend: spendTotal, gmv: gmvTotal, roi: spendTotal ? gmvTotal / spendTotal : null, spend_share: null };
    const money = { label: { zh: '花费', en: 'Spend' }, unit: 'money' as const, decimals: 2 };
    const charts: ReportChart[] = [
      {
        id: 'spend_share',
        title: { zh: '花费结构', en: 'Spend by channel' },
        option: shareChart(
          { title: { zh: '花费结构', en: 'Spend by channel' }, metric: money, items: rows.map((r) => ({ name: r.name, value: r.spend })) },
          ctx.locale,
        ),
      },
      {
        id: 'channel_roi',
        title: { zh: '渠道ROI', en: 'ROI by channel' },
        option: rankingChart(
          {
            title: { zh: '渠道ROI', en: 'ROI by channel' },
            categoryAxis: { zh: '渠道', en: 'Channel' },
            metric: { label: { zh: 'ROI', en: 'ROI' }, unit: 'multiple', decimals: 2 },
            items: table.map((r) => ({ name: String(r.channel), value: numberOf(r.roi) })).sort((a, b) => (b.value ?? -1) - (a.value ?? -1)),
          },
          ctx.locale,
        ),
      },
    ];
    return { kpis: [], tables: [{ id: 'channels', title: { zh: '渠道组合', en: 'Channels' }, columns, rows: table, totals }], charts };
  },
};

function channelRows(ctx: ReportContext): { name: string; spend: number; gmv: number | null }[] {
  const out: { name: string; spend: number; gmv: number | null }[] = [];
  for (const c of CHANNELS) {
    if (!ctx.kinds.has(c.kind)) continue;
    const totals = ctx.query({ metrics: [...c.spend, c.gmv] }, { kinds: [c.kind] }).totals ?? {};
    const spend = c.spend.reduce((s, m) => s + Math.round((numberOf(totals[m]) ?? 0) * 100), 0) / 100;
    if (!spend && numberOf(totals[c.gmv]) === null) continue;
    out.push({ name: ctx.locale === 'en' ? c.label.en : c.label.zh, spend, gmv: numberOf(totals[c.gmv]) });
  }
  return out;
}
