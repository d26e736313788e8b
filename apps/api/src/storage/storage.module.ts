import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ArrowFileStore } from '@creator-ops/columnar';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Environment } from '../platform/environment';
import { FaultInjector } from './fault-injector';
import { loadInstallationSecret } from './installation-secret';
import { INSTALLATION_SECRET } from './storage.tokens';

/** File-system side of storage: Arrow files, the installation secret, fault points for tests. */
@Global()
@Module({})
export class StorageModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: StorageModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: ArrowFileStore, useFactory: () => new ArrowFileStore(config.dataDir) },
        { provide: INSTALLATION_SECRET, useFactory: () => loadInstallationSecret(config.dataDir) },
        { provide: FaultInjector, inject: [Environment], useFactory: (env: Environment) => new FaultInjector(env) },
      ],
      exports: [APP_CONFIG, ArrowFileStore, INSTALLATION_SECRET, FaultInjector],
    };
  }
}
