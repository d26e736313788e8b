import type { TypeOrmModuleOptions } from '@nestjs/typeorm';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';

/**
 * SQLite in DATA_DIR by default; PostgreSQL when DATABASE_URL names one. The schema is made and
 * moved forward by migrations at start (never `synchronize`), in one transaction each.
 */
export function databaseOptions(config: AppConfig): TypeOrmModuleOptions {
  const common = { entities: ENTITIES, synchronize: false, migrationsRun: true, migrationsTransactionMode: 'each' as const };
  if (config.databaseUrl) {
    return { ...common, type: 'postgres', url: config.databaseUrl, migrations: POSTGRES_MIGRATIONS, extra: { max: 10 } };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: join(config.dataDir, 'creator-ops.sqlite'),
    migrations: SQLITE_MIGRATIONS,
    enableWAL: true,
    timeout: 10_000,
  };
}
