import { existsSync } from 'node:fs';
import type { AppConfig } from '../config/app-config';
import { sqliteFileOf } from '../database/sqlite-file';
import { generatedPasswordParamsOf, hashParamsOf, hashPassword, randomPassword } from './password';

/** The first start's `admin` password and its hash, begun before the core loads. */
export interface EarlyAdminHash {
  dataDir: string;
  password: string;
  hash: Promise<string>;
}

/**
 * Begins the first start's password hash (scrypt: most of a first command's time) as a command
 * starts, beside the loading of the core, where the first start is certain: SQLite metadata whose
 * file does not exist yet. Otherwise null (PostgreSQL may have users already; an existing file is
 * checked after its migrations, as before). `admin` itself is still created by the core
 * (UserCreation.beginFirstStartAdmin), only when the database has no user.
 */
export function beginEarlyAdminHash(config: AppConfig): EarlyAdminHash | null {
  if (config.databaseUrl || existsSync(sqliteFileOf(config.dataDir))) return null;
  const given = config.adminPassword;
  const password = given ?? randomPassword();
  const hash = hashPassword(password, given ? hashParamsOf(config) : generatedPasswordParamsOf(config));
  hash.catch(() => undefined); // awaited (and its failure thrown) where admin is created
  return { dataDir: config.dataDir, password, hash };
}
