import { diagnosis, type Diagnosis } from '../messages';
import { parseCell } from '../submission/values';
import type { AnswerKey, ValueFormat } from '../types';
import type { MatchedTable } from './match';
import { readings, toPresentation } from './numbers';

/**
 * TODAY()-style drift: a whole column shifted by the same positive whole number (R computed from
 * a later reference day), or by one day either way (R counted inclusively). Found per column,
 * since one shifted cell alone proves nothing.
 */
export function offsetDiagnoses(key: AnswerKey, table: MatchedTable): Map<string, Diagnosis> {
  const found = new Map<string, Diagnosis>();
  for (const alt of key.alternatives) {
    const col = alt.def.offset?.column;
    const idx = col === undefined ? undefined : table.columns.get(col);
    if (col === undefined || idx === undefined) continue;
    const format = key.columns.find((c) => c.key === col)!.format as Exclude<ValueFormat, { type: 'label' }>;
    const diffs = new Map<number, number[]>();
    let cellsSeen = 0;
    key.rows.forEach((keyRow, r) => {
      const sub = table.rows.get(r);
      const expected = keyRow.values[col];
      if (!sub || typeof expected !== 'number') return;
      cellsSeen++;
      const parsed = parseCell(sub.cells[idx]);
      if (parsed.kind !== 'number') return;
      const diff = readings(parsed.n, format, false)[0].value - toPresentation(expected, format);
      const whole = Math.round(diff);
      if (whole !== 0 && Math.abs(diff - whole) < 1e-6) diffs.set(whole, [...(diffs.get(whole) ?? []), r]);
    });
    const [best] = [...diffs.entries()].sort((a, b) => b[1].length - a[1].length);
    if (!best || best[1].length < Math.max(2, cellsSeen / 2)) continue;
    // One day either way is counting both ends (or neither); a later reference day drifts further.
    const d =
      Math.abs(best[0]) === 1 ? diagnosis('RECENCY_OFF_BY_ONE') : best[0] > 1 ? diagnosis(alt.def.code, {}, alt.def.note ?? `偏移 ${best[0]} 天`) : null;
    if (d) for (const r of best[1]) found.set(`${r}\u0001${col}`, d);
  }
  return found;
}
