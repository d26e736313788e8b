import { formatDay, formatWallMs } from '@creator-ops/format';
import { cellValue, type ColumnSpec, type ColumnTable } from './column';

export type RecordValue = string | number | null;

/**
 * A cell as it travels in JSON: dates `YYYY-MM-DD`, times `YYYY-MM-DD HH:mm:ss` (business time
 * zone wall clock), money in yuan (exact cents), percents as fractions.
 */
export function exportValue(spec: ColumnSpec, raw: number | string | null): RecordValue {
  if (raw === null || typeof raw === 'string') return raw;
  switch (spec.valueType) {
    case 'date':
      return formatDay(raw);
    case 'datetime':
      return formatWallMs(raw);
    case 'money':
      return centsToYuan(raw);
    default:
      return raw;
  }
}

/**
 * Cents to yuan. IEEE division is correctly rounded, so for whole cents the result is the double
 * nearest the decimal amount (19.9 for 1990): exact as far as a JS number can be.
 */
export function centsToYuan(cents: number): number {
  return cents / 100;
}

export function toRecords(table: ColumnTable, offset: number, limit: number, specs: ColumnSpec[] = table.specs): Record<string, RecordValue>[] {
  const out: Record<string, RecordValue>[] = [];
  const end = Math.min(table.length, offset + limit);
  for (let i = Math.max(0, offset); i < end; i++) {
    const rec: Record<string, RecordValue> = {};
    for (const spec of specs) {
      const col = table.columns.get(spec.name);
      rec[spec.name] = col ? exportValue(spec, cellValue(col, i)) : null;
    }
    out.push(rec);
  }
  return out;
}
