import { QueryError, runQuery, type QueryOptions, type QuerySpec, type TableSet } from '@creator-ops/query';
import { KINDS, type ExportKind } from '@creator-ops/schemas';

/**
 * Names of id values (plan_id -> plan) in the window, so a message reads '计划A（ID 1001）'. The pair
 * is found by the `<field>_id` / `<field>` convention of the schemas; a plan renamed within the
 * window shows the name with the largest figure. A missing name column simply gives no names.
 */
export function dimensionNames(dimension: string, spec: QuerySpec, tables: TableSet, options: QueryOptions = {}): Map<string, string> {
  const nameField = dimension.endsWith('_id') ? dimension.slice(0, -3) : null;
  const names = new Map<string, string>();
  if (!nameField || !(Object.keys(KINDS) as ExportKind[]).some((k) => KINDS[k].fields.some((f) => f.key === nameField))) return names;
  try {
    const result = runQuery({ ...spec, compare: null, sort: undefined, limit: undefined, totals: false, dimensions: [dimension, nameField] }, tables, options);
    for (const row of result.rows) {
      const id = row[dimension];
      const name = row[nameField];
      if (id !== null && typeof name === 'string' && name !== '' && !names.has(String(id))) names.set(String(id), name);
    }
  } catch (err) {
    if (!(err instanceof QueryError)) throw err;
  }
  return names;
}
