/**
 * `@creator-ops/core`: what another app (the CLI) may use of the API. Nothing outside apps/api
 * imports its files by path.
 */
export { CoreModule } from './core.module';
export { loadConfig, ConfigError, type AppConfig } from '../config/app-config';
export { acquireDataDirLock, DataDirLockedError } from '../storage/data-dir-lock';
export { AppError } from '../common/app-error';
export { translateError, isDiskFull } from '../common/error-status';
export { tableToCsv } from '../common/csv';
export { startServer } from '../server';
export { WorkspacesService } from '../workspaces/workspaces.service';
export { WorkspacesRepository, type Workspace } from '../workspaces/workspaces.repository';
export { DatasetsService } from '../datasets/datasets.service';
export { QueryService } from '../query/query.service';
export { ReportsService } from '../reports/reports.service';
export { MonitoringService } from '../monitoring/monitoring.service';
export { WarehouseService } from '../warehouse/warehouse.service';
