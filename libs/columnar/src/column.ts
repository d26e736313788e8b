import type { ExportKind, FieldType } from '@creator-ops/schemas';

/**
 * In-memory columns, independent of Arrow's classes so kernels run on plain typed arrays.
 * - `num`: every numeric type (ints, money in cents, percents as fractions, days, wall-clock ms).
 * - `dict`: text as dictionary codes; -1 is null.
 */
export interface NumColumn {
  type: 'num';
  values: Float64Array;
  /** 1 where a value is present; null when every value is present. */
  valid: Uint8Array | null;
}

export interface DictColumn {
  type: 'dict';
  codes: Int32Array;
  dict: string[];
}

export type Column = NumColumn | DictColumn;

/** What a stored column holds: a canonical field of its kind, an unknown source column, or provenance. */
export interface ColumnSpec {
  name: string;
  role: 'field' | 'raw' | 'line';
  /** The value type (for `raw` columns: `string`). */
  valueType: FieldType;
  /** The source header it came from, when it came from one. */
  source?: string;
}

export interface ColumnTable {
  kind: ExportKind;
  length: number;
  specs: ColumnSpec[];
  columns: Map<string, Column>;
  /**
   * For a merged table: per column, 1 where the row came from an import that HAS that column (its
   * value may still be null). Absent for a column every row's import has. Lets a ratio use only the
   * rows of exports that carry all its inputs (千川 reports GMV, 巨量广告 does not).
   */
  coverage?: Map<string, Uint8Array>;
}

export const LINE_COLUMN = '__line';

export function isPresent(col: Column, i: number): boolean {
  return col.type === 'num' ? col.valid === null || col.valid[i] === 1 : col.codes[i] >= 0;
}

/** A cell as a JS value: number, string or null. */
export function cellValue(col: Column, i: number): number | string | null {
  if (col.type === 'num') return col.valid === null || col.valid[i] === 1 ? col.values[i] : null;
  const code = col.codes[i];
  return code >= 0 ? col.dict[code] : null;
}
