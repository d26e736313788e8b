import type { ReportTable } from './types';

/**
 * The summary row's label: 合计 when it sums the rows shown, "全部 N 个" when it covers a longer list
 * than the top N shown (web, CSV and XLSX all say the same).
 */
export function totalsLabel(table: Pick<ReportTable, 'totalsCover'>, locale: 'zh-CN' | 'en'): string {
  if (table.totalsCover) return locale === 'en' ? `All ${table.totalsCover}` : `全部 ${table.totalsCover} 个`;
  return locale === 'en' ? 'Total' : '合计';
}

/**
 * An Excel sheet name (≤ 31 characters, none of \ / ? * [ ] :) from a title: the short title before
 * any bracketed note ("作品排行（按播放量，前 10）" -> "作品排行"), cut at 31 only as a last resort.
 */
export function shortSheetTitle(title: string): string {
  const short = title
    .split(/[（(]/)[0]
    .replace(/[\\/?*[\]:：]/g, ' ')
    .trim();
  return (short || title.replace(/[\\/?*[\]:]/g, ' ').trim() || 'Sheet').slice(0, 31);
}
