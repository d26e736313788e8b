import type { Label } from '@creator-ops/schemas';

/**
 * Negative-review reasons as keyword rules (data): a negative review counts under every reason one of
 * whose words its text contains, so the reasons' counts may add up to more than the negative reviews;
 * `其他` counts those that match no rule (or have no text).
 */
export interface ReviewReason {
  key: string;
  label: Label;
  words: string[];
}

export const REVIEW_REASONS: ReviewReason[] = [
  { key: 'quality', label: { zh: '质量问题', en: 'Quality' }, words: ['质量', '坏了', '坏的', '破损', '异味', '变质', '过期', '发霉'] },
  { key: 'taste', label: { zh: '口味/口感', en: 'Taste' }, words: ['味道', '难吃', '太干', '太硬', '太酸', '太咸', '太甜', '不好嚼', '口感'] },
  { key: 'logistics', label: { zh: '物流慢', en: 'Slow delivery' }, words: ['物流', '快递', '发货慢', '太慢', '才到', '没到'] },
  { key: 'packaging', label: { zh: '包装问题', en: 'Packaging' }, words: ['包装', '漏了', '洒了', '压坏'] },
  { key: 'mismatch', label: { zh: '发错货/与描述不符', en: 'Wrong item / not as described' }, words: ['发错', '不符', '少发', '漏发', '货不对'] },
  { key: 'service', label: { zh: '客服/售后', en: 'Service' }, words: ['客服', '态度', '不回复', '没人接', '售后'] },
  { key: 'value', label: { zh: '分量/价格', en: 'Quantity / price' }, words: ['分量少', '太少', '不值', '太贵', '缺斤少两'] },
];

export const OTHER_REASON: Label = { zh: '其他', en: 'Other' };
