import { formatValue, parseIsoDay } from '@creator-ops/format';
import { QueryError, type QuerySpec, type ResultColumn, type ResultRow } from '@creator-ops/query';
import type { Label } from '@creator-ops/schemas';
import { RFM_METHOD, RFM_SEGMENTS, scoreRfm, type BuyerFigures } from '../analysis/rfm';
import { rfmSegmentChart, labelText } from '../charts';
import { buildKpis } from '../kpis';
import { ReportParamError } from '../params';
import type { ReportContext, ReportDefinition, ReportTable } from '../types';
import { chartOf, columnOf, numberOf, scopedContext, toCents } from './shared';

const LEVELS = { near: { zh: '近', en: 'recent' }, far: { zh: '远', en: 'lapsed' }, high: { zh: '高', en: 'high' }, low: { zh: '低', en: 'low' } };

export const rfmReport: ReportDefinition = {
  key: 'rfm',
  title: { zh: 'RFM 客户分层', en: 'RFM segmentation' },
  description: {
    zh: `按买家计算 R（距参考日天数）、F（支付订单数）、M（净成交金额 = 成交金额 − 退款金额，与练习同一口径），与平均值比较分为 8 类客户。参考日默认为统计期末。${RFM_METHOD.zh}`,
    en: `Per buyer R (days to the reference day), F (paid orders) and M (GMV net of refunds, as in the exercises), compared with the means to form the 8 classic segments. The reference day defaults to the period end. ${RFM_METHOD.en}`,
  },
  standard: ['高级 2.2.1'],
  kinds: ['order'],
  needsField: {
    kind: 'order',
    field: 'buyer_id',
    message: {
      zh: 'RFM 需要买家标识，当前订单数据没有：抖店导出的收件人手机号已加密，无法区分买家。请在 抖店后台 → 订单管理 → 导出 中勾选“用户ID”（或买家ID/买家昵称）字段后重新导出并上传。',
      en: 'RFM needs a buyer key and the order data has none: 抖店 exports mask the recipient phone, so buyers cannot be told apart. Re-export from 抖店 → 订单管理 → 导出 with the “用户ID” (buyer ID or buyer nickname) field ticked, then upload it.',
    },
  },
  params: ['preset', 'from', 'to', 'account', 'reference_date'],
  build(report) {
    const ctx = scopedContext(report, ['order']);
    const kpis = buildKpis(ctx, ['buyers', 'paid_orders', 'gmv', 'aov']);
    const figures = buyerFigures(ctx);
    if (!figures) return { kpis, tables: [], charts: [] };
    const { buyers, means } = scoreRfm(figures.buyers, figures.referenceDay);
    const level = (l: Label) => labelText(l, ctx.locale);
    const totalCents = buyers.reduce((s, b) => s + b.gmvCents, 0);
    const segments = RFM_SEGMENTS.map((seg) => {
      const members = buyers.filter((b) => b.segment === seg.key);
      const cents = members.reduce((s, b) => s + b.gmvCents, 0);
      return {
        segment: labelText(seg.label, ctx.locale),
        rule: `R${level(seg.near ? LEVELS.near : LEVELS.far)} F${level(seg.highF ? LEVELS.high : LEVELS.low)} M${level(seg.highM ? LEVELS.high : LEVELS.low)}`,
        buyers: members.length,
        buyer_share: buyers.length ? members.length / buyers.length : null,
        gmv: cents / 100,
        gmv_share: totalCents > 0 ? cents / totalCents : null,
      };
    });
    const fmt = (v: number, unit: 'decimal' | 'money') => formatValue(v, unit, { locale: ctx.locale });
    const meanText = means ? `R̄ = ${fmt(means.r, 'decimal')}, F̄ = ${fmt(means.f, 'decimal')}, M̄ = ${fmt(means.m, 'money')}` : '-';
    const segmentTable: ReportTable = {
      id: 'segments',
      title: {
        zh: `RFM 客户分层（参考日 ${figures.reference}；与均值比较：R 低于均值为近，F、M 高于均值为高；${meanText}）`,
        en: `RFM segments (reference day ${figures.reference}; against the means: R below is recent, F and M above are high; ${meanText})`,
      },
      columns: [
        dim('segment', '客户分层', 'Segment'),
        dim('rule', '规则', 'Rule'),
        { ...figures.columns.buyers },
        dim('buyer_share', '客户占比', 'Share of buyers', 'percent'),
        { ...figures.columns.gmv },
        dim('gmv_share', '成交占比', 'Share of GMV', 'percent'),
      ],
      rows: segments,
      totals: {
        segment: null,
        rule: null,
        buyers: buyers.length,
        buyer_share: buyers.length ? 1 : null,
        gmv: totalCents / 100,
        gmv_share: totalCents > 0 ? 1 : null,
      },
    };
    const buyerTable = buyerDetailTable(buyers, figures, level, ctx.locale);
    const chart = chartOf('rfm_segments', { zh: 'RFM 客户分层', en: 'RFM segments' }, (title) =>
      rfmSegmentChart(
        {
          title,
          subtitle: { zh: `参考日 ${figures.reference}`, en: `Reference day ${figures.reference}` },
          segments: segments.map((s) => ({ name: s.segment, buyers: s.buyers, share: s.buyer_share, gmv: s.gmv })),
        },
        ctx.locale,
      ),
    );
    return { kpis, tables: [segmentTable, buyerTable], charts: [chart] };
  },
};

/** One row per buyer: last paid day, R/F/M figures and levels, and the segment. */
function buyerDetailTable(
  buyers: ReturnType<typeof scoreRfm<BuyerFigures & { gmvCents: number }>>['buyers'],
  figures: NonNullable<ReturnType<typeof buyerFigures>>,
  level: (l: Label) => string,
  locale: Parameters<typeof labelText>[1],
): ReportTable {
  const buyerRows: ResultRow[] = buyers.map((b) => ({
    buyer_id: b.buyer,
    last_paid_day: figures.dayText.get(b.buyer)!,
    recency_days: b.recencyDays,
    paid_orders: b.orders,
    gmv: b.gmvCents / 100,
    monetary: b.monetaryCents / 100,
    r_level: level(b.near ? LEVELS.near : LEVELS.far),
    f_level: level(b.highF ? LEVELS.high : LEVELS.low),
    m_level: level(b.highM ? LEVELS.high : LEVELS.low),
    segment: labelText(RFM_SEGMENTS.find((s) => s.key === b.segment)!.label, locale),
  }));
  return {
    id: 'buyers',
    title: { zh: '买家 RFM 明细', en: 'RFM by buyer' },
    columns: [
      figures.columns.buyer_id,
      dim('last_paid_day', '最近支付日', 'Last paid day'),
      dim('recency_days', 'R：距参考日天数', 'R: days since last order', 'count'),
      figures.columns.paid_orders,
      figures.columns.gmv,
      { ...figures.columns.net_gmv, key: 'monetary', label: { zh: 'M：净成交金额', en: 'M: net GMV' } },
      dim('r_level', 'R 分层', 'R level'),
      dim('f_level', 'F 分层', 'F level'),
      dim('m_level', 'M 分层', 'M level'),
      dim('segment', '客户分层', 'Segment'),
    ],
    rows: buyerRows,
    totals: null,
  };
}

function dim(key: string, zh: string, en: string, unit?: string): ResultColumn {
  return { key, label: { zh, en }, role: 'dimension', ...(unit ? { unit, decimals: unit === 'percent' ? 2 : 0 } : {}) };
}

/**
 * Per buyer from the engine: the last day with a paid order (by buyer × day) and F, M (by buyer).
 * Orders after the reference day are not counted. Null when the export has no buyer key.
 */
function buyerFigures(ctx: ReportContext) {
  const reference = ctx.params.reference_date;
  const referenceDay = reference === null ? null : parseIsoDay(reference);
  if (reference === null || referenceDay === null) return null;
  const from = ctx.params.from;
  if (from !== null && reference < from) throw new ReportParamError('reference_date', reference);
  const to = ctx.params.to !== null && ctx.params.to < reference ? ctx.params.to : reference;
  const window: Partial<QuerySpec> = from !== null ? { from, to } : { to };
  let byDay, byBuyer;
  try {
    byDay = ctx.query({ ...window, metrics: ['paid_orders'], dimensions: ['buyer_id', 'date:day'] });
    byBuyer = ctx.query({
      ...window,
      metrics: ['paid_orders', 'gmv', 'net_gmv'],
      dimensions: ['buyer_id'],
      sort: [
        { key: 'gmv', dir: 'desc' },
        { key: 'buyer_id', dir: 'asc' },
      ],
    });
  } catch (err) {
    if (err instanceof QueryError && err.code === 'DIMENSION_NOT_AVAILABLE') return null;
    throw err;
  }
  const dayText = new Map<string, string>();
  for (const r of byDay.rows) {
    if (r.buyer_id === null || !((numberOf(r.paid_orders) ?? 0) > 0)) continue;
    const buyer = String(r.buyer_id);
    const day = String(r['date:day']);
    if (!dayText.has(buyer) || day > dayText.get(buyer)!) dayText.set(buyer, day);
  }
  const buyers: (BuyerFigures & { gmvCents: number })[] = byBuyer.rows
    .filter((r) => r.buyer_id !== null && (numberOf(r.paid_orders) ?? 0) > 0 && dayText.has(String(r.buyer_id)))
    .map((r) => ({
      buyer: String(r.buyer_id),
      lastDay: parseIsoDay(dayText.get(String(r.buyer_id))!)!,
      orders: numberOf(r.paid_orders)!,
      gmvCents: toCents(numberOf(r.gmv) ?? 0),
      monetaryCents: toCents(numberOf(r.net_gmv) ?? 0),
    }));
  const buyersColumn: ResultColumn = {
    ...columnOf(byBuyer, 'paid_orders'),
    key: 'buyers',
    label: { zh: '客户数', en: 'Buyers' },
    formula: { zh: 'count(买家)', en: 'count(buyers)' },
  };
  return {
    reference,
    referenceDay,
    buyers,
    dayText,
    columns: {
      buyer_id: columnOf(byBuyer, 'buyer_id'),
      paid_orders: columnOf(byBuyer, 'paid_orders'),
      gmv: columnOf(byBuyer, 'gmv'),
      net_gmv: columnOf(byBuyer, 'net_gmv'),
      buyers: buyersColumn,
    },
  };
}
