import type { KindDef } from '@creator-ops/schemas';
import { cellValue } from './column';
import { countDuplicateKeys, rowKeys } from './keys';
import type { ImportPart } from './merge';

export interface OverlapReport {
  /** Distinct keys of the incoming import that replace (or, in field mode, update) earlier rows. */
  replaced: number;
  /** Rows of the incoming import whose key repeats within the file (the later row wins). */
  inFileDuplicates: number;
  /** Keys whose status moved backwards compared with the earlier import. */
  statusRegressions: number;
  regressionExample?: string;
}

export function analyseOverlap(kind: KindDef, existing: ImportPart[], incoming: ImportPart): OverlapReport {
  if (existing.length === 0) return { replaced: 0, inFileDuplicates: countDuplicateKeys(incoming.table, incoming.keyFields), statusRegressions: 0 };
  const keys = rowKeys(incoming.table, incoming.keyFields);
  const distinct = new Set(keys);
  const progression = kind.statusProgression;
  const earlierStatus = new Map<string, string | null>();
  const existingKeys = new Set<string>();
  for (const part of existing) {
    const partKeys = rowKeys(part.table, part.keyFields);
    const statusCol = progression ? part.table.columns.get(progression.field) : undefined;
    partKeys.forEach((k, i) => {
      if (!distinct.has(k)) return;
      existingKeys.add(k);
      if (statusCol) earlierStatus.set(k, cellValue(statusCol, i) as string | null);
    });
  }
  let statusRegressions = 0;
  let regressionExample: string | undefined;
  if (progression) {
    const statusCol = incoming.table.columns.get(progression.field);
    if (statusCol) {
      keys.forEach((k, i) => {
        const before = earlierStatus.get(k);
        const after = cellValue(statusCol, i) as string | null;
        if (!before || !after) return;
        const a = progression.order.indexOf(before);
        const b = progression.order.indexOf(after);
        if (a >= 0 && b >= 0 && b < a) {
          statusRegressions++;
          regressionExample ??= `${k.replace(/\u0001$/, '')}: ${before} -> ${after}`;
        }
      });
    }
  }
  return { replaced: existingKeys.size, inFileDuplicates: keys.length - distinct.size, statusRegressions, ...(regressionExample ? { regressionExample } : {}) };
}
