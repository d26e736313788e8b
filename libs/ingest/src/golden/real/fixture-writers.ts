/** Writers of the real-export fixtures (CSV as 抖店 / 罗盘 write it, xlsx as 千川 does), shared by the golden and e2e specs. */
import ExcelJS from 'exceljs';

/** CSV text (UTF-8 with BOM, as 抖店 and 罗盘 write it) from a header row and rows of cells. */
export function csv(header: string[], rows: (string | number)[][]): string {
  const quote = (v: string | number) => (typeof v === 'string' && /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v));
  return '\uFEFF' + [header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}

/** Rows given as { header: cell } objects, every other header `-` (as exports write empty cells). */
export function rowsOf(header: string[], rows: Record<string, string | number | undefined>[]): (string | number)[][] {
  for (const r of rows) for (const k of Object.keys(r)) if (!header.includes(k)) throw new Error(`fixture row names an unknown header ${k}`);
  return rows.map((r) => header.map((h) => r[h] ?? '-'));
}

export async function xlsxBytes(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2026, 5, 1));
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
