import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DatasetsService } from '../datasets/datasets.service';
import { evaluateAfterImports } from './after-import';
import { MonitoringService } from './monitoring.service';

/** Evaluates the workspace's alert rules after every committed import. */
@Injectable()
export class MonitoringHook implements OnModuleInit {
  constructor(
    private readonly datasets: DatasetsService,
    private readonly monitoring: MonitoringService,
  ) {}

  onModuleInit(): void {
    evaluateAfterImports(this.datasets, this.monitoring);
  }
}
