import type { KeyFormat } from '../types';

/** NFKC, no BOM, tabs, apostrophes or `="…"` wrappers around it, inner whitespace collapsed. */
export function cleanText(raw: string): string {
  let s = raw.normalize('NFKC').replace(/^\uFEFF/, '');
  s = s.replace(/^[\s']+/, '').trim();
  const wrapped = /^="(.*)"$/.exec(s);
  if (wrapped) s = wrapped[1].trim();
  return s.replace(/\s+/g, ' ');
}

const pad2 = (n: number) => String(n).padStart(2, '0');
/** Excel's day 0 is 1899-12-30 (with its 1900 leap-year bug already folded in). */
const EXCEL_EPOCH_DAYS = -25569;

function excelSerialToParts(serial: number): { y: number; m: number; d: number; hh: number; mm: number; ss: number } {
  const ms = Math.round((serial + EXCEL_EPOCH_DAYS) * 86_400_000);
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), hh: t.getUTCHours(), mm: t.getUTCMinutes(), ss: t.getUTCSeconds() };
}

const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]+(\d{1,2})[:时](\d{1,2})分?(?::(\d{1,2}))?秒?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?(?:\s*[-/.]\s*0?1\s*日?)?$/;
const COMPACT_MONTH = /^(\d{4})(\d{2})$/;

function dateKey(s: string, withTime: boolean): string | null {
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const p = excelSerialToParts(Number(s));
    return withTime ? `${p.y}-${pad2(p.m)}-${pad2(p.d)} ${pad2(p.hh)}:${pad2(p.mm)}:${pad2(p.ss)}` : `${p.y}-${pad2(p.m)}-${pad2(p.d)}`;
  }
  const m = DATE.exec(s) ?? COMPACT_DATE.exec(s);
  if (!m) return null;
  const day = `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}`;
  if (!withTime) return day;
  return `${day} ${pad2(Number(m[4] ?? 0))}:${pad2(Number(m[5] ?? 0))}:${pad2(Number(m[6] ?? 0))}`;
}

const WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5, '6': 6, '7': 7 };
const WEEKDAY_EN = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function weekdayKey(s: string): string | null {
  const zh = /^(?:星期|周|礼拜)?([一二三四五六日天1-7])$/.exec(s);
  if (zh) return String(WEEKDAYS[zh[1]]);
  const en = WEEKDAY_EN.findIndex((w) => s.toLowerCase().startsWith(w));
  return en >= 0 ? String(en + 1) : null;
}

function hourKey(s: string): string | null {
  const m = /^(\d{1,2})(?:\s*(?:[:：]00|点|时|h))?(?:\s*(?:[-~—至]\s*\d{1,2}(?:[:：]00|点|时|h)?))?$/i.exec(s);
  if (!m || Number(m[1]) > 23) return null;
  return String(Number(m[1]));
}

/**
 * The form a key is matched in: `2026/9/7` and `2026年9月7日` are `2026-09-07`; `周一` is `1`; `20:00`
 * is `20`; text is compared case-insensitively after cleaning. An id that spreadsheet software
 * turned into scientific notation keeps a marker, so it never matches (its digits are lost).
 */
export function normaliseKey(raw: unknown, format: KeyFormat): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'number' && format.type === 'text') return String(raw);
  const s = cleanText(String(raw));
  switch (format.type) {
    case 'date':
    case 'week':
      return dateKey(s, false) ?? s.toLowerCase();
    case 'datetime':
      return dateKey(s, true) ?? s.toLowerCase();
    case 'month': {
      const m = MONTH.exec(s) ?? COMPACT_MONTH.exec(s);
      if (m) return `${m[1]}-${pad2(Number(m[2]))}`;
      const d = dateKey(s, false);
      return d ? d.slice(0, 7) : s.toLowerCase();
    }
    case 'weekday':
      return weekdayKey(s) ?? s.toLowerCase();
    case 'hour':
      return hourKey(s) ?? s.toLowerCase();
    case 'id':
      if (/^\d(?:\.\d+)?e\+?\d+$/i.test(s)) return `sci:${s}`;
      return s.replace(/\s+/g, '').toLowerCase();
    default:
      return s.toLowerCase();
  }
}

/** An id shown in scientific notation (6.9E+18) has lost digits in a spreadsheet. */
export function isScientificId(raw: string): boolean {
  return /^\d(?:\.\d+)?e\+?\d+$/i.test(cleanText(raw));
}
