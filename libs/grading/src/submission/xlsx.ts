import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { SubmissionError } from './errors';
import { scaled, shiftDecimal } from './values';

const MiB = 1024 * 1024;
const LIMITS = { entries: 2000, totalBytes: 64 * MiB };

/** Declared sizes from the central directory, checked before exceljs inflates anything. */
function checkArchive(buf: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = () => reject(new SubmissionError('SUBMISSION_XLSX', 'XLSX 文件损坏或过大', 'The XLSX file is damaged or too large'));
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return fail();
      if (zip.entryCount > LIMITS.entries) {
        zip.close();
        return fail();
      }
      let total = 0;
      zip.on('entry', (e: yauzl.Entry) => {
        total += e.uncompressedSize;
        if (total > LIMITS.totalBytes) {
          zip.close();
          return fail();
        }
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', fail);
      zip.readEntry();
    });
  });
}

/** Digits a number format shows after the point (`0.00%` -> 2), or null for General. */
function formatDecimals(numFmt: string | undefined): number | null {
  if (!numFmt || /general/i.test(numFmt)) return null;
  const m = /0\.(0+)/.exec(numFmt.split(';')[0]);
  return m ? m[1].length : /0/.test(numFmt) ? 0 : null;
}

function roundText(value: number, decimals: number): string {
  const [int, frac = ''] = shiftDecimal(value, 0).split('.');
  if (frac.length <= decimals) return decimals ? `${int}.${frac.padEnd(decimals, '0')}` : int;
  // Half away from zero on the decimal string.
  const kept = int.replace('-', '') + frac.slice(0, decimals);
  const up = frac[decimals] >= '5';
  let digits = up ? (BigInt(kept) + 1n).toString().padStart(kept.length, '0') : kept;
  const intLen = digits.length - decimals;
  digits = decimals ? `${digits.slice(0, intLen) || '0'}.${digits.slice(intLen)}` : digits;
  return (value < 0 ? '-' : '') + digits;
}

/** The text a grader sees in a cell: the shown digits of numbers, `12.35%` for percent formats. */
function cellText(cell: ExcelJS.Cell): string {
  let v: unknown = cell.value;
  if (v && typeof v === 'object' && 'result' in v) v = (v as { result: unknown }).result;
  if (v && typeof v === 'object' && 'richText' in v) return (v as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  if (v && typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
  if (v && typeof v === 'object' && 'error' in v) return String((v as { error: unknown }).error);
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  if (typeof v === 'number') {
    const numFmt = cell.numFmt;
    const decimals = formatDecimals(numFmt);
    if (numFmt && numFmt.includes('%')) {
      const pct = scaled(v, 2);
      return `${decimals === null ? shiftDecimal(pct, 0) : roundText(pct, decimals)}%`;
    }
    return decimals === null ? shiftDecimal(v, 0) : roundText(v, decimals);
  }
  return v === null || v === undefined ? '' : String(v);
}

/** The first worksheet with data (a sheet named 答案/answer first) as a grid of texts. */
export async function readXlsxGrid(buf: Buffer): Promise<string[][]> {
  await checkArchive(buf);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new SubmissionError('SUBMISSION_XLSX', 'XLSX 文件无法读取', 'The XLSX file cannot be read');
  }
  const sheets = wb.worksheets.filter((s) => s.actualRowCount > 0);
  const sheet = sheets.find((s) => /答案|answer/i.test(s.name)) ?? sheets[0];
  if (!sheet) throw new SubmissionError('SUBMISSION_EMPTY', 'XLSX 中没有数据', 'The XLSX file has no data');
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
    grid.push(cells);
  });
  return grid;
}
