/**
 * `@creator-ops/core/light`: the part of `@creator-ops/core` that loads no Nest, HTTP or rendering
 * module, for the CLI's importing and querying commands (their start is most of their time).
 */
export { openLightCore, type LightCore } from './light-core';
export { loadConfig, ConfigError, type AppConfig } from '../config/app-config';
export { acquireDataDirLock, DataDirLockedError } from '../storage/data-dir-lock';
export { AppError } from '../common/app-error';
export type { Log } from '../common/log';
export { translateError, isDiskFull } from '../common/error-status';
export { tableToCsv } from '../common/csv';
export { DatasetsService } from '../datasets/datasets.service';
export { QueryService } from '../query/query.service';
export { WorkspacesService } from '../workspaces/workspaces.service';
export { WorkspacesRepository, type Workspace } from '../workspaces/workspaces.repository';
