import {
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMillisecond,
  Utf8,
  tableFromIPC,
  tableToIPC,
  makeVector,
  type Data,
  type DataType,
} from 'apache-arrow';
import { isExportKind, type FieldType } from '@creator-ops/schemas';
import type { Column, ColumnSpec, ColumnTable } from './column';

/**
 * Bumped when the on-disk layout changes. 2: an IPC stream of batches, each with its own dictionaries
 * (1 was one batch in the IPC file format; both are read alike).
 */
export const STORE_FORMAT = '2';

/**
 * Arrow IPC with meaningful types for other engines (DuckDB, Polars): dates as Date32, wall-clock
 * times as Timestamp(ms) without a zone, text as Dictionary<Int32, Utf8>, numbers as Float64
 * (money in cents: field metadata `unit=cents`).
 */
export function tableToArrow(table: ColumnTable): Table {
  const schema = arrowSchema(table);
  return new Table([arrowBatch(schema, table)]);
}

/**
 * The schema of a table's columns. Every batch of one file is built against one schema object:
 * its dictionary types carry the ids that tie each batch's dictionary to its column.
 */
export function arrowSchema(table: ColumnTable): Schema {
  const fields = table.specs.map((spec, i) => {
    const metadata = new Map<string, string>([
      ['role', spec.role],
      ['valueType', spec.valueType],
    ]);
    if (spec.source !== undefined) metadata.set('source', spec.source);
    if (spec.valueType === 'money') metadata.set('unit', 'cents');
    return new Field(spec.name, arrowType(spec, table.columns.get(spec.name)!, i), true, metadata);
  });
  return new Schema(
    fields,
    new Map([
      ['kind', table.kind],
      ['format', STORE_FORMAT],
    ]),
  );
}

/** One record batch of `table`'s rows, typed by `schema` (from arrowSchema of a table with the same columns). */
export function arrowBatch(schema: Schema, table: ColumnTable): RecordBatch {
  if (schema.fields.length !== table.specs.length || schema.fields.some((f, i) => f.name !== table.specs[i].name))
    throw new Error("arrowBatch: the table's columns differ from the schema");
  const children = schema.fields.map((field, i) => columnToData(field.type as DataType, table.specs[i], table.columns.get(field.name)!, table.length));
  const struct = makeData({ type: new Struct(schema.fields), length: table.length, nullCount: 0, children });
  return new RecordBatch(schema, struct);
}

/** A dictionary's id is its column's position: two writers of the same columns write the same schema. */
function arrowType(spec: ColumnSpec, column: Column, position: number): DataType {
  if (column.type === 'dict') return new Dictionary(new Utf8(), new Int32(), position);
  if (spec.valueType === 'date') return new DateDay();
  if (spec.valueType === 'datetime') return new TimestampMillisecond();
  return new Float64();
}

export function tableToIpcBytes(table: ColumnTable): Uint8Array {
  return tableToIPC(tableToArrow(table), 'file');
}

export function tableFromIpcBytes(bytes: Uint8Array): ColumnTable {
  return arrowToTable(tableFromIPC(bytes));
}

/**
 * A table or one record batch of a stored file as columns (every batch's dictionary re-encoded into
 * one); with `only`, just those columns.
 */
export function arrowToTable(arrow: Table | RecordBatch, only?: ReadonlySet<string>): ColumnTable {
  const kind = arrow.schema.metadata.get('kind');
  if (!isExportKind(kind)) throw new Error(`Arrow file has no valid kind (${kind})`);
  const table: ColumnTable = { kind, length: arrow.numRows, specs: [], columns: new Map() };
  for (const field of arrow.schema.fields) {
    if (only && !only.has(field.name)) continue;
    const meta = field.metadata;
    const spec: ColumnSpec = {
      name: field.name,
      role: (meta.get('role') as ColumnSpec['role']) ?? 'raw',
      valueType: (meta.get('valueType') as FieldType) ?? 'string',
      ...(meta.has('source') ? { source: meta.get('source') } : {}),
    };
    table.specs.push(spec);
    const child = arrow.getChild(field.name)!;
    table.columns.set(field.name, dataToColumn(child.data, arrow.numRows));
  }
  return table;
}

/** A Utf8 vector written straight into one buffer (apache-arrow's builders are far slower for 1M strings). */
function utf8Vector(strings: string[]) {
  const offsets = new Int32Array(strings.length + 1);
  let total = 0;
  for (let i = 0; i < strings.length; i++) {
    total += Buffer.byteLength(strings[i], 'utf8');
    offsets[i + 1] = total;
  }
  const bytes = Buffer.allocUnsafe(total);
  for (let i = 0; i < strings.length; i++) bytes.write(strings[i], offsets[i], 'utf8');
  return makeVector(
    makeData({ type: new Utf8(), length: strings.length, nullCount: 0, valueOffsets: offsets, data: new Uint8Array(bytes.buffer, bytes.byteOffset, total) }),
  );
}

function validityBitmap(length: number, isValid: (i: number) => boolean): { bitmap: Uint8Array; nulls: number } {
  const bitmap = new Uint8Array(Math.ceil(length / 8));
  let nulls = 0;
  for (let i = 0; i < length; i++) {
    if (isValid(i)) bitmap[i >> 3] |= 1 << (i & 7);
    else nulls++;
  }
  return { bitmap, nulls };
}

function columnToData(type: DataType, spec: ColumnSpec, column: Column, length: number): Data {
  if (column.type === 'dict') {
    const { bitmap, nulls } = validityBitmap(length, (i) => column.codes[i] >= 0);
    const dictionary = utf8Vector(column.dict);
    return makeData({ type: type as Dictionary, length, nullCount: nulls, nullBitmap: nulls ? bitmap : undefined, data: column.codes, dictionary });
  }
  const valid = column.valid;
  const { bitmap, nulls } = valid ? validityBitmap(length, (i) => valid[i] === 1) : { bitmap: undefined, nulls: 0 };
  const nullBitmap = nulls ? bitmap : undefined;
  if (spec.valueType === 'date') {
    const days = Int32Array.from(column.values);
    return makeData({ type: type as DateDay, length, nullCount: nulls, nullBitmap, data: days });
  }
  if (spec.valueType === 'datetime') {
    const ms = new BigInt64Array(length);
    for (let i = 0; i < length; i++) ms[i] = BigInt(column.values[i]);
    return makeData({ type: type as TimestampMillisecond, length, nullCount: nulls, nullBitmap, data: ms });
  }
  return makeData({ type: type as Float64, length, nullCount: nulls, nullBitmap, data: column.values });
}

/** A chunk's validity bitmap, or null when every value is present. */
function nullBitmapOf(data: Data): Uint8Array | null {
  return data.nullBitmap && data.nullCount !== 0 ? data.nullBitmap : null;
}

/** Whether bit `i` (a position in the chunk's buffers, its offset included) of a validity bitmap is set. */
const bitSet = (bitmap: Uint8Array, i: number) => (bitmap[i >> 3] & (1 << (i & 7))) !== 0;

function dataToColumn(chunks: readonly Data[], length: number): Column {
  const first = chunks[0];
  if (first && first.type instanceof Dictionary) return dictColumn(chunks, length);
  const values = new Float64Array(length);
  let valid: Uint8Array | null = null;
  let offset = 0;
  for (const data of chunks) {
    const n = data.length;
    const from = data.offset;
    const src = data.values as Float64Array | Int32Array | BigInt64Array;
    // Float64 (numbers) and Int32 (days) convert exactly in one typed copy; Int64 (milliseconds) one by one.
    if (src instanceof BigInt64Array) for (let i = 0; i < n; i++) values[offset + i] = Number(src[from + i]);
    else values.set(src.subarray(from, from + n), offset);
    const bitmap = nullBitmapOf(data);
    if (bitmap) {
      for (let i = 0; i < n; i++) {
        if (bitSet(bitmap, from + i)) continue;
        valid ??= new Uint8Array(length).fill(1);
        valid[offset + i] = 0;
        values[offset + i] = 0;
      }
    }
    offset += n;
  }
  return { type: 'num', values, valid };
}

/** A chunk's dictionary codes, -1 where the value is null, mapped through `remap` when given. */
function copyCodes(data: Data, codes: Int32Array, offset: number, remap: Int32Array | null): void {
  const n = data.length;
  const from = data.offset;
  const src = data.values as Int32Array;
  const bitmap = nullBitmapOf(data);
  if (remap === null && bitmap === null) {
    codes.set(src.subarray(from, from + n), offset);
    return;
  }
  for (let i = 0; i < n; i++) {
    const code = src[from + i];
    codes[offset + i] = bitmap !== null && !bitSet(bitmap, from + i) ? -1 : remap === null ? code : remap[code];
  }
}

function dictColumn(chunks: readonly Data[], length: number): Column {
  const codes = new Int32Array(length);
  if (chunks.length === 1) {
    // One batch (how format 1 wrote): its dictionary and codes are used as they are.
    const data = chunks[0];
    copyCodes(data, codes, 0, null);
    return { type: 'dict', codes, dict: (data.dictionary?.toArray() ?? []) as string[] };
  }
  // Each batch carries its own dictionary; re-encode against one merged dictionary.
  const dict: string[] = [];
  const index = new Map<string, number>();
  let offset = 0;
  for (const data of chunks) {
    const local = (data.dictionary?.toArray() ?? []) as string[];
    const remap = Int32Array.from(local, (s) => {
      let c = index.get(s);
      if (c === undefined) {
        c = dict.length;
        dict.push(s);
        index.set(s, c);
      }
      return c;
    });
    copyCodes(data, codes, offset, remap);
    offset += data.length;
  }
  return { type: 'dict', codes, dict };
}
