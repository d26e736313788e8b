import { formatValue, type Locale, type Unit } from '@creator-ops/format';
import { tableToCsv } from '@creator-ops/core/light';
import type { QueryResult, ResultColumn } from '@creator-ops/query';
import { withComparisonColumns } from './comparison-columns';

/** Raw values: ratios as fractions, money in yuan, null where undefined. */
export function renderJson(result: QueryResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

const label = (c: ResultColumn, locale: Locale) => (locale === 'en' ? c.label.en : c.label.zh);

/** CSV for Chinese Excel (the same writer as the API's exports). */
export function renderCsv(result: QueryResult, locale: Locale): string {
  const shown = withComparisonColumns(result);
  return tableToCsv(shown.columns, shown.rows, shown.totals, locale);
}

/** An aligned table for people, every number through the one formatter. */
export function renderTable(full: QueryResult, locale: Locale): string {
  const result = { ...full, ...withComparisonColumns(full) };
  const cols = result.columns;
  const fmt = (c: ResultColumn, v: string | number | null) =>
    c.role === 'metric' ? formatValue(v as number | null, c.unit as Unit, { locale, decimals: c.decimals }) : v === null ? '-' : String(v);
  const lines: string[][] = [cols.map((c) => label(c, locale)), ...result.rows.map((r) => cols.map((c) => fmt(c, r[c.key])))];
  if (result.totals)
    lines.push(cols.map((c, i) => (c.role === 'metric' ? fmt(c, result.totals![c.key]) : i === 0 ? (locale === 'en' ? 'Total' : '合计') : '')));
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uFFEF]/.test(ch) ? 2 : 1), 0);
  const widths = cols.map((_, i) => Math.max(...lines.map((l) => width(l[i]))));
  const pad = (s: string, i: number) => (cols[i].role === 'metric' ? ' '.repeat(widths[i] - width(s)) + s : s + ' '.repeat(widths[i] - width(s)));
  const out = lines.map((l) => l.map(pad).join('  '));
  out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  const formulas = cols.filter((c) => c.formula).map((c) => `  ${label(c, locale)} = ${locale === 'en' ? c.formula!.en : c.formula!.zh}`);
  const compared = full.comparison ? `\n${locale === 'en' ? 'Compared with' : '对比期'}: ${full.comparison.period.from} ~ ${full.comparison.period.to}` : '';
  const period = result.period.from ? `\n${locale === 'en' ? 'Period' : '周期'}: ${result.period.from} ~ ${result.period.to}${compared}` : '';
  return out.join('\n') + period + '\n' + (formulas.length ? '\n' + formulas.join('\n') + '\n' : '');
}
