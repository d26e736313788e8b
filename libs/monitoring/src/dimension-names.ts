import { planQuery, QueryError, runQuery, type QueryOptions, type QuerySpec, type TableSet } from '@creator-ops/query';
import { KINDS, type ExportKind } from '@creator-ops/schemas';

/**
 * Names of id values (plan_id -> plan) in the window, so a message reads '计划A（ID 1001）'. The pair
 * is found by the `<field>_id` / `<field>` convention of the schemas; a plan renamed within the
 * window shows the name with the largest figure. A missing name column simply gives no names.
 */
export function dimensionNames(dimension: string, spec: QuerySpec, tables: TableSet, options: QueryOptions = {}): Map<string, string> {
  return namesOf(dimension, spec, tables, options)?.names ?? new Map();
}

interface NameGroups {
  /** Per id, the name of its first (id, name) row with a name, in the query's order. */
  names: Map<string, string>;
  /** Ids with more than one name in the window: their name depends on the query's order. */
  renamed: Set<string>;
}

/** The (id, name) group-by; null when the data has no name for the dimension (or cannot group by it). */
function namesOf(dimension: string, spec: QuerySpec, tables: TableSet, options: QueryOptions): NameGroups | null {
  const nameField = nameFieldOf(dimension);
  if (!nameField) return null;
  try {
    const result = runQuery({ ...spec, compare: null, sort: undefined, limit: undefined, totals: false, dimensions: [dimension, nameField] }, tables, options);
    const names = new Map<string, string>();
    const renamed = new Set<string>();
    for (const row of result.rows) {
      const id = row[dimension];
      const name = row[nameField];
      if (id === null || typeof name !== 'string' || name === '') continue;
      const known = names.get(String(id));
      if (known === undefined) names.set(String(id), name);
      else if (known !== name) renamed.add(String(id));
    }
    return { names, renamed };
  } catch (err) {
    if (!(err instanceof QueryError)) throw err;
    return null;
  }
}

function nameFieldOf(dimension: string): string | null {
  const nameField = dimension.endsWith('_id') ? dimension.slice(0, -3) : null;
  return nameField && (Object.keys(KINDS) as ExportKind[]).some((k) => KINDS[k].fields.some((f) => f.key === nameField)) ? nameField : null;
}

/**
 * dimensionNames for many queries over the same rows (the rules of one evaluation): the (id, name)
 * groups depend only on the window, filters, date field and export kinds, not on the metrics, so
 * one group-by answers every id with one name. An id renamed within the window takes the name its
 * own query ranks first, from that query (as dimensionNames would give it).
 */
export class DimensionNameLookup {
  private readonly shared = new Map<string, NameGroups | null>();

  constructor(
    private readonly tables: TableSet,
    private readonly options: QueryOptions = {},
  ) {}

  /** The name of each id for `spec`'s query, looked up lazily; equal to dimensionNames(dimension, spec, ...).get(id). */
  namesFor(dimension: string, spec: QuerySpec): (id: string) => string | undefined {
    const groups = this.groupsFor(dimension, spec);
    let own: Map<string, string> | undefined;
    return (id) => {
      if (!groups) return (own ??= dimensionNames(dimension, spec, this.tables, this.options)).get(id);
      if (groups.renamed.has(id)) return (own ??= dimensionNames(dimension, spec, this.tables, this.options)).get(id);
      return groups.names.get(id);
    };
  }

  private groupsFor(dimension: string, spec: QuerySpec): NameGroups | null {
    if (!nameFieldOf(dimension)) return null;
    let kinds: ExportKind[];
    try {
      kinds = [...planQuery(spec.metrics, this.tables, spec.params ?? {}).measuresByKind.keys()].sort();
    } catch (err) {
      if (!(err instanceof QueryError)) throw err;
      return null;
    }
    const key = JSON.stringify([dimension, spec.from ?? null, spec.to ?? null, spec.dateField ?? null, spec.filters ?? [], kinds]);
    if (!this.shared.has(key)) this.shared.set(key, namesOf(dimension, spec, this.tables, this.options));
    return this.shared.get(key)!;
  }
}
