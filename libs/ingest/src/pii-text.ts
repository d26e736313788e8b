/**
 * Contact data people write into free text (review texts, open survey answers): mobile and landline
 * numbers, ID-card numbers, e-mail addresses, WeChat/QQ handles and street addresses are replaced by
 * a marker before the text is stored, so they are never stored, returned or logged.
 */
export const SCRUBBED_MARK = '[已隐藏]';

const PATTERNS: RegExp[] = [
  // 18-digit ID card numbers (last digit may be X), before phones so their digits are not split.
  /(?<!\d)\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/g,
  // Mainland mobiles, with +86 and spaces or dashes between the groups.
  /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/g,
  // Landlines: 0xx(x)-xxxxxxx(x).
  /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g,
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
  // 微信/vx/QQ followed by a handle.
  /(?:微信号?|[vV][xX]|[wW][xX]|[qQ]{2})\s*[:：]?\s*[A-Za-z0-9_-]{5,20}/g,
  // Street addresses: ...路/街/巷/道 + number 号, optionally building, unit and room.
  /[\u4e00-\u9fa5]{1,12}(?:路|街|巷|大道|道)\d+号(?:\d+(?:栋|幢|号楼))?(?:\d+单元)?(?:\d+(?:室|号房))?/g,
];

/** The text with every piece of contact data replaced by SCRUBBED_MARK, or null when nothing was found. */
export function scrubFreeText(text: string): string | null {
  let out = text;
  for (const p of PATTERNS) out = out.replace(p, SCRUBBED_MARK);
  return out === text ? null : out;
}
