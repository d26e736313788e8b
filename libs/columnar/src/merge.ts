import type { KindDef } from '@creator-ops/schemas';
import { NumBuilder, DictBuilder } from './builders';
import { cellValue, type Column, type ColumnSpec, type ColumnTable } from './column';
import { countDuplicateKeys, rowKeys } from './keys';

/** One committed import of a kind, in import order. */
export interface ImportPart {
  id: string;
  table: ColumnTable;
  keyFields: string[];
}

/**
 * The logical table of a kind: the union of its imports de-duplicated by natural key, later import
 * (and later row) wins. In `field` mode a later row only fills in the fields it carries, so Douyin's
 * one-file-per-metric exports merge into one row per key.
 */
export function mergeParts(kind: KindDef, parts: ImportPart[]): ColumnTable {
  if (parts.length === 0) return { kind: kind.kind, length: 0, specs: [], columns: new Map() };
  // The common case: one import without repeated keys is already its own logical table.
  if (parts.length === 1 && countDuplicateKeys(parts[0].table, parts[0].keyFields) === 0) return parts[0].table;
  const specs = unionSpecs(parts);
  const partKeys = parts.map((p) => rowKeys(p.table, p.keyFields));
  return kind.mergeMode === 'field' ? mergeFields(kind, parts, partKeys, specs) : mergeRows(kind, parts, partKeys, specs);
}

function unionSpecs(parts: ImportPart[]): ColumnSpec[] {
  const byName = new Map<string, ColumnSpec>();
  for (const p of parts) for (const s of p.table.specs) if (!byName.has(s.name)) byName.set(s.name, s);
  return [...byName.values()];
}

function mergeRows(kind: KindDef, parts: ImportPart[], partKeys: string[][], specs: ColumnSpec[]): ColumnTable {
  // Newest first: the first time a key is seen is its winning row.
  const seen = new Set<string>();
  const keep = parts.map((p) => new Uint8Array(p.table.length));
  let total = 0;
  for (let p = parts.length - 1; p >= 0; p--) {
    const keys = partKeys[p];
    for (let i = keys.length - 1; i >= 0; i--) {
      if (seen.has(keys[i])) continue;
      seen.add(keys[i]);
      keep[p][i] = 1;
      total++;
    }
  }
  const columns = new Map<string, Column>();
  const coverage = new Map<string, Uint8Array>();
  for (const spec of specs) {
    const gathered = gather(parts, spec, (p, i) => (keep[p][i] ? 1 : -1), total, true, coverage);
    columns.set(spec.name, gathered);
  }
  return { kind: kind.kind, length: total, specs, columns, ...(coverage.size ? { coverage } : {}) };
}

function mergeFields(kind: KindDef, parts: ImportPart[], partKeys: string[][], specs: ColumnSpec[]): ColumnTable {
  const target = new Map<string, number>();
  const targets = partKeys.map((keys) =>
    Int32Array.from(keys, (k) => {
      let t = target.get(k);
      if (t === undefined) {
        t = target.size;
        target.set(k, t);
      }
      return t;
    }),
  );
  const length = target.size;
  const columns = new Map<string, Column>();
  const coverage = new Map<string, Uint8Array>();
  for (const spec of specs) {
    columns.set(
      spec.name,
      gather(parts, spec, (p, i) => targets[p][i], length, false, coverage),
    );
  }
  return { kind: kind.kind, length, specs, columns, ...(coverage.size ? { coverage } : {}) };
}

/**
 * Writes each part's values of one column to their target rows. With `sequential`, kept rows are
 * appended in order (`to` returns 1 to keep, -1 to drop); otherwise `to` gives the target row and
 * later present values overwrite earlier ones while nulls never erase.
 */
function gather(
  parts: ImportPart[],
  spec: ColumnSpec,
  to: (p: number, i: number) => number,
  length: number,
  sequential: boolean,
  coverage: Map<string, Uint8Array>,
): Column {
  const isText = parts.some((p) => p.table.columns.get(spec.name)?.type === 'dict');
  const num = isText ? null : new NumBuilder();
  const text = isText ? new DictBuilder() : null;
  const partial = parts.some((p) => !p.table.columns.has(spec.name) || p.table.coverage?.has(spec.name));
  const covered = partial ? new Uint8Array(length) : null;
  let next = 0;
  for (let p = 0; p < parts.length; p++) {
    const col = parts[p].table.columns.get(spec.name);
    const partCoverage = parts[p].table.coverage?.get(spec.name);
    const n = parts[p].table.length;
    for (let i = 0; i < n; i++) {
      const t = to(p, i);
      if (t < 0) continue;
      const row = sequential ? next++ : t;
      if (covered && col && (!partCoverage || partCoverage[i])) covered[row] = 1;
      const v = col ? cellValue(col, i) : null;
      if (v === null) {
        if (sequential) (num ?? text)!.setNull(row);
        continue;
      }
      if (num) num.set(row, v as number);
      else text!.set(row, String(v));
    }
  }
  if (covered && covered.some((c) => c === 0)) coverage.set(spec.name, covered);
  return num ? num.finish(length) : text!.finish(length);
}

/** The merged table of each kind, without what else a logical table carries (its sources). */
export function logicalTables<K, T extends { table: ColumnTable }>(logical: ReadonlyMap<K, T>): Map<K, ColumnTable> {
  return new Map([...logical].map(([kind, l]) => [kind, l.table]));
}
