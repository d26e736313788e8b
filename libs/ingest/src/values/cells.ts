import { NULL_TOKENS } from '@creator-ops/schemas';
import { splitDecimal, type DecimalText } from './decimal';

/**
 * Strips the wrappers spreadsheets and platforms put around cells to keep them text: a leading tab
 * (抖店 ids), a `="…"` formula wrapper, surrounding whitespace.
 */
export function unwrapCell(raw: string): string {
  let s = raw;
  if (s.length === 0) return s;
  if (s.charCodeAt(0) === 9 /* \t */ || s.charCodeAt(s.length - 1) === 9) s = s.replace(/^\t+|\t+$/g, '');
  if (s.length > 3 && s.charCodeAt(0) === 61 /* = */ && s.charCodeAt(1) === 34 && s.charCodeAt(s.length - 1) === 34) s = s.slice(2, -1);
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  if (first === 32 || last === 32 || first === 0x3000 || last === 0x3000) s = s.trim();
  return s;
}

export function isNullToken(text: string): boolean {
  return text.length <= 4 && NULL_TOKENS.has(text);
}

export interface NumericCell {
  d: DecimalText;
  /** Power of ten carried by the cell itself (万 = 4, 亿 = 8, scientific exponent). */
  exp: number;
  percent: boolean;
  time: 'seconds' | 'minutes' | 'hours' | null;
}

const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const SCIENTIFIC = /^([+-]?\d*\.?\d*)[eE]([+-]?\d{1,3})$/;
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

/** Parses a numeric cell's text (already unwrapped, not a null token); null when it is not a number. */
export function parseNumericText(input: string): NumericCell | null {
  let s = input;
  if (FULL_WIDTH.test(s)) s = s.normalize('NFKC').trim();
  let percent = false;
  let exp = 0;
  let time: NumericCell['time'] = null;
  const c = s.charCodeAt(0);
  if (c === 0xa5 /* ¥ */ || c === 0xffe5) s = s.slice(1).trim();
  else if ((c === 43 || c === 45) && (s.charCodeAt(1) === 0xa5 || s.charCodeAt(1) === 0xffe5)) s = s[0] + s.slice(2).trim();
  // Trailing unit words, longest first.
  for (;;) {
    const last = s[s.length - 1];
    if (last === '%') {
      percent = true;
      s = s.slice(0, -1);
      continue;
    }
    if (last === '元') {
      s = s.slice(0, -1);
      continue;
    }
    if (last === '万' && exp === 0) {
      exp = 4;
      s = s.slice(0, -1);
      continue;
    }
    if (last === '亿' && exp === 0) {
      exp = 8;
      s = s.slice(0, -1);
      continue;
    }
    if (s.endsWith('分钟')) {
      time = 'minutes';
      s = s.slice(0, -2);
      continue;
    }
    if (s.endsWith('小时')) {
      time = 'hours';
      s = s.slice(0, -2);
      continue;
    }
    if (last === '秒' || (last === 's' && /\ds$/.test(s))) {
      time = 'seconds';
      s = s.slice(0, -1);
      continue;
    }
    if (last === '次' || last === '人' || last === '个' || last === '件' || last === '单') {
      s = s.slice(0, -1);
      continue;
    }
    break;
  }
  s = s.trim();
  if (s.includes(',')) {
    if (!GROUPED.test(s)) return null;
    s = s.replace(/,/g, '');
  }
  let d = splitDecimal(s);
  if (!d) {
    const sci = SCIENTIFIC.exec(s);
    if (!sci) return null;
    d = splitDecimal(sci[1]);
    if (!d) return null;
    exp += Number(sci[2]);
  }
  return { d, exp, percent, time };
}

const ID_SCIENTIFIC = /^[+-]?\d+(\.\d+)?[eE][+-]?\d+$/;

/** Ids keep their text; a leading apostrophe (Excel's "treat as text") is dropped. */
export function cleanId(text: string): { id: string } | { error: 'ID_SCIENTIFIC' } {
  const s = text.charCodeAt(0) === 39 /* ' */ ? text.slice(1).trim() : text;
  if (ID_SCIENTIFIC.test(s)) return { error: 'ID_SCIENTIFIC' };
  return { id: s };
}
