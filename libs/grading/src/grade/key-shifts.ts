import { formatDay, parseIsoDay } from '@creator-ops/format';
import { diagnosis, type Diagnosis } from '../messages';
import type { AnswerKey, KeyFormat } from '../types';
import type { MatchedTable, SubmittedRow } from './match';

/** Shifts of a date key that a typical mistake makes: days added, and the code that names it. */
const SHIFTS: Partial<Record<KeyFormat['type'], { days: number; code: string }[]>> = {
  date: [
    { days: 1, code: 'DATES_SHIFTED' },
    { days: -1, code: 'DATES_SHIFTED' },
  ],
  datetime: [
    { days: 1, code: 'DATES_SHIFTED' },
    { days: -1, code: 'DATES_SHIFTED' },
  ],
  // A week labelled by its Sunday start is the Monday of the key minus one day.
  week: [{ days: -1, code: 'WEEK_START_SUNDAY' }],
};

function shiftMatch(match: string, days: number): string | null {
  const day = parseIsoDay(match.slice(0, 10));
  return day === null ? null : formatDay(day + days) + match.slice(10);
}

export interface KeyShiftFindings {
  /** Submitted line -> diagnosis of an extra row that is a key row with its date shifted. */
  extra: Map<number, Diagnosis>;
  /** Key row index -> diagnosis of a missing row whose shifted date was submitted. */
  missing: Map<number, Diagnosis>;
  /** Key row index -> diagnosis of a matched row that holds the values of another day. */
  matched: Map<number, Diagnosis>;
}

/** Whether a submitted row holds the values of key row `keyIndex`. */
export type RowAgrees = (row: SubmittedRow, keyIndex: number) => boolean;

/**
 * Rows submitted under shifted dates (every date a day late, weeks starting on Sunday): a submitted
 * row is the key row of the unshifted date, recognised by its values (consecutive days then match
 * the wrong day) or, without values, by being extra while that key row is missing. Found when at
 * least half the submitted rows agree.
 */
export function keyShiftDiagnoses(key: AnswerKey, table: MatchedTable, agrees: RowAgrees): KeyShiftFindings {
  const found: KeyShiftFindings = { extra: new Map(), missing: new Map(), matched: new Map() };
  const keyCols = key.columns.filter((c) => c.role === 'key');
  const k = keyCols.findIndex((c) => SHIFTS[(c.format as KeyFormat).type]);
  const submitted = table.order.filter((o) => o.keyIndex < 0 || !key.rows[o.keyIndex].isTotal);
  if (k < 0 || submitted.length < 2) return found;
  const index = new Map(key.rows.map((r, i) => [r.match.join('\u0001'), i]));
  const hasValues = key.columns.some((c) => c.role === 'value');
  for (const shift of SHIFTS[(keyCols[k].format as KeyFormat).type]!) {
    const hits: { row: SubmittedRow; matchedIndex: number; keyIndex: number }[] = [];
    for (const o of submitted) {
      const moved = shiftMatch(o.row.match[k], -shift.days);
      const i = moved === null ? undefined : index.get(o.row.match.map((m, j) => (j === k ? moved : m)).join('\u0001'));
      if (i === undefined) continue;
      if (hasValues ? agrees(o.row, i) : o.keyIndex < 0 && !table.rows.has(i)) hits.push({ row: o.row, matchedIndex: o.keyIndex, keyIndex: i });
    }
    if (hits.length < Math.max(2, submitted.length / 2)) continue;
    const d = diagnosis(shift.code);
    const heldAt = new Set(hits.map((h) => h.keyIndex));
    for (const h of hits) {
      if (h.matchedIndex < 0) found.extra.set(h.row.line, d);
      else found.matched.set(h.matchedIndex, d);
    }
    key.rows.forEach((_, i) => !table.rows.has(i) && heldAt.has(i) && found.missing.set(i, d));
    return found;
  }
  return found;
}
