import type { ColumnDef } from '../types';
import { vocabularyOf } from './vocabulary';

export interface HeaderForm {
  base: string;
  percent: boolean;
}

const UNIT = /[([【]\s*(%|％|元|¥|次|个|人|天|倍|x|×|件|单|秒|分钟|pp|个百分点|百分点|万|万元|元\/人|元\/单)\s*[)\]】]$/i;

/**
 * `互动率（%）`, `互动率(%)`, `互动率%` and ` 互动率 ` all read as `互动率`, with the percent noted.
 * NFKC turns full-width brackets and signs into ASCII first.
 */
export function headerForm(raw: string): HeaderForm {
  let s = raw
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .replace(/^['"\s]+|['"\s]+$/g, '')
    .replace(/\s+/g, '')
    .toLowerCase();
  let percent = false;
  for (let i = 0; i < 2; i++) {
    const m = UNIT.exec(s);
    if (m) {
      if (m[1] === '%') percent = true;
      s = s.slice(0, m.index);
    } else if (s.length > 1 && s.endsWith('%')) {
      percent = true;
      s = s.slice(0, -1);
    }
  }
  return { base: s, percent };
}

/**
 * Maps each column of the task to a submitted column: exact name (zh, en or an alias) first, then
 * a unique exact word of the shared header vocabulary (点击次数 for 点击数, 花费 for 消耗), then a
 * unique name that one contains the other (`互动率（含收藏）` for `互动率`).
 */
export function matchHeaders(columns: ColumnDef[], headers: string[]): Map<string, number> {
  const forms = headers.map((h) => headerForm(h).base);
  const used = new Set<number>();
  const result = new Map<string, number>();
  const names = (c: ColumnDef) => [c.header.zh, c.header.en, ...(c.aliases ?? [])].filter(Boolean).map((n) => headerForm(n).base);
  for (const c of columns) {
    const wanted = names(c);
    const i = forms.findIndex((f, idx) => !used.has(idx) && f !== '' && wanted.includes(f));
    if (i >= 0) {
      result.set(c.key, i);
      used.add(i);
    }
  }
  // The shared vocabulary (export aliases, metric labels), exact only, never another column's own name.
  const own = new Set(columns.flatMap(names));
  for (const c of columns) {
    if (result.has(c.key)) continue;
    const wanted = vocabularyOf(c).filter((n) => !own.has(n));
    const hits = forms.map((f, idx) => idx).filter((idx) => !used.has(idx) && wanted.includes(forms[idx]));
    if (hits.length === 1) {
      result.set(c.key, hits[0]);
      used.add(hits[0]);
    }
  }
  for (const c of columns) {
    if (result.has(c.key)) continue;
    const wanted = names(c).filter((n) => n.length >= 2);
    const hits = forms
      .map((f, idx) => idx)
      .filter((idx) => !used.has(idx) && forms[idx].length >= 2 && wanted.some((w) => forms[idx].includes(w) || w.includes(forms[idx])));
    if (hits.length === 1) {
      result.set(c.key, hits[0]);
      used.add(hits[0]);
    }
  }
  return result;
}
