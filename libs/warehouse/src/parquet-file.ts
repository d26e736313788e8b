import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { LINE_COLUMN, type ColumnSpec, type ColumnTable } from '@creator-ops/columnar';
import { parquetSlice, schemaElementOf } from './parquet-columns';

export interface ParquetOptions {
  /** The business time zone the wall-clock timestamps are in (written to the file's metadata). */
  timeZone: string;
  /** Rows per row group: bounds memory while writing and lets readers skip groups. */
  rowGroupSize?: number;
}

export interface ParquetFileInfo {
  path: string;
  rows: number;
  bytes: number;
  columns: string[];
}

const DEFAULT_ROW_GROUP = 100_000;

/** Columns written: every canonical field and unknown source column; provenance line numbers are not data. */
export function exportedSpecs(table: ColumnTable): ColumnSpec[] {
  return table.specs.filter((s) => s.role !== 'line' && s.name !== LINE_COLUMN);
}

/** File-level metadata that tells a warehouse what the columns mean (units, labels, time zone). */
function describe(table: ColumnTable, specs: ColumnSpec[], timeZone: string): { key: string; value: string }[] {
  const columns = specs.map((s) => ({ name: s.name, role: s.role, type: s.valueType, ...(s.source ? { source: s.source } : {}) }));
  return [
    { key: 'creator-ops.kind', value: table.kind },
    { key: 'creator-ops.time_zone', value: timeZone },
    {
      key: 'creator-ops.units',
      value:
        'money: DECIMAL(18,2) yuan; percent: fraction (0.0123 = 1.23%); date: DATE; datetime: TIMESTAMP without time zone, wall clock in creator-ops.time_zone',
    },
    { key: 'creator-ops.columns', value: JSON.stringify(columns) },
  ];
}

/**
 * Writes a column table as one Parquet file, a row group at a time (memory bounded by the group),
 * to a temporary name in the target folder, fsynced and renamed into place: a reader never sees a
 * half-written file.
 */
export function writeParquetFile(table: ColumnTable, path: string, options: ParquetOptions): ParquetFileInfo {
  const specs = exportedSpecs(table);
  const tmp = join(dirname(path), `.tmp-${randomUUID()}-${basename(path)}`);
  const fd = openSync(tmp, 'wx', 0o644);
  let bytes = 0;
  const sink = new ByteWriter() as ByteWriter & { flush?: () => void };
  const drain = () => {
    const chunk = new Uint8Array(sink.buffer, 0, sink.index);
    let offset = 0;
    while (offset < chunk.byteLength) offset += writeSync(fd, chunk, offset, chunk.byteLength - offset);
    bytes += chunk.byteLength;
    sink.index = 0;
  };
  sink.flush = drain;
  try {
    const writer = new ParquetWriter({
      writer: sink,
      schema: [{ name: 'root', num_children: specs.length }, ...specs.map(schemaElementOf)],
      kvMetadata: describe(table, specs, options.timeZone),
      createdBy: 'creator-ops',
    });
    const groupSize = options.rowGroupSize ?? DEFAULT_ROW_GROUP;
    for (let from = 0; from < table.length; from += groupSize) {
      const to = Math.min(table.length, from + groupSize);
      const columnData = specs.map((s) => ({ name: s.name, data: parquetSlice(s, table.columns.get(s.name), from, to) }));
      writer.write({ columnData, rowGroupSize: to - from });
      drain();
    }
    writer.finish();
    drain();
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return { path, rows: table.length, bytes, columns: specs.map((s) => s.name) };
}
