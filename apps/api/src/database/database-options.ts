import { DataSource, type DataSourceOptions } from 'typeorm';
import { advisoryKey } from '../coordination/advisory-key';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { sqliteFileOf } from './sqlite-file';

/**
 * SQLite in DATA_DIR by default; PostgreSQL when DATABASE_URL names one. The schema is made and
 * moved forward by migrations at start (never `synchronize`), in one transaction each.
 */
export function databaseOptions(config: AppConfig): DataSourceOptions {
  const common = { entities: ENTITIES, synchronize: false, migrationsRun: true, migrationsTransactionMode: 'each' as const };
  if (config.databaseUrl) {
    // Migrations run in openDataSource, under a lock: instances starting together migrate once.
    return { ...common, migrationsRun: false, type: 'postgres', url: config.databaseUrl, migrations: POSTGRES_MIGRATIONS, extra: { max: 10 } };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: sqliteFileOf(config.dataDir),
    migrations: SQLITE_MIGRATIONS,
    enableWAL: true,
    timeout: 10_000,
  };
}

/** Opens the metadata database; on PostgreSQL runs the pending migrations holding an advisory lock. */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const db = await new DataSource(options).initialize();
  if (options.type !== 'postgres') return db;
  const runner = db.createQueryRunner();
  const key = advisoryKey('migrations', 'schema');
  try {
    await runner.query('SELECT pg_advisory_lock($1::bigint)', [key]);
    await db.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1::bigint)', [key]).catch(() => undefined);
    await runner.release();
  }
  return db;
}

/** The metadata database of a configuration, migrated (the CLI's framework-free start; Nest opens it through TypeOrmModule). */
export function openDatabase(config: AppConfig): Promise<DataSource> {
  return openDataSource(databaseOptions(config));
}
