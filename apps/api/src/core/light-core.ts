import { uploadDirOf } from '../coordination/instance-id';
import { ArrowFileStore } from '@creator-ops/columnar';
import { AuthRepository } from '../auth/auth.repository';
import type { EarlyAdminHash } from '../auth/early-admin-hash';
import { PasswordHasher } from '../auth/password-hasher';
import { UserCreation } from '../auth/user-creation';
import type { Log } from '../common/log';
import type { AppConfig } from '../config/app-config';
import { WorkspaceEvents } from '../coordination/workspace-events';
import { WorkspaceLock } from '../coordination/workspace-lock';
import { openDatabase } from '../database/database-options';
import { DatasetsRepository } from '../datasets/datasets.repository';
import { DatasetsService } from '../datasets/datasets.service';
import { evaluateAfterImports } from '../monitoring/after-import';
import { MonitoringRepository } from '../monitoring/monitoring.repository';
import { MonitoringService } from '../monitoring/monitoring.service';
import { SystemClock } from '../platform/clock';
import { ProcessEnvironment } from '../platform/environment';
import { NodeHttpClient } from '../platform/http-client';
import { QueryService } from '../query/query.service';
import { FaultInjector } from '../storage/fault-injector';
import { loadInstallationSecret } from '../storage/installation-secret';
import { prepareDataDir } from '../storage/prepare-data-dir';
import { TablesService } from '../tables/tables.service';
import { workspacesRepositoryOf, type WorkspacesRepository } from '../workspaces/workspaces.repository';
import { WorkspacesService } from '../workspaces/workspaces.service';

/** What the CLI's importing and querying commands use of the core, without the web framework. */
export interface LightCore {
  datasets: DatasetsService;
  query: QueryService;
  workspaces: WorkspacesService;
  workspacesRepository: WorkspacesRepository;
  close(): Promise<void>;
}

/**
 * The import and query services over the same DATA_DIR and metadata database as CoreModule, built
 * from the same plain classes the API's modules construct, and started as CoreModule starts them:
 * migrations, alert rules evaluated after each ad import, the first start's `admin` (its one-time
 * password on stderr, at `close`: the password is hashed while the command works). Loads no Nest,
 * HTTP or rendering module. `logger` gives a context its log; `early`: the first start's password
 * hash the command began before the core loaded (beginEarlyAdminHash), used if there is no user yet.
 */
export async function openLightCore(config: AppConfig, logger: (context: string) => Log, early: EarlyAdminHash | null = null): Promise<LightCore> {
  prepareDataDir(config);
  const files = new ArrowFileStore(config.dataDir);
  const secret = loadInstallationSecret(config.dataDir);
  const db = await openDatabase(config);
  try {
    const lock = new WorkspaceLock(db);
    const workspacesRepository = workspacesRepositoryOf(db);
    const workspaces = new WorkspacesService(workspacesRepository);
    const datasetsRepository = new DatasetsRepository(db);
    const tables = new TablesService(datasetsRepository, files);
    const faults = new FaultInjector(new ProcessEnvironment());
    const events = new WorkspaceEvents(db, logger('Coordination'));
    const datasets = new DatasetsService(
      workspaces,
      datasetsRepository,
      tables,
      faults,
      files,
      secret,
      lock,
      events,
      logger('Datasets'),
      uploadDirOf(config.dataDir),
    );
    const monitoring = new MonitoringService(tables, new MonitoringRepository(db), config, new SystemClock(), new NodeHttpClient(), lock, logger('Monitoring'));
    evaluateAfterImports(datasets, monitoring);
    // The first start's password hash (scrypt: most of a first command's time) runs beside the command; `admin` is saved at close.
    const firstStart = await new UserCreation(new AuthRepository(db), new PasswordHasher(config), config).beginFirstStartAdmin(early);
    const close = async () => {
      try {
        const notice = await firstStart();
        if (notice && !config.noticeAfterListen) process.stderr.write(notice);
      } finally {
        await db.destroy();
      }
    };
    return { datasets, query: new QueryService(tables), workspaces, workspacesRepository, close };
  } catch (e) {
    await db.destroy();
    throw e;
  }
}
