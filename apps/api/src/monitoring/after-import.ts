import type { DatasetsService } from '../datasets/datasets.service';
import type { MonitoringService } from './monitoring.service';

/** Evaluates the workspace's alert rules after every committed import of ads (the API's MonitoringHook and the CLI). */
export function evaluateAfterImports(datasets: DatasetsService, monitoring: MonitoringService): void {
  datasets.onImported(async (dataset, workspace) => {
    if (dataset.kind === 'ad') await monitoring.evaluate(workspace);
  });
}
