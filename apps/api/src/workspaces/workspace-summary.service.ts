import { Injectable } from '@nestjs/common';
import { formatDay } from '@creator-ops/format';
import { dataRange } from '@creator-ops/query';
import { KINDS, type ExportKind } from '@creator-ops/schemas';
import { DatasetsRepository } from '../datasets/datasets.repository';
import { TablesService } from '../tables/tables.service';
import type { Workspace } from './workspaces.repository';
import { WorkspacesService } from './workspaces.service';

@Injectable()
export class WorkspaceSummaryService {
  constructor(
    private readonly workspaces: WorkspacesService,
    private readonly datasets: DatasetsRepository,
    private readonly tables: TablesService,
  ) {}

  /** Every workspace, or only those whose ids are given (a user's memberships). */
  async listAll(only: Set<string> | null = null) {
    const list = (await this.workspaces.list()).filter((ws) => !only || only.has(ws.id));
    return Promise.all(
      list.map(async (ws) => {
        const s = await this.summaryOf(ws.id, ws.name);
        const days = s.kinds
          .flatMap((k) => [k.from, k.to])
          .filter((d): d is string => d !== null)
          .sort();
        return {
          name: ws.name,
          createdAt: ws.createdAt.toISOString(),
          datasets: s.kinds.reduce((n, k) => n + k.datasets, 0),
          kinds: Object.fromEntries(s.kinds.map((k) => [k.kind, k.rows])),
          range: days.length ? { from: days[0], to: days[days.length - 1] } : null,
        };
      }),
    );
  }

  summary(ws: Workspace) {
    return this.summaryOf(ws.id, ws.name);
  }

  private async summaryOf(workspaceId: string, name: string) {
    const logical = await this.tables.all(workspaceId);
    const versions = await this.datasets.versions(workspaceId);
    const accounts = new Set<string>();
    const kinds = [...logical.values()].map(({ kind, table }) => {
      const range = dataRange(new Map([[kind, table]]), [kind]);
      const col = table.columns.get('account');
      if (col?.type === 'dict') {
        const used = new Uint8Array(col.dict.length);
        for (const c of col.codes) if (c >= 0) used[c] = 1;
        col.dict.forEach((a, i) => used[i] && accounts.add(a));
      }
      return {
        kind: kind as ExportKind,
        label: KINDS[kind].label,
        rows: table.length,
        datasets: versions.get(kind)?.length ?? 0,
        from: range ? formatDay(range.from) : null,
        to: range ? formatDay(range.to) : null,
      };
    });
    return { name, kinds, accounts: [...accounts].sort((a, b) => a.localeCompare(b, 'zh-CN')) };
  }
}
