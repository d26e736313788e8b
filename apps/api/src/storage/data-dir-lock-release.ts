import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { releaseDataDirLock } from './data-dir-lock';

/** Releases the DATA_DIR lock when the server shuts down (SIGTERM/SIGINT or app.close()), after everything else closed. */
@Injectable()
export class DataDirLockRelease implements OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationShutdown(): void {
    releaseDataDirLock(this.config.dataDir);
  }
}
