import {
  ArrowFileStore,
  indexBatchDays,
  lastDayIfNarrowable,
  logicalTables,
  mergeParts,
  mergeReaching,
  type ColumnTable,
  type DatedPart,
  type ImportPart,
  type StreamDays,
} from '@creator-ops/columnar';
import type { TableSet } from '@creator-ops/query';
import { EXPORT_KINDS, KINDS, type ExportKind } from '@creator-ops/schemas';
import { DatasetsRepository, type Dataset } from '../datasets/datasets.repository';

export interface LogicalTable {
  kind: ExportKind;
  table: ColumnTable;
  /** The committed imports it is made of, in import order. */
  sources: Pick<Dataset, 'id' | 'fileName' | 'sourceSha256' | 'seq'>[];
}

/** A source of a workspace's tables: one committed import and its kind. */
export interface TableSource {
  kind: ExportKind;
  id: string;
  fileName: string;
  sourceSha256: string;
}

/** A workspace's tables for work that reads only its latest days (the alert rules). */
export interface RecentTables {
  /** The last dated day of each kind whose table can be narrowed to the batches holding recent days. */
  lastDays: Map<ExportKind, number>;
  /**
   * The engine's input with each of those kinds narrowed to the batches that hold a day on or after
   * `from` (null: every kind whole). Rows of days before `from` may remain; none of `from` on is missing.
   */
  load(from: number | null): Promise<TableSet>;
}

/**
 * The logical table of each kind in a workspace (DESIGN §2: union of imports, de-duplicated by
 * natural key, later import wins), cached in memory. The cache is keyed by the list of committed
 * import ids, read from the metadata on every call, so an import by another process (the CLI, or
 * another API instance on the same PostgreSQL) is seen at once; their notifications only free memory.
 */
export class TablesService {
  private readonly parts = new Map<string, { workspaceId: string; table: ColumnTable }>();
  private readonly merged = new Map<string, { version: string; value: LogicalTable }>();
  /** Per import: the days of its file's batches (files never change once placed). */
  private readonly batchDays = new Map<string, { workspaceId: string; days: StreamDays | null }>();

  constructor(
    private readonly datasets: DatasetsRepository,
    private readonly files: ArrowFileStore,
  ) {}

  /** Every kind present in the workspace. */
  async all(workspaceId: string): Promise<Map<ExportKind, LogicalTable>> {
    const versions = await this.datasets.versions(workspaceId);
    const out = new Map<ExportKind, LogicalTable>();
    for (const kind of EXPORT_KINDS) {
      const ids = versions.get(kind);
      if (ids?.length) out.set(kind, await this.load(workspaceId, kind, ids));
    }
    return out;
  }

  /** The engine's input (one merged table per kind) and the imports it is made of, in kind then import order. */
  async tableSet(workspaceId: string): Promise<{ tables: TableSet; sources: TableSource[] }> {
    const logical = await this.all(workspaceId);
    const sources = [...logical.values()].flatMap((l) => l.sources.map(({ id, fileName, sourceSha256 }) => ({ kind: l.kind, id, fileName, sourceSha256 })));
    return { tables: logicalTables(logical), sources };
  }

  /**
   * The tables for reading recent days only. A kind is narrowed when it is not loaded already, each of
   * its imports' files has a batch index by day, and each import's key holds the kind's date field:
   * then a row of an earlier day never shares a key with a row from `from` on, so the narrowed merge
   * keeps exactly the rows of those days that the whole merge keeps.
   */
  async recent(workspaceId: string): Promise<RecentTables> {
    const versions = await this.datasets.versions(workspaceId);
    const lists = new Map<ExportKind, Dataset[]>();
    const narrowed = new Map<ExportKind, DatedPart[]>();
    const lastDays = new Map<ExportKind, number>();
    for (const kind of EXPORT_KINDS) {
      const ids = versions.get(kind);
      if (!ids?.length) continue;
      const list = await this.datasets.list(workspaceId, kind);
      lists.set(kind, list);
      if (this.cached(workspaceId, kind, ids)) continue;
      const dateField = KINDS[kind].dateField;
      const parts = list.map((d) => ({
        id: d.id,
        keyFields: d.keyFields,
        path: this.files.pathOf(workspaceId, kind, d.id),
        days: d.keyFields.includes(dateField) ? this.daysOfImport(workspaceId, kind, d.id, dateField) : null,
        loaded: this.parts.get(d.id)?.table,
      }));
      const last = lastDayIfNarrowable(KINDS[kind], parts);
      if (last === null) continue;
      narrowed.set(kind, parts);
      lastDays.set(kind, last);
    }
    return {
      lastDays,
      load: async (from) =>
        lazyTables([...lists.keys()], (kind) => {
          const parts = from === null ? undefined : narrowed.get(kind);
          if (parts) return mergeReaching(KINDS[kind], parts, from!);
          return (this.cached(workspaceId, kind, versions.get(kind)!) ?? this.merge(workspaceId, kind, lists.get(kind)!)).table;
        }),
    };
  }

  async get(workspaceId: string, kind: ExportKind): Promise<LogicalTable | null> {
    const ids = (await this.datasets.versions(workspaceId)).get(kind);
    return ids?.length ? this.load(workspaceId, kind, ids) : null;
  }

  /** The committed imports of a kind as merge parts (for overlap analysis before a new import). */
  async importParts(workspaceId: string, kind: ExportKind): Promise<ImportPart[]> {
    const list = await this.datasets.list(workspaceId, kind);
    return list.map((d) => ({ id: d.id, table: this.part(workspaceId, kind, d.id), keyFields: d.keyFields }));
  }

  /** One import's own rows (previews). */
  part(workspaceId: string, kind: ExportKind, id: string): ColumnTable {
    let t = this.parts.get(id)?.table;
    if (!t) {
      t = this.files.read(workspaceId, kind, id);
      this.parts.set(id, { workspaceId, table: t });
    }
    return t;
  }

  forget(id: string): void {
    this.parts.delete(id);
    this.batchDays.delete(id);
  }

  /** Drops everything cached of a workspace (another instance changed it: see coordination/workspace-events). */
  forgetWorkspace(workspaceId: string): void {
    for (const [id, part] of this.parts) if (part.workspaceId === workspaceId) this.parts.delete(id);
    for (const [id, entry] of this.batchDays) if (entry.workspaceId === workspaceId) this.batchDays.delete(id);
    for (const key of this.merged.keys()) if (key.startsWith(`${workspaceId}/`)) this.merged.delete(key);
  }

  forgetAll(): void {
    this.parts.clear();
    this.merged.clear();
    this.batchDays.clear();
  }

  private daysOfImport(workspaceId: string, kind: ExportKind, id: string, dateField: string): StreamDays | null {
    let entry = this.batchDays.get(id);
    if (!entry) {
      entry = { workspaceId, days: indexBatchDays(this.files.pathOf(workspaceId, kind, id), dateField) };
      this.batchDays.set(id, entry);
    }
    return entry.days;
  }

  private async load(workspaceId: string, kind: ExportKind, ids: string[]): Promise<LogicalTable> {
    return this.cached(workspaceId, kind, ids) ?? this.merge(workspaceId, kind, await this.datasets.list(workspaceId, kind));
  }

  /** The logical table of a kind in memory when it is made of exactly the imports `ids`. */
  private cached(workspaceId: string, kind: ExportKind, ids: string[]): LogicalTable | undefined {
    const hit = this.merged.get(`${workspaceId}/${kind}`);
    return hit && hit.version === ids.join(',') ? hit.value : undefined;
  }

  /** The logical table of a kind's committed imports (`list`, in import order), read and cached. */
  private merge(workspaceId: string, kind: ExportKind, list: Dataset[]): LogicalTable {
    const cacheKey = `${workspaceId}/${kind}`;
    const parts = list.map((d) => ({ id: d.id, table: this.part(workspaceId, kind, d.id), keyFields: d.keyFields }));
    const value: LogicalTable = {
      kind,
      table: mergeParts(KINDS[kind], parts),
      sources: list.map(({ id, fileName, sourceSha256, seq }) => ({ id, fileName, sourceSha256, seq })),
    };
    this.merged.set(cacheKey, { version: list.map((d) => d.id).join(','), value });
    return value;
  }
}

/**
 * The engine's input with each kind's table read when the engine first asks for it: evaluating ad
 * rules in a workspace that also holds a million orders reads no order (it was read whole: +5 s and
 * +450 MB on an import of 460,000 ad rows). `has` answers without reading; the engine only gets and has.
 */
function lazyTables(kinds: ExportKind[], read: (kind: ExportKind) => ColumnTable): TableSet {
  const present = new Set(kinds);
  return new (class extends Map<ExportKind, ColumnTable> {
    override has(kind: ExportKind): boolean {
      return present.has(kind);
    }

    override get(kind: ExportKind): ColumnTable | undefined {
      if (!super.has(kind) && present.has(kind)) super.set(kind, read(kind));
      return super.get(kind);
    }
  })();
}
