import type { Label } from '@creator-ops/schemas';

export interface BuyerFigures {
  buyer: string;
  /** Day number of the buyer's last paid order. */
  lastDay: number;
  /** F: paid orders. */
  orders: number;
  /** M: net GMV (成交金额 − 退款金额, metric net_gmv) in integer cents (exact sums and comparisons). */
  monetaryCents: number;
}

export type RfmSegmentKey =
  'important_value' | 'important_develop' | 'important_keep' | 'important_retain' | 'general_value' | 'general_develop' | 'general_keep' | 'general_retain';

/** The 8 classic segments, in the usual order: R近/远 × F高/低 × M高/低. */
export const RFM_SEGMENTS: { key: RfmSegmentKey; label: Label; near: boolean; highF: boolean; highM: boolean }[] = [
  { key: 'important_value', label: { zh: '重要价值客户', en: 'Important value' }, near: true, highF: true, highM: true },
  { key: 'important_develop', label: { zh: '重要发展客户', en: 'Important develop' }, near: true, highF: false, highM: true },
  { key: 'important_keep', label: { zh: '重要保持客户', en: 'Important keep' }, near: false, highF: true, highM: true },
  { key: 'important_retain', label: { zh: '重要挽留客户', en: 'Important retain' }, near: false, highF: false, highM: true },
  { key: 'general_value', label: { zh: '一般价值客户', en: 'General value' }, near: true, highF: true, highM: false },
  { key: 'general_develop', label: { zh: '一般发展客户', en: 'General develop' }, near: true, highF: false, highM: false },
  { key: 'general_keep', label: { zh: '一般保持客户', en: 'General keep' }, near: false, highF: true, highM: false },
  { key: 'general_retain', label: { zh: '一般挽留客户', en: 'General retain' }, near: false, highF: false, highM: false },
];

export const RFM_METHOD: Label = {
  zh: 'R = 参考日 − 最近一次支付日（天），F = 支付订单数，M = 净成交金额（成交金额 − 退款金额）；各与全部客户的平均值比较：R 低于平均为“近”，F、M 高于平均为“高”（等于平均值记为“远”/“低”）',
  en: 'R = reference day − last paid day (days), F = paid orders, M = GMV net of refunds; each compared with the mean over all buyers: R below the mean is recent, F and M above the mean are high (equal to the mean counts as not recent / low)',
};

export interface ScoredBuyer extends BuyerFigures {
  recencyDays: number;
  near: boolean;
  highF: boolean;
  highM: boolean;
  segment: RfmSegmentKey;
}

/**
 * Scores each buyer against the mean over buyers. Comparisons are done as `x · n` against `Σx` in
 * integers (days, orders, cents), so a value exactly at the mean is never misjudged by rounding.
 */
export function scoreRfm<B extends BuyerFigures>(
  buyers: B[],
  referenceDay: number,
): { buyers: (B & ScoredBuyer)[]; means: { r: number; f: number; m: number } | null } {
  const n = buyers.length;
  if (n === 0) return { buyers: [], means: null };
  const recency = buyers.map((b) => referenceDay - b.lastDay);
  const sumR = recency.reduce((s, v) => s + v, 0);
  const sumF = buyers.reduce((s, b) => s + b.orders, 0);
  const sumM = buyers.reduce((s, b) => s + b.monetaryCents, 0);
  const scored = buyers.map((b, i) => {
    const near = recency[i] * n < sumR;
    const highF = b.orders * n > sumF;
    const highM = b.monetaryCents * n > sumM;
    const segment = RFM_SEGMENTS.find((s) => s.near === near && s.highF === highF && s.highM === highM)!.key;
    return { ...b, recencyDays: recency[i], near, highF, highM, segment };
  });
  return { buyers: scored, means: { r: sumR / n, f: sumF / n, m: sumM / n / 100 } };
}
