import { formatDay, parseIsoDay } from '@creator-ops/format';
import { diagnosis, type Diagnosis } from '../messages';
import type { AnswerKey, KeyFormat } from '../types';
import type { MatchedTable } from './match';

/** Shifts of a date key that a typical mistake makes: days added, and the code that names it. */
const SHIFTS: Partial<Record<KeyFormat['type'], { days: number; code: string }[]>> = {
  date: [{ days: 1, code: 'DATES_SHIFTED' }, { days: -1, code: 'DATES_SHIFTED' }],
  datetime: [{ days: 1, code: 'DATES_SHIFTED' }, { days: -1, code: 'DATES_SHIFTED' }],
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
}

/**
 * Rows submitted under shifted dates (every date a day late, weeks starting on Sunday): the extra
 * rows are the key's rows moved by the shift. Found when at least half the extra rows agree.
 */
export function keyShiftDiagnoses(key: AnswerKey, table: MatchedTable): KeyShiftFindings {
  const found: KeyShiftFindings = { extra: new Map(), missing: new Map() };
  const keyCols = key.columns.filter((c) => c.role === 'key');
  const k = keyCols.findIndex((c) => SHIFTS[(c.format as KeyFormat).type]);
  const extras = table.extra.filter((e) => e.reason === 'extra');
  if (k < 0 || extras.length === 0) return found;
  const index = new Map(key.rows.map((r, i) => [r.match.join('\u0001'), i]));
  for (const shift of SHIFTS[(keyCols[k].format as KeyFormat).type]!) {
    const hits: { line: number; keyIndex: number }[] = [];
    for (const e of extras) {
      const moved = shiftMatch(e.row.match[k], -shift.days);
      const i = moved === null ? undefined : index.get(e.row.match.map((m, j) => (j === k ? moved : m)).join('\u0001'));
      if (i !== undefined && !table.rows.has(i)) hits.push({ line: e.row.line, keyIndex: i });
    }
    if (hits.length === 0 || hits.length < extras.length / 2) continue;
    const d = diagnosis(shift.code);
    for (const h of hits) {
      found.extra.set(h.line, d);
      found.missing.set(h.keyIndex, d);
    }
    return found;
  }
  return found;
}
