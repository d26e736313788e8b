import { Injectable } from '@nestjs/common';
import { runQuery, type QueryResult, type QuerySpec, type TableSet } from '@creator-ops/query';
import { TablesService } from '../tables/tables.service';
import { WorkspacesService } from '../workspaces/workspaces.service';

@Injectable()
export class QueryService {
  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly tables: TablesService,
  ) {}

  async query(workspaceName: string, spec: QuerySpec): Promise<QueryResult & { sources: { id: string; fileName: string; kind: string }[] }> {
    const ws = await this.workspaces.get(workspaceName);
    const logical = await this.tables.all(ws.id);
    const set: TableSet = new Map([...logical].map(([k, v]) => [k, v.table]));
    const result = runQuery(spec, set);
    const used = new Set(result.columns.flatMap((c) => c.kinds ?? []));
    const sources = [...logical.values()].filter((l) => used.has(l.kind)).flatMap((l) => l.sources.map((s) => ({ id: s.id, fileName: s.fileName, kind: l.kind })));
    return { ...result, sources };
  }
}
