import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { SubmissionError } from './errors';
import { readXlsxGrid } from './xlsx';

export { SubmissionError };

export type SubmissionFormat = 'csv' | 'xlsx' | 'json';

/** A submitted table as a grid of cell texts; the header row is found when grading. */
export interface Submission {
  fileName: string;
  format: SubmissionFormat;
  encoding?: 'UTF-8' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE';
  grid: string[][];
}

/** Answers are small tables: anything larger is not one. */
export const MAX_SUBMISSION_BYTES = 5 * 1024 * 1024;

/** CSV (UTF-8 with or without BOM, GB18030, UTF-16), XLSX (first sheet with data) or JSON. */
export async function parseSubmission(bytes: Buffer | Uint8Array, fileName: string): Promise<Submission> {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
  if (buf.length === 0) throw new SubmissionError('SUBMISSION_EMPTY', '提交的文件是空的', 'The file is empty');
  if (buf.length > MAX_SUBMISSION_BYTES)
    throw new SubmissionError('SUBMISSION_TOO_LARGE', '文件太大，答案表不应超过 5 MB', 'The file is too large for an answer table (5 MB)');
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  if (buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0) {
    throw new SubmissionError('SUBMISSION_LEGACY_XLS', '不支持旧版 .xls，请另存为 .xlsx 或 CSV', 'Legacy .xls is not supported: save as .xlsx or CSV');
  }
  if (buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) {
    return { fileName, format: 'xlsx', grid: await readXlsxGrid(buf) };
  }
  const { text, encoding } = decodeText(buf);
  const trimmed = text.trimStart();
  if (ext === 'json' || ((trimmed.startsWith('{') || trimmed.startsWith('[')) && ext !== 'csv' && ext !== 'txt')) {
    return { fileName, format: 'json', encoding, grid: jsonGrid(trimmed) };
  }
  if (ext && !['csv', 'txt', 'tsv', ''].includes(ext) && /[\u0000-\u0008]/.test(text.slice(0, 512))) {
    throw new SubmissionError('SUBMISSION_FORMAT', '无法识别的文件格式，请提交 CSV、XLSX 或 JSON', 'Unknown format: submit CSV, XLSX or JSON');
  }
  return { fileName, format: 'csv', encoding, grid: csvGrid(text) };
}

function decodeText(buf: Buffer): { text: string; encoding: NonNullable<Submission['encoding']> } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf16le'), encoding: 'UTF-16LE' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf16be'), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'UTF-8' };
  } catch {
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'GB18030' };
  }
}

function csvGrid(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', '\t', ';', '|'] });
  return parsed.data.map((row) => row.map((c) => c ?? ''));
}

const cellText = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** `[{列: 值}]`, `{ rows: [...] }`, `{ columns: [...], rows: [[...]] }` or `{ headers, rows }`. */
function jsonGrid(text: string): string[][] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SubmissionError('SUBMISSION_JSON', 'JSON 格式错误', 'Malformed JSON');
  }
  const obj = data as Record<string, unknown>;
  const header = (Array.isArray(obj?.columns) ? obj.columns : Array.isArray(obj?.headers) ? obj.headers : null) as unknown[] | null;
  const rows = (Array.isArray(data) ? data : (obj?.rows ?? obj?.data ?? obj?.answer)) as unknown;
  if (!Array.isArray(rows))
    throw new SubmissionError(
      'SUBMISSION_JSON',
      'JSON 中找不到答案表（应为对象数组，或含 rows 的对象）',
      'No table in the JSON (an array of objects, or an object with rows)',
    );
  if (header) {
    const names = header.map((h) =>
      typeof h === 'object' && h !== null ? cellText((h as Record<string, unknown>).label ?? (h as Record<string, unknown>).key) : cellText(h),
    );
    return [names, ...rows.map((r) => (Array.isArray(r) ? r.map(cellText) : names.map((n) => cellText((r as Record<string, unknown>)[n]))))];
  }
  if (rows.every((r) => Array.isArray(r))) return (rows as unknown[][]).map((r) => r.map(cellText));
  const names: string[] = [];
  for (const r of rows) for (const k of Object.keys((r ?? {}) as object)) if (!names.includes(k)) names.push(k);
  return [names, ...rows.map((r) => names.map((n) => cellText((r as Record<string, unknown>)[n])))];
}
