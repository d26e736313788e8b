/** What a header's unit suffix says about the values under it. */
export interface HeaderUnit {
  /** `%` or `(%)`: bare numbers are percent points. */
  percent?: boolean;
  /** 元: money. */
  yuan?: boolean;
  /** 万 or 亿 multiplier from the header, e.g. `播放量(万)`. */
  multiplier?: number;
  /** Time unit of a duration header. */
  time?: 'seconds' | 'minutes' | 'hours';
  /** 次 / 个 / 人: a count. */
  count?: boolean;
}

export interface NormalisedHeader {
  /** The header as it appears after NFKC and trimming: what users see. */
  display: string;
  /** The comparison form used against aliases: unit suffix removed. */
  base: string;
  unit: HeaderUnit;
}

const UNIT_WORDS: Record<string, HeaderUnit> = {
  '%': { percent: true },
  元: { yuan: true },
  '¥': { yuan: true },
  次: { count: true },
  个: { count: true },
  人: { count: true },
  件: { count: true },
  单: { count: true },
  秒: { time: 'seconds' },
  s: { time: 'seconds' },
  分钟: { time: 'minutes' },
  分: { time: 'minutes' },
  min: { time: 'minutes' },
  小时: { time: 'hours' },
  h: { time: 'hours' },
  万: { multiplier: 1e4 },
  万元: { yuan: true, multiplier: 1e4 },
  亿: { multiplier: 1e8 },
};

// `(元)`, `（元）`, `[%]` after NFKC become ASCII brackets.
const BRACKETED_UNIT = /\s*[([]\s*([^()[\]]{1,4})\s*[)\]]\s*$/;

/**
 * Normalises an export header for matching: NFKC (full-width to half-width), BOM, tabs and quotes
 * stripped, inner whitespace removed, a trailing unit suffix split off as a hint.
 * `整体消耗（元）` -> base `整体消耗`, unit { yuan }; `点击率%` -> base `点击率`, unit { percent }.
 */
export function normaliseHeader(raw: string): NormalisedHeader {
  const display = raw
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/[\t\r\n]/g, ' ')
    .replace(/^['"\s]+|['"\s]+$/g, '')
    .trim();
  let base = display.replace(/\s+/g, '');
  let unit: HeaderUnit = {};
  const bracketed = BRACKETED_UNIT.exec(base);
  if (bracketed && UNIT_WORDS[bracketed[1].toLowerCase()] !== undefined) {
    unit = UNIT_WORDS[bracketed[1].toLowerCase()];
    base = base.slice(0, bracketed.index);
  } else if (base.length > 1 && base.endsWith('%')) {
    unit = { percent: true };
    base = base.slice(0, -1);
  }
  return { display, base, unit };
}

/** The comparison key of an alias or a header: lower-case ASCII, no whitespace. */
export function headerKey(text: string): string {
  return normaliseHeader(text).base.toLowerCase();
}
