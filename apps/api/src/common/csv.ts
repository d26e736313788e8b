import Papa from 'papaparse';
import { formatValue, neutraliseFormula } from '@creator-ops/format';
import type { ResultColumn, ResultRow } from '@creator-ops/query';

type Locale = 'zh-CN' | 'en';

const label = (c: ResultColumn, locale: Locale) => (locale === 'en' ? c.label.en : c.label.zh);

export interface CsvOptions {
  /**
   * For people opening the file in Excel/WPS (report downloads): digit-only text such as 19-digit
   * ids gets a leading tab, as 抖店 and 千川 exports do, so Excel keeps it as text instead of
   * 3.69E+18 (our importer strips that tab again); percents are written `29.04%`, which Excel reads
   * as the number 0.2904 formatted as a percent. Without it (CLI, machines): raw values, ratios as
   * fractions.
   */
  excel?: boolean;
  /** The summary row's label (default 合计 / Total). */
  totalsLabel?: string;
}

/** CSV for Chinese Excel: UTF-8 BOM, CRLF, money in yuan (exact cents), formula-looking text neutralised. */
export function tableToCsv(columns: ResultColumn[], rows: ResultRow[], totals: ResultRow | null | undefined, locale: Locale, options: CsvOptions = {}): string {
  const header = columns.map((c) => neutraliseFormula(label(c, locale)));
  const cellOf = (c: ResultColumn, v: string | number | null | undefined) => csvCell(c, v, options.excel === true);
  const body = rows.map((r) => columns.map((c) => cellOf(c, r[c.key])));
  const totalsLabel = options.totalsLabel ?? (locale === 'en' ? 'Total' : '合计');
  if (totals) body.push(columns.map((c, i) => (c.role === 'metric' ? cellOf(c, totals[c.key]) : i === 0 ? totalsLabel : '')));
  return '\uFEFF' + Papa.unparse([header, ...body], { newline: '\r\n' }) + '\r\n';
}

function csvCell(column: ResultColumn, v: string | number | null | undefined, excel: boolean): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') {
    // Digits only: cannot be a formula, so the tab is safe (and it is what keeps Excel from rounding).
    return excel && /^\d+$/.test(v) ? `\t${v}` : neutraliseFormula(v);
  }
  if (excel && column.unit === 'percent') return formatValue(v, 'percent', { locale: 'en', decimals: column.decimals ?? 2 }).replace(/,/g, '');
  return v;
}
