import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listExercises } from '@creator-ops/grading';
import { isExportKind } from '@creator-ops/schemas';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { WorkspaceLock } from '../coordination/workspace-lock';
import { DatasetsService } from '../datasets/datasets.service';
import { AssignmentsRepository } from '../exercises/assignments.repository';
import { WorkspacesRepository } from '../workspaces/workspaces.repository';

interface DemoManifest {
  workspace: string;
  files: { file: string; account?: string; kind?: string }[];
}

/** On first start with an empty DATA_DIR, loads the `demo` workspace from fixtures/demo (DEMO=0 disables). */
@Injectable()
export class DemoLoader implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly workspaces: WorkspacesRepository,
    private readonly datasets: DatasetsService,
    private readonly assignments: AssignmentsRepository,
    private readonly lock: WorkspaceLock,
  ) {}

  /** Instances starting together on an empty database load it once: the check and the load hold one lock. */
  onApplicationBootstrap(): Promise<void> {
    return this.lock.exclusive('demo', 'load', () => this.load());
  }

  private async load(): Promise<void> {
    if (!this.config.demo || (await this.workspaces.count()) > 0) return;
    const dir = join(this.config.fixturesDir ?? join(process.cwd(), 'fixtures'), 'demo');
    let manifest: DemoManifest;
    try {
      manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as DemoManifest;
    } catch {
      this.logger.warn(`no demo manifest in ${dir}; starting empty`);
      return;
    }
    for (const entry of manifest.files) {
      const { report } = await this.datasets.import(manifest.workspace, {
        path: join(dir, entry.file),
        fileName: entry.file,
        account: entry.account,
        kind: isExportKind(entry.kind) ? entry.kind : undefined,
      });
      this.logger.debug(`demo: ${entry.file} -> ${report.kind}, ${report.rows.accepted} rows`);
    }
    // The exercise bank is assigned to the demo workspace (practice mode): members added there see it.
    const demo = await this.workspaces.findByName(manifest.workspace);
    if (demo)
      for (const e of listExercises(this.config.exercisesDir))
        await this.assignments.save({ exerciseId: e.id, workspaceId: demo.id, mode: 'practice', revealAfter: 3, releasedAt: null });
  }
}
