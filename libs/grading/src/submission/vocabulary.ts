import { metricRegistry } from '@creator-ops/metrics';
import { EXPORT_KINDS, KINDS, normaliseHeader } from '@creator-ops/schemas';
import type { ColumnDef } from '../types';

/** Canonical fields a column shows: the field of a summed metric, the export's own figure of a ratio (reported_ctr), a dimension. */
function fieldsOf(col: ColumnDef): string[] {
  const v = col.value;
  if ('dim' in v) return [v.dim];
  if (!('metric' in v)) return [];
  const def = metricRegistry().metrics.get(v.metric);
  return [def?.field, `reported_${v.metric}`, v.metric].filter((f): f is string => Boolean(f));
}

const cache = new Map<string, string[]>();

/**
 * One header vocabulary for ingest and grading: the header aliases of the export kinds (libs/schemas,
 * what imports accept) and the metric dictionary's labels, for the fields and metric a column
 * shows. Compared in the normalised form (NFKC, unit suffix stripped, lower case).
 */
export function vocabularyOf(col: ColumnDef): string[] {
  if (!col.value) return [];
  const id = JSON.stringify(col.value);
  const hit = cache.get(id);
  if (hit) return hit;
  const names = new Set<string>();
  const fields = fieldsOf(col);
  for (const kind of EXPORT_KINDS) {
    for (const f of KINDS[kind].fields) if (fields.includes(f.key)) [f.label.zh, ...f.aliases].forEach((a) => names.add(a));
  }
  const v = col.value;
  if ('metric' in v) {
    const def = metricRegistry().metrics.get(v.metric);
    if (def) [def.label.zh, def.label.en].forEach((a) => names.add(a));
  }
  const out = [...names].map((n) => normaliseHeader(n).base.toLowerCase()).filter((n) => n.length > 0);
  cache.set(id, out);
  return out;
}
