import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ArrowFileStore } from '@creator-ops/columnar';
import { InstanceRegistry } from '../coordination/instance-registry';
import { WorkspaceLock } from '../coordination/workspace-lock';
import { DatasetsRepository } from '../datasets/datasets.repository';
import { MonitoringService } from '../monitoring/monitoring.service';
import { WorkspacesRepository } from '../workspaces/workspaces.repository';

/**
 * At server start: removes Arrow files no committed import refers to, each workspace under its
 * workspace lock (so a peer instance's import in flight is never touched), and the upload temp
 * files of dead instances only; then re-evaluates alert rules in the background (an import
 * interrupted after its commit never ran them). With SQLite the DATA_DIR lock makes this the only process.
 */
@Injectable()
export class StartupSweep implements OnApplicationBootstrap {
  private readonly logger = new Logger('Storage');

  constructor(
    @Inject(ArrowFileStore) private readonly files: ArrowFileStore,
    private readonly datasets: DatasetsRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly monitoring: MonitoringService,
    private readonly lock: WorkspaceLock,
    private readonly instances: InstanceRegistry,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let removed = 0;
    for (const ws of this.files.workspaceIds()) {
      removed += await this.lock.withWorkspaceLock(ws, async () => {
        const committed = new Set((await this.datasets.list(ws)).map((d) => `${ws}/${d.kind}/${d.id}`));
        return this.files.sweepWorkspace(ws, committed).length;
      });
    }
    if (removed) this.logger.warn(`removed ${removed} uncommitted file(s) left by an interrupted import or delete`);
    const uploads = await this.instances.sweepDeadUploads();
    if (uploads) this.logger.warn(`removed ${uploads} upload temp file(s) of stopped instances`);
    void this.reevaluate();
  }

  private async reevaluate(): Promise<void> {
    for (const ws of await this.workspaces.list()) {
      if (!(await this.datasets.versions(ws.id)).has('ad')) continue;
      await this.monitoring.evaluate(ws).catch((e: Error) => this.logger.warn(`alert evaluation for ${ws.name} failed: ${e.message}`));
    }
  }
}
