import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DatasetsService } from '../datasets/datasets.service';
import { WorkspacesRepository } from '../workspaces/workspaces.repository';
import { MonitoringService } from './monitoring.service';

/** Evaluates the workspace's alert rules after every committed import. */
@Injectable()
export class MonitoringHook implements OnModuleInit {
  constructor(
    private readonly datasets: DatasetsService,
    private readonly workspaces: WorkspacesRepository,
    private readonly monitoring: MonitoringService,
  ) {}

  onModuleInit(): void {
    this.datasets.onImported(async (dataset) => {
      if (dataset.kind !== 'ad') return;
      const ws = await this.workspaces.findById(dataset.workspaceId);
      if (ws) await this.monitoring.evaluate(ws.name);
    });
  }
}
