import { roundDecimal, shiftPoint, type Decimal, type FixedParts } from './decimal';
import type { Locale } from './locale';

interface Scale {
  power: number;
  suffix: string;
}

const SCALES: Record<Locale, readonly Scale[]> = {
  'zh-CN': [
    { power: 0, suffix: '' },
    { power: 4, suffix: '万' },
    { power: 8, suffix: '亿' },
  ],
  en: [
    { power: 0, suffix: '' },
    { power: 3, suffix: 'K' },
    { power: 6, suffix: 'M' },
    { power: 9, suffix: 'B' },
  ],
};

export const COMPACT_DECIMALS = 2;

export interface CompactParts {
  parts: FixedParts;
  suffix: string;
}

/**
 * Picks the largest scale not above the value, then moves up while rounding reaches the next one,
 * so 99,999,999 prints '1.00亿', never '10000.00万'. Unscaled values keep `plainDecimals`.
 */
export function roundCompact(d: Decimal, locale: Locale, plainDecimals: number, scaledDecimals: number): CompactParts {
  const scales = SCALES[locale];
  const order = orderOfMagnitude(d);
  let i = 0;
  while (i + 1 < scales.length && scales[i + 1].power <= order) i++;
  for (;;) {
    const scale = scales[i];
    const parts = roundDecimal(shiftPoint(d, -scale.power), i === 0 ? plainDecimals : scaledDecimals);
    const next = scales[i + 1];
    // integer has no leading zeros, so it is >= 10^k exactly when it has more than k digits.
    if (next && parts.integer.length > next.power - scale.power) {
      i++;
      continue;
    }
    return { parts, suffix: scale.suffix };
  }
}

/** floor(log10(|value|)) read off the digits; -Infinity for zero. */
function orderOfMagnitude(d: Decimal): number {
  const leadingZeros = /^0*/.exec(d.digits)![0].length;
  if (leadingZeros === d.digits.length) return -Infinity;
  return d.point - leadingZeros - 1;
}
