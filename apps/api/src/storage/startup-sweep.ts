import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ArrowFileStore } from '@creator-ops/columnar';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DatasetsRepository } from '../datasets/datasets.repository';
import { MonitoringService } from '../monitoring/monitoring.service';
import { WorkspacesRepository } from '../workspaces/workspaces.repository';

/**
 * At server start (holding the DATA_DIR lock, so every temporary file left in DATA_DIR belongs to
 * a process that is gone, never to a running one): removes Arrow files no committed import refers to and stale upload temp files,
 * then re-evaluates alert rules in the background (an import interrupted after its commit never ran them).
 */
@Injectable()
export class StartupSweep implements OnApplicationBootstrap {
  private readonly logger = new Logger('Storage');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ArrowFileStore) private readonly files: ArrowFileStore,
    private readonly datasets: DatasetsRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly monitoring: MonitoringService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const removed = this.files.sweep(await this.datasets.allFileKeys());
    if (removed.length) this.logger.warn(`removed ${removed.length} uncommitted file(s) left by an interrupted import or delete`);
    const uploads = join(this.config.dataDir, 'tmp', 'uploads');
    for (const f of readdirSync(uploads)) rmSync(join(uploads, f), { force: true });
    void this.reevaluate();
  }

  private async reevaluate(): Promise<void> {
    for (const ws of await this.workspaces.list()) {
      if (!(await this.datasets.versions(ws.id)).has('ad')) continue;
      await this.monitoring.evaluate(ws).catch((e: Error) => this.logger.warn(`alert evaluation for ${ws.name} failed: ${e.message}`));
    }
  }
}
