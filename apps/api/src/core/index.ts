/**
 * `@creator-ops/core`: what another app (the CLI) may use of the API. Nothing outside apps/api
 * imports its files by path. `./light` is the part without the web framework (the CLI's ingest and query).
 */
export * from './light';
export { CoreModule } from './core.module';
export { startServer } from '../server';
export { ReportsService } from '../reports/reports.service';
export { MonitoringService } from '../monitoring/monitoring.service';
export { WarehouseService } from '../warehouse/warehouse.service';
