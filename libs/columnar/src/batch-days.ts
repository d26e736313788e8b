/**
 * The days each record batch of a stored column file covers, read from the file's message headers and
 * its date column alone (a few hundred KB per batch), so that work reading only recent days (the
 * alert rules after an import) reads only the batches that hold them: `readBatchesReaching`.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { DataType, Message, type Field, type Schema } from 'apache-arrow';
import { tableFromIpcBytes } from './arrow-io';
import type { KindDef } from '@creator-ops/schemas';
import type { ColumnTable } from './column';
import { mergeParts, type ImportPart } from './merge';

const MS_PER_DAY = 86_400_000;
const END_OF_STREAM = Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/** One record batch: its rows, the days of its dated rows (NaN, NaN when none is dated), and the byte ranges of its messages (its dictionaries, then itself). */
export interface BatchDays {
  rows: number;
  minDay: number;
  maxDay: number;
  ranges: [number, number][];
}

/** A stored stream's batches by day; `schemaEnd`: where its schema message ends. */
export interface StreamDays {
  schemaEnd: number;
  batches: BatchDays[];
}

/**
 * The batches of the Arrow IPC stream at `path` with the days of its column `field` (Date32 days, or
 * Timestamp/Date64 milliseconds floored to days). Null when the file is not a stream this reader knows
 * (the older file format, compression, a type whose buffers it does not count) or has no such column:
 * the caller then reads the whole file.
 */
export function indexBatchDays(path: string, field: string): StreamDays | null {
  const fd = openSync(path, 'r');
  try {
    return walk(fd, fstatSync(fd).size, field);
  } finally {
    closeSync(fd);
  }
}

function walk(fd: number, size: number, field: string): StreamDays | null {
  const prefix = Buffer.alloc(8);
  let pos = 0;
  let column: DateColumn | null = null;
  let schemaEnd = -1;
  const batches: BatchDays[] = [];
  /** Per dictionary id: its messages since its last replacement (a batch needs all of them). */
  const dictionaries = new Map<number, [number, number][]>();
  const dayBuffer = { bytes: Buffer.alloc(0) };
  for (;;) {
    if (pos + 8 > size || readSync(fd, prefix, 0, 8, pos) < 8) return null;
    if (prefix.readInt32LE(0) !== -1) return null;
    const metaLength = prefix.readInt32LE(4);
    if (metaLength === 0) break;
    const meta = Buffer.alloc(metaLength);
    if (readSync(fd, meta, 0, metaLength, pos + 8) < metaLength) return null;
    const message = Message.decode(meta);
    const bodyStart = pos + 8 + metaLength;
    const end = bodyStart + message.bodyLength;
    if (end > size || message.compression) return null;
    if (message.isSchema()) {
      if (schemaEnd >= 0) return null;
      column = dateColumn(message.header(), field);
      if (!column) return null;
      schemaEnd = end;
    } else if (message.isDictionaryBatch()) {
      const header = message.header();
      const spans = header.isDelta ? (dictionaries.get(header.id) ?? []) : [];
      spans.push([pos, end]);
      dictionaries.set(header.id, spans);
    } else if (message.isRecordBatch() && column) {
      const header = message.header();
      const node = header.nodes[column.index];
      const data = header.buffers[column.buffer + 1];
      const validity = header.buffers[column.buffer];
      if (!node || !data) return null;
      const days = readDays(fd, bodyStart, data, node.nullCount > 0 ? validity : null, header.length, column.millis, dayBuffer);
      const ranges = mergeRanges([...[...dictionaries.values()].flat(), [pos, end]]);
      batches.push({ rows: header.length, ...days, ranges });
    } else return null;
    pos = end;
  }
  return schemaEnd < 0 ? null : { schemaEnd, batches };
}

interface DateColumn {
  /** The field's position (its node) and its first buffer (validity; the values follow). */
  index: number;
  buffer: number;
  millis: boolean;
}

/** Where `field`'s buffers sit among a batch's, when every field before it is of a type whose buffers are counted here. */
function dateColumn(schema: Schema, field: string): DateColumn | null {
  let buffer = 0;
  for (const [index, f] of schema.fields.entries()) {
    if (f.name === field) {
      if (DataType.isDate(f.type)) return { index, buffer, millis: f.type.unit !== 0 };
      if (DataType.isTimestamp(f.type) && f.type.unit === 1) return { index, buffer, millis: true };
      return null;
    }
    const count = bufferCount(f);
    if (count === null) return null;
    buffer += count;
  }
  return null;
}

/** Buffers of a flat field in a record batch: validity and values, plus offsets for text. */
function bufferCount(f: Field): number | null {
  const t = f.type;
  if (DataType.isDictionary(t) || DataType.isInt(t) || DataType.isFloat(t) || DataType.isDate(t) || DataType.isTimestamp(t) || DataType.isBool(t)) return 2;
  if (DataType.isUtf8(t) || DataType.isBinary(t)) return 3;
  return null;
}

function readDays(
  fd: number,
  bodyStart: number,
  data: { offset: number; length: number },
  validity: { offset: number; length: number } | null,
  rows: number,
  millis: boolean,
  scratch: { bytes: Buffer },
): { minDay: number; maxDay: number } {
  const width = millis ? 8 : 4;
  const need = rows * width + (validity ? validity.length : 0);
  if (scratch.bytes.length < need) scratch.bytes = Buffer.allocUnsafe(need);
  const bytes = scratch.bytes;
  readFully(fd, bytes, 0, rows * width, bodyStart + data.offset);
  if (validity) readFully(fd, bytes, rows * width, validity.length, bodyStart + validity.offset);
  const bitmap = validity ? bytes.subarray(rows * width) : null;
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let i = 0; i < rows; i++) {
    if (bitmap && (bitmap[i >> 3] & (1 << (i & 7))) === 0) continue;
    const day = millis ? Math.floor(Number(bytes.readBigInt64LE(i * 8)) / MS_PER_DAY) : bytes.readInt32LE(i * 4);
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  }
  return minDay === Infinity ? { minDay: NaN, maxDay: NaN } : { minDay, maxDay };
}

function readFully(fd: number, into: Buffer, at: number, length: number, position: number): void {
  for (let done = 0; done < length;) {
    const n = readSync(fd, into, at + done, length - done, position + done);
    if (n === 0) throw new Error('batch-days: the file ended early');
    done += n;
  }
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = ranges.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/**
 * The rows of the batches of `index` with a dated row on or after `fromDay` (whole batches: earlier
 * days of those batches come too), read from `path` without the rest of the file. Null when no batch
 * reaches `fromDay`.
 */
export function readBatchesReaching(path: string, index: StreamDays, fromDay: number): ColumnTable | null {
  const chosen = index.batches.filter((b) => b.maxDay >= fromDay);
  if (chosen.length === 0) return null;
  const spans: [number, number][] = [[0, index.schemaEnd], ...chosen.flatMap((b) => b.ranges)];
  const total = spans.reduce((n, [s, e]) => n + e - s, 0) + END_OF_STREAM.length;
  const bytes = Buffer.allocUnsafe(total);
  const fd = openSync(path, 'r');
  try {
    let at = 0;
    for (const [s, e] of spans) {
      readFully(fd, bytes, at, e - s, s);
      at += e - s;
    }
    END_OF_STREAM.copy(bytes, at);
  } finally {
    closeSync(fd);
  }
  return tableFromIpcBytes(bytes);
}

/** The least and greatest dated day over every batch (null when none is dated). */
export function daysOf(index: StreamDays): { from: number; to: number } | null {
  let from = Infinity;
  let to = -Infinity;
  for (const b of index.batches) {
    if (b.minDay < from) from = b.minDay;
    if (b.maxDay > to) to = b.maxDay;
  }
  return from === Infinity ? null : { from, to };
}

/** A committed import's column file with its batches by day (null: not indexed), and its rows when loaded already. */
export interface DatedPart {
  id: string;
  keyFields: string[];
  path: string;
  days: StreamDays | null;
  loaded?: ColumnTable;
}

/**
 * The last dated day of a kind's imports when they can be read from a day on: each file is indexed
 * and each import's key holds the date field, so a row of an earlier day never shares a key with a
 * row from that day on (their merge keeps the same rows of those days). Null otherwise, or when no
 * row is dated.
 */
export function lastDayIfNarrowable(kind: KindDef, parts: DatedPart[]): number | null {
  let last = -Infinity;
  for (const part of parts) {
    if (!part.days || !part.keyFields.includes(kind.dateField)) return null;
    last = Math.max(last, daysOf(part.days)?.to ?? -Infinity);
  }
  return Number.isFinite(last) ? last : null;
}

/**
 * The logical table of the kind (mergeParts) read only from the batches that reach `fromDay`: the rows
 * of days from `fromDay` on are those of the whole merge, in the same order; rows of earlier days may
 * remain. For parts that lastDayIfNarrowable accepted.
 */
export function mergeReaching(kind: KindDef, parts: DatedPart[], fromDay: number): ColumnTable {
  const read: ImportPart[] = [];
  for (const part of parts) {
    const table = part.loaded ?? readBatchesReaching(part.path, part.days!, fromDay);
    if (table) read.push({ id: part.id, table, keyFields: part.keyFields });
  }
  return mergeParts(kind, read);
}
