import { TOTAL_ROW_TOKENS } from '@creator-ops/schemas';
import { headerForm, matchHeaders } from '../submission/headers';
import { cleanText, isScientificId, normaliseKey } from '../submission/keys';
import { periodKey } from '../submission/period-keys';
import type { AnswerKey, ColumnDef, KeyFormat } from '../types';

export interface SubmittedRow {
  /** 1-based row of the grid (the line in a CSV without preamble). */
  line: number;
  cells: string[];
  match: string[];
  label: string;
}

export interface MatchedTable {
  headerLine: number;
  /** Column key -> index in the submitted row. */
  columns: Map<string, number>;
  headerPercent: Map<string, boolean>;
  /** Key row index -> submitted row. */
  rows: Map<number, SubmittedRow>;
  /** Submitted data rows in their order, with the key row each matched (or -1). */
  order: { row: SubmittedRow; keyIndex: number }[];
  extra: { row: SubmittedRow; reason: 'extra' | 'duplicate' | 'total-ignored' | 'export-total' | 'scientific-id' }[];
}

const HEADER_SCAN_ROWS = 15;
const TOTAL_TOKENS = new Set([...TOTAL_ROW_TOKENS].map((t) => t.toLowerCase()).concat(['总计', '合计', '汇总', '总和', 'total', 'sum']));

export function isTotalLabel(text: string): boolean {
  return TOTAL_TOKENS.has(
    cleanText(text)
      .toLowerCase()
      .replace(/[:：\s]/g, ''),
  );
}

/**
 * The header row: the row among the first few whose cells name the most columns of the task. When
 * the one key column is named otherwise (名称 for 计划名称), it is the first column left unnamed.
 */
export function findHeader(columns: ColumnDef[], grid: string[][]): { line: number; columns: Map<string, number> } | null {
  const keys = columns.filter((c) => c.role === 'key');
  let best: { line: number; columns: Map<string, number> } | null = null;
  for (let i = 0; i < Math.min(HEADER_SCAN_ROWS, grid.length); i++) {
    const mapped = matchHeaders(columns, grid[i]);
    if (keys.length === 1 && !mapped.has(keys[0].key) && mapped.size > 0) {
      const free = grid[i].findIndex((h, idx) => cleanText(h ?? '') !== '' && ![...mapped.values()].includes(idx));
      if (free >= 0 && free < Math.min(...mapped.values())) mapped.set(keys[0].key, free);
    }
    if (!keys.every((c) => mapped.has(c.key))) continue;
    if (!best || mapped.size > best.columns.size) best = { line: i, columns: mapped };
  }
  return best;
}

/** A long id that lost its last digits in a spreadsheet (6.9E+18, or 6917926068920153000). */
function lostDigits(cell: string, key: AnswerKey, k: number): boolean {
  if (isScientificId(cell)) return true;
  const digits = cleanText(cell).replace(/\.0+$/, '');
  // Excel keeps 15 significant digits and pads the rest with zeros.
  if (!/^\d{16,}$/.test(digits) || !/^0+$/.test(digits.slice(15))) return false;
  return key.rows.some((r) => r.match[k] !== digits && r.match[k].length === digits.length && r.match[k].slice(0, 15) === digits.slice(0, 15));
}

/**
 * Pairs submitted rows with key rows by their normalised key (row order ignored). The totals row
 * matches its label or any total word; a total word the task does not ask for is ignored, unless
 * it is the export's own total row (全部), which counts as data taken from the export.
 */
export function matchRows(key: AnswerKey, grid: string[][]): MatchedTable | null {
  const header = findHeader(key.columns, grid);
  if (!header) return null;
  const keyCols = key.columns.filter((c) => c.role === 'key');
  const headerPercent = new Map<string, boolean>();
  for (const [k, idx] of header.columns) headerPercent.set(k, headerForm(grid[header.line][idx] ?? '').percent);
  const index = new Map<string, number>();
  key.rows.forEach((r, i) => {
    for (const m of [r.match, ...(r.aliases ?? [])]) {
      const k = m.join('\u0001');
      if (!index.has(k)) index.set(k, i);
    }
  });
  const totalIndex = key.rows.findIndex((r) => r.isTotal);
  const known = keyCols.map((_, k) => new Set(key.rows.filter((r) => !r.isTotal).map((r) => r.match[k])));
  const exportTotals = new Set(key.exportTotalLabels.map((l) => cleanText(l).toLowerCase()));
  const rows = new Map<number, SubmittedRow>();
  const order: MatchedTable['order'] = [];
  const extra: MatchedTable['extra'] = [];
  for (let i = header.line + 1; i < grid.length; i++) {
    const cells = grid[i];
    if (cells.every((c) => cleanText(c ?? '') === '')) continue;
    const keyCells = keyCols.map((c) => cells[header.columns.get(c.key)!] ?? '');
    const row: SubmittedRow = {
      line: i + 1,
      cells,
      match: keyCols.map((c, k) => {
        const normal = normaliseKey(keyCells[k], c.format as KeyFormat);
        return known[k].has(normal) ? normal : (periodKey(cleanText(keyCells[k] ?? ''), c.format as KeyFormat, known[k]) ?? normal);
      }),
      label: keyCells
        .map((c) => cleanText(c))
        .filter(Boolean)
        .join(' / '),
    };
    let keyIndex = index.get(row.match.join('\u0001'));
    const first = cleanText(keyCells[0] ?? '').toLowerCase();
    const isTotal = isTotalLabel(keyCells[0] ?? '');
    if (keyIndex === undefined && isTotal && totalIndex >= 0 && !rows.has(totalIndex) && !exportTotals.has(first)) keyIndex = totalIndex;
    if (keyIndex !== undefined && !rows.has(keyIndex)) {
      rows.set(keyIndex, row);
      order.push({ row, keyIndex });
      continue;
    }
    if (keyIndex !== undefined) extra.push({ row, reason: 'duplicate' });
    else if (exportTotals.has(first)) extra.push({ row, reason: 'export-total' });
    else if (isTotal) extra.push({ row, reason: 'total-ignored' });
    else if (keyCols.some((c, k) => c.format.type === 'id' && lostDigits(keyCells[k], key, k))) extra.push({ row, reason: 'scientific-id' });
    else extra.push({ row, reason: 'extra' });
    order.push({ row, keyIndex: -1 });
  }
  return { headerLine: header.line + 1, columns: header.columns, headerPercent, rows, order, extra };
}
