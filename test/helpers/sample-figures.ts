import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { sampleBytes } from './e2e-app';

/**
 * An independent reading of the sample exports for the e2e expectations: papaparse plus plain
 * string arithmetic, sharing no code with libs/ingest. Money is summed as integer cents.
 */

export type CsvRow = Record<string, string>;

/** Decodes UTF-8 (with or without BOM), falling back to GB18030, and parses with a header row. */
export function decodeCsvText(bytes: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = iconv.decode(bytes, 'gb18030');
  }
  return text.replace(/^\uFEFF/, '');
}

export function parseCsv(text: string): CsvRow[] {
  const parsed = Papa.parse<CsvRow>(text, { header: true, skipEmptyLines: true });
  return parsed.data;
}

export function readSample(name: string): CsvRow[] {
  return parseCsv(decodeCsvText(sampleBytes(name)));
}

/** An id or text cell without the leading tab/apostrophe exporters add. */
export function clean(cell: string | undefined): string {
  return (cell ?? '').replace(/^[\t']+/, '').trim();
}

const NULLS = new Set(['', '-', '--']);

export function isNullCell(cell: string | undefined): boolean {
  return NULLS.has(clean(cell));
}

/** "1,610.67" -> 161067 (integer cents, no floating point involved). */
export function cents(cell: string | undefined): number {
  const text = clean(cell).replace(/,/g, '');
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`not a money amount: ${JSON.stringify(cell)}`);
  const value = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -value : value;
}

/** "98,875" -> 98875. */
export function int(cell: string | undefined): number {
  const text = clean(cell).replace(/,/g, '');
  if (!/^-?\d+$/.test(text)) throw new Error(`not an integer: ${JSON.stringify(cell)}`);
  return Number(text);
}

export function sumBy<T>(rows: T[], f: (r: T) => number): number {
  return rows.reduce((acc, r) => acc + f(r), 0);
}

/**
 * Orders that count as paid (docs/DESIGN.md §5, DESIGN §4 as corrected in issue 11): those with a
 * payment time (支付完成时间); only without that column, by status: not 待支付, and 已关闭 only after
 * a completed refund.
 */
export function isPaidOrder(row: CsvRow): boolean {
  if ('支付完成时间' in row) return !isNullCell(row['支付完成时间']);
  const status = clean(row['订单状态']);
  if (status === '待支付') return false;
  if (status === '已关闭') return ['退款成功', '同意退款，退款成功', '售后成功'].includes(clean(row['售后状态']));
  return true;
}

export interface OrderFigures {
  gmvCents: number;
  paidOrders: number;
  units: number;
}

export function orderFigures(rows: CsvRow[]): OrderFigures {
  const paid = rows.filter(isPaidOrder);
  return {
    gmvCents: sumBy(paid, (r) => cents(r['订单应付金额'])),
    paidOrders: new Set(paid.map((r) => clean(r['主订单编号']))).size,
    units: sumBy(paid, (r) => int(r['商品数量'])),
  };
}

/** The day of a "YYYY-MM-DD HH:mm:ss" or "YYYY/MM/DD ..." wall-clock cell. */
export function dayOf(cell: string | undefined): string {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(clean(cell));
  if (!m) throw new Error(`not a date: ${JSON.stringify(cell)}`);
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}
