import type { Column, ColumnSpec } from '@creator-ops/columnar';
import type { FieldType } from '@creator-ops/schemas';

/** A Parquet schema element as hyparquet-writer takes it (the parquet-format thrift fields). */
export interface ParquetSchemaElement {
  name: string;
  type?: 'BOOLEAN' | 'INT32' | 'INT64' | 'DOUBLE' | 'BYTE_ARRAY';
  converted_type?: 'UTF8' | 'DATE' | 'DECIMAL';
  logical_type?: { type: 'TIMESTAMP'; isAdjustedToUTC: boolean; unit: 'MILLIS' } | { type: 'DECIMAL'; scale: number; precision: number };
  scale?: number;
  precision?: number;
  repetition_type?: 'OPTIONAL' | 'REQUIRED';
  num_children?: number;
}

type ParquetValue = string | number | bigint | null;

/** How one stored value type becomes a Parquet column (DESIGN: warehouse layout). */
interface ParquetMapping {
  element: Omit<ParquetSchemaElement, 'name' | 'repetition_type'>;
  /** Converts a present stored number (cents, days, wall-clock ms, fraction, count) to its Parquet value. */
  fromNumber: (v: number) => ParquetValue;
}

/** Money is stored as integer cents; DECIMAL(18,2) holds up to ±9,999,999,999,999,999.99 yuan exactly. */
const MONEY: ParquetMapping = {
  element: { type: 'INT64', converted_type: 'DECIMAL', scale: 2, precision: 18, logical_type: { type: 'DECIMAL', scale: 2, precision: 18 } },
  fromNumber: (cents) => BigInt(Math.round(cents)),
};

const NUMERIC: Record<Exclude<FieldType, 'id' | 'string' | 'enum'>, ParquetMapping> = {
  money: MONEY,
  int: { element: { type: 'INT64' }, fromNumber: (v) => BigInt(v) },
  hour: { element: { type: 'INT32' }, fromNumber: (v) => v },
  decimal: { element: { type: 'DOUBLE' }, fromNumber: (v) => v },
  percent: { element: { type: 'DOUBLE' }, fromNumber: (v) => v },
  // Days since 1970-01-01 are Parquet's DATE as they are.
  date: { element: { type: 'INT32', converted_type: 'DATE' }, fromNumber: (v) => v },
  // Wall-clock milliseconds in the business time zone: a local (not UTC-adjusted) timestamp.
  datetime: { element: { type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MILLIS' } }, fromNumber: (v) => BigInt(v) },
};

const TEXT: ParquetMapping = { element: { type: 'BYTE_ARRAY', converted_type: 'UTF8' }, fromNumber: (v) => String(v) };

function mappingOf(type: FieldType): ParquetMapping {
  return type === 'id' || type === 'string' || type === 'enum' ? TEXT : NUMERIC[type];
}

export function schemaElementOf(spec: ColumnSpec): ParquetSchemaElement {
  return { name: spec.name, ...mappingOf(spec.valueType).element, repetition_type: 'OPTIONAL' };
}

/** Rows [from, to) of one stored column as Parquet values (null where absent). */
export function parquetSlice(spec: ColumnSpec, col: Column | undefined, from: number, to: number): ParquetValue[] {
  const out: ParquetValue[] = new Array(to - from).fill(null);
  if (!col) return out;
  if (col.type === 'dict') {
    for (let i = from; i < to; i++) {
      const code = col.codes[i];
      if (code >= 0) out[i - from] = col.dict[code];
    }
    return out;
  }
  const { fromNumber } = mappingOf(spec.valueType);
  for (let i = from; i < to; i++) {
    if (col.valid === null || col.valid[i] === 1) out[i - from] = fromNumber(col.values[i]);
  }
  return out;
}
