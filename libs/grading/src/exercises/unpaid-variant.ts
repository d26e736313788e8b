import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { ImportReport } from '@creator-ops/ingest';
import { UNPAID_STATUSES } from '@creator-ops/metrics';

/**
 * An order export as a trainee who ignores the paid-order rule sees it: every unpaid or closed
 * order counted as paid at its submission time (status 已完成, 支付完成时间 = 订单提交时间).
 * Null when the export lacks the columns.
 */
export function unpaidAsPaidText(bytes: Buffer, report: ImportReport): string | null {
  const encoding = report.encoding.startsWith('UTF-8') ? 'utf8' : report.encoding;
  const text = iconv.decode(bytes, encoding).replace(/^\uFEFF/, '');
  const delimiter = report.delimiter === 'tab' ? '\t' : report.delimiter;
  const rows = Papa.parse<string[]>(text, { delimiter }).data;
  const header = rows[report.headerRow - 1] ?? [];
  const indexOf = (field: string) => {
    const source = report.mapping.find((m) => m.field === field)?.source;
    return header.findIndex((h) => h.normalize('NFKC').trim() === source);
  };
  const [status, created, paid] = [indexOf('status'), indexOf('created_at'), indexOf('paid_at')];
  if (status < 0 || created < 0 || paid < 0) return null;
  for (let i = report.headerRow; i < rows.length; i++) {
    const row = rows[i];
    if (!row || !UNPAID_STATUSES.includes((row[status] ?? '').trim())) continue;
    row[status] = '已完成';
    row[paid] = row[created];
  }
  return Papa.unparse(rows, { delimiter, newline: '\r\n' });
}
