import { cleanText } from './keys';

/** A number as a trainee wrote it. */
export interface WrittenNumber {
  value: number;
  /** Digits after the point as written, in the value's own scale (1.2万 -> -3). */
  decimals: number;
  percent: boolean;
  points: boolean;
}

export type ParsedCell = { kind: 'empty' } | { kind: 'invalid'; text: string } | { kind: 'number'; n: WrittenNumber } | { kind: 'text'; text: string };

const EMPTY = new Set(['', '-', '--', '—', '——', '–', 'n/a', 'na', '/', '无', '空', 'null', '#n/a']);
const INVALID = new Set(['∞', '+∞', '-∞', 'infinity', '#div/0!', '#num!', 'nan', '#value!', '除数为0', '无穷大']);

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * Reads `13%`, `0.13`, `¥1,234.50`, `1.2万`, `+0.35pp`, `0.35个百分点`, `2.35倍`, `1:2.35` (ROI) and
 * the empty shapes (`-`, `—`); `#DIV/0!` and `∞` are invalid answers, anything else is text.
 */
export function parseCell(raw: string | null | undefined): ParsedCell {
  const text = cleanText(raw ?? '');
  const lower = text.toLowerCase();
  if (EMPTY.has(lower)) return { kind: 'empty' };
  if (INVALID.has(lower)) return { kind: 'invalid', text };
  let s = lower.replace(/\s+/g, '');
  let percent = false;
  let points = false;
  let shift = 0;
  const ratio = /^1:(\d+(?:\.\d+)?)$/.exec(s);
  if (ratio) s = ratio[1];
  s = s.replace(/^([+-]?)[¥$]/, '$1').replace(/^rmb/, '');
  for (let changed = true; changed;) {
    changed = false;
    const strip = (suffix: string) => {
      if (s.length > suffix.length && s.endsWith(suffix)) {
        s = s.slice(0, -suffix.length);
        changed = true;
        return true;
      }
      return false;
    };
    if (strip('个百分点') || strip('百分点') || strip('pp') || strip('pct')) points = true;
    else if (strip('%')) percent = true;
    else if (strip('万元') || strip('万')) shift += 4;
    else if (strip('亿')) shift += 8;
    else strip('元') || strip('倍') || strip('x') || strip('×') || strip('次') || strip('人') || strip('天') || strip('个') || strip('件') || strip('单');
  }
  if (!PLAIN.test(s) && !GROUPED.test(s)) return { kind: 'text', text };
  const plain = s.replace(/,/g, '');
  const [mantissa, exponent = '0'] = plain.split('e');
  const fraction = mantissa.split('.')[1] ?? '';
  const decimals = fraction.length - Number(exponent) - shift;
  const value = shift ? Number(shiftDecimal(plain, shift)) : Number(plain);
  if (!Number.isFinite(value)) return { kind: 'invalid', text };
  return { kind: 'number', n: { value, decimals, percent, points } };
}

/**
 * Multiplies by 10^places on the decimal string, so 0.145 × 100 is 14.5 and not
 * 14.499999999999998 (rounding then sees the decimal a person sees).
 */
export function shiftDecimal(value: number | string, places: number): string {
  const str = typeof value === 'number' ? String(value) : value;
  const negative = str.startsWith('-');
  const [mantissa, exponent = '0'] = str.replace(/^[+-]/, '').toLowerCase().split('e');
  const [int, frac = ''] = mantissa.split('.');
  const digits = int + frac;
  let point = int.length + Number(exponent) + places;
  let padded = digits;
  if (point <= 0) {
    padded = '0'.repeat(1 - point) + digits;
    point = 1;
  } else if (point > digits.length) padded = digits.padEnd(point, '0');
  const result = `${padded.slice(0, point)}.${padded.slice(point)}`.replace(/^0+(?=\d)/, '').replace(/\.?0*$/, '') || '0';
  return (negative && /[1-9]/.test(result) ? '-' : '') + result;
}

export function scaled(value: number, places: number): number {
  return places === 0 ? value : Number(shiftDecimal(value, places));
}
