import Papa from 'papaparse';
import { displayExpected } from '../grade/numbers';
import type { AnswerKey, ColumnDef, KeyRow, ValueFormat } from '../types';

const unitSuffix = (f: ColumnDef['format']): string => {
  switch (f.type) {
    case 'percent':
      return '(%)';
    case 'money':
      return '(元)';
    case 'pp':
      return '(百分点)';
    default:
      return '';
  }
};

/** Column headers as the task shows them, with units: `互动率(%)`, `消耗(元)`. */
export function headerLabel(c: ColumnDef, locale: 'zh' | 'en' = 'zh'): string {
  const base = c.header[locale] || c.header.zh;
  return /[(（]/.test(base) ? base : base + unitSuffix(c.format);
}

/** One cell of the key as shown to a grader: rounded to the asked digits (the exact value stays in `values`). */
export function keyCellText(row: KeyRow, column: ColumnDef): string {
  const v = row.values[column.key] ?? null;
  if (column.role === 'key') return v === null ? '' : String(v);
  const format = (row.formats?.[column.key] ?? column.format) as ValueFormat;
  const text = displayExpected(v, format);
  return format.type === 'percent' ? text.replace(/%$/, '') : format.type === 'pp' ? text.replace(/pp$/, '') : text;
}

/** The key as a plain table: headers and rounded cells (for `GET …/key` and `grade --json`). */
export function presentKey(key: AnswerKey, locale: 'zh' | 'en' = 'zh') {
  return {
    exerciseId: key.exerciseId,
    maxScore: key.maxScore,
    columns: key.columns.map((c) => ({ key: c.key, header: headerLabel(c, locale), role: c.role, format: c.format })),
    rows: key.rows.map((r) => ({ label: r.label, total: Boolean(r.isTotal), cells: key.columns.map((c) => keyCellText(r, c)), exact: r.values })),
  };
}

export function keyToCsv(key: AnswerKey, locale: 'zh' | 'en' = 'zh'): string {
  const p = presentKey(key, locale);
  return '\uFEFF' + Papa.unparse([p.columns.map((c) => c.header), ...p.rows.map((r) => r.cells)], { newline: '\r\n' }) + '\r\n';
}
