/**
 * Test helper: a ColumnTable of one kind from plain row objects, stored the way ingest stores it.
 * - id / string / enum -> dictionary columns (code -1 = null)
 * - money (yuan, as a number or a decimal string) -> integer cents, converted through the decimal
 *   text (never `* 100` on a binary float); more than 2 decimals is an error
 * - date 'YYYY-MM-DD' -> days since 1970-01-01; datetime 'YYYY-MM-DD[ HH:mm[:ss]]' -> wall-clock ms
 * - int / decimal / percent (a fraction) / hour -> numbers as given
 * - null / undefined -> invalid (null)
 * A column exists for every field that appears as a key in at least one row (or is listed in
 * `opts.columns`), so "an export without that column" is simply a set of rows without the key.
 */
import type { Column, ColumnSpec, ColumnTable } from '@creator-ops/columnar';
import { KINDS, type ExportKind, type FieldDef } from '@creator-ops/schemas';

export type RowValue = string | number | null | undefined;
export type PlainRow = Record<string, RowValue>;

const MS_PER_DAY = 86_400_000;
const TEXT_TYPES = new Set(['id', 'string', 'enum']);

/** Yuan (number or decimal text) -> integer cents, exactly, through the decimal text. */
export function yuanToCents(value: number | string): number {
  const text = typeof value === 'number' ? numberText(value) : value.trim();
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new Error(`Not a yuan amount with at most 2 decimals: ${JSON.stringify(value)}`);
  const cents = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) throw new Error(`Yuan amount out of range: ${text}`);
  return m[1] === '-' ? -cents : cents;
}

function numberText(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`Not a finite amount: ${v}`);
  // Shortest round-trip text; expand exponent forms such as 1e-7 / 1e21 so they are rejected or read exactly.
  const s = String(v);
  return /e/i.test(s) ? v.toFixed(20).replace(/\.?0+$/, '') : s;
}

/** 'YYYY-MM-DD' -> day number (Date.UTC based). */
export function dayOf(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Error(`Not a YYYY-MM-DD date: ${text}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== text) throw new Error(`No such day: ${text}`);
  return ms / MS_PER_DAY;
}

/** 'YYYY-MM-DD HH:mm:ss' (time optional) -> wall-clock ms (Date.UTC based). */
export function wallMsOf(text: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text);
  if (!m) throw new Error(`Not a YYYY-MM-DD HH:mm:ss datetime: ${text}`);
  const [h, min, s] = [Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0)];
  if (h > 23 || min > 59 || s > 59) throw new Error(`No such time: ${text}`);
  return dayOf(m[1]) * MS_PER_DAY + ((h * 60 + min) * 60 + s) * 1000;
}

export interface BuildTableOptions {
  /** Fields to create even when no row carries them (all null). */
  columns?: string[];
}

export function buildTable(kind: ExportKind, rows: PlainRow[], opts: BuildTableOptions = {}): ColumnTable {
  const fields = KINDS[kind].fields;
  const used = new Set<string>(opts.columns ?? []);
  for (const row of rows) for (const key of Object.keys(row)) used.add(key);
  for (const key of used) if (!fields.some((f) => f.key === key)) throw new Error(`Kind ${kind} has no field ${key}`);
  const specs: ColumnSpec[] = [];
  const columns = new Map<string, Column>();
  for (const field of fields) {
    if (!used.has(field.key)) continue;
    specs.push({ name: field.key, role: 'field', valueType: field.type, source: field.label.zh });
    columns.set(field.key, buildColumn(field, rows));
  }
  return { kind, length: rows.length, specs, columns };
}

/** A table set (`Map<kind, ColumnTable>`) for runQuery. */
export function buildTables(byKind: Partial<Record<ExportKind, PlainRow[]>>): Map<ExportKind, ColumnTable> {
  const out = new Map<ExportKind, ColumnTable>();
  for (const [kind, rows] of Object.entries(byKind) as [ExportKind, PlainRow[]][]) out.set(kind, buildTable(kind, rows));
  return out;
}

function buildColumn(field: FieldDef, rows: PlainRow[]): Column {
  if (TEXT_TYPES.has(field.type)) {
    const dict: string[] = [];
    const index = new Map<string, number>();
    const codes = new Int32Array(rows.length);
    rows.forEach((row, i) => {
      const v = row[field.key];
      if (v === null || v === undefined) {
        codes[i] = -1;
        return;
      }
      const text = String(v);
      let code = index.get(text);
      if (code === undefined) {
        code = dict.length;
        dict.push(text);
        index.set(text, code);
      }
      codes[i] = code;
    });
    return { type: 'dict', codes, dict };
  }
  const values = new Float64Array(rows.length);
  const valid = new Uint8Array(rows.length);
  let nulls = 0;
  rows.forEach((row, i) => {
    const v = row[field.key];
    if (v === null || v === undefined) {
      nulls++;
      return;
    }
    valid[i] = 1;
    values[i] = storedValue(field, v);
  });
  return { type: 'num', values, valid: nulls === 0 ? null : valid };
}

function storedValue(field: FieldDef, v: string | number): number {
  switch (field.type) {
    case 'money':
      return yuanToCents(v);
    case 'date':
      return dayOf(String(v));
    case 'datetime':
      return wallMsOf(String(v));
    default: {
      const n = typeof v === 'number' ? v : Number(v);
      if (!Number.isFinite(n)) throw new Error(`Field ${field.key}: not a number: ${JSON.stringify(v)}`);
      return n;
    }
  }
}
