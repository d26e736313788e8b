import Papa from 'papaparse';
import { neutraliseFormula } from '@creator-ops/format';
import type { ResultColumn, ResultRow } from '@creator-ops/query';

type Locale = 'zh-CN' | 'en';

const label = (c: ResultColumn, locale: Locale) => (locale === 'en' ? c.label.en : c.label.zh);

/** CSV for Chinese Excel: UTF-8 BOM, CRLF, raw numbers (ratios as fractions, money in yuan), formula-looking text neutralised. */
export function tableToCsv(columns: ResultColumn[], rows: ResultRow[], totals: ResultRow | null | undefined, locale: Locale): string {
  const header = columns.map((c) => neutraliseFormula(label(c, locale)));
  const body = rows.map((r) => columns.map((c) => csvCell(r[c.key])));
  if (totals) body.push(columns.map((c, i) => (c.role === 'metric' ? csvCell(totals[c.key]) : i === 0 ? (locale === 'en' ? 'Total' : '合计') : '')));
  return '\uFEFF' + Papa.unparse([header, ...body], { newline: '\r\n' }) + '\r\n';
}

function csvCell(v: string | number | null | undefined): string | number {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? neutraliseFormula(v) : v;
}
