import { runQuery, type QueryResult, type QuerySpec } from '@creator-ops/query';
import { TablesService } from '../tables/tables.service';
import type { Workspace } from '../workspaces/workspaces.repository';

export class QueryService {
  constructor(private readonly tables: TablesService) {}

  async query(ws: Workspace, spec: QuerySpec): Promise<QueryResult & { sources: { id: string; fileName: string; kind: string }[] }> {
    const { tables, sources } = await this.tables.tableSet(ws.id);
    const result = runQuery(spec, tables);
    const used = new Set(result.columns.flatMap((c) => c.kinds ?? []));
    return { ...result, sources: sources.filter((s) => used.has(s.kind)).map(({ id, fileName, kind }) => ({ id, fileName, kind })) };
  }
}
