import type { FixedParts } from './decimal';

/** `'1234567'` -> `'1,234,567'` (zh-CN and en group the same way). */
export function groupThousands(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+$)/g, ',');
}

export interface Affixes {
  sign?: boolean;
  prefix?: string;
  suffix?: string;
}

/** `-¥1,234.50万`: the sign goes before the currency; `sign` adds '+' only to a non-zero result. */
export function composeNumber(p: FixedParts, affixes: Affixes = {}): string {
  const isZero = !/[1-9]/.test(p.integer + p.fraction);
  const sign = p.negative ? '-' : affixes.sign && !isZero ? '+' : '';
  const fraction = p.fraction ? `.${p.fraction}` : '';
  return `${sign}${affixes.prefix ?? ''}${groupThousands(p.integer)}${fraction}${affixes.suffix ?? ''}`;
}
