import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';

/** DATA_DIR made (owner only), and with SQLite the metadata database file narrowed to its owner, before anything opens them. */
export function prepareDataDir(config: AppConfig): void {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const database = join(config.dataDir, 'creator-ops.sqlite');
  if (!config.databaseUrl) ownerOnly(database);
}

/**
 * The metadata database (users, password hashes, sessions) is readable by its owner only: created
 * 0600 before SQLite opens it (its -wal and -shm files copy the database file's mode), and
 * narrowed if an older version created it wider.
 */
function ownerOnly(database: string): void {
  if (!existsSync(database)) closeSync(openSync(database, 'a', 0o600));
  for (const file of [database, `${database}-wal`, `${database}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
}
