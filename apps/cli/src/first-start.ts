import { beginEarlyAdminHash, loadConfig, type AppConfig, type EarlyAdminHash } from '@creator-ops/core/start';

let begun: EarlyAdminHash | null = null;

/**
 * For a command that opens the core on DATA_DIR as configured (ingest): on a first start (SQLite,
 * no database file yet) begins hashing `admin`'s password now, beside the loading of the core,
 * instead of after it. A configuration mistake is left for the command to report.
 */
export function beginFirstStartHash(): void {
  try {
    begun = beginEarlyAdminHash(loadConfig(process.env));
  } catch {
    begun = null;
  }
}

/** The hash begun for `config`'s DATA_DIR, once; null when none was (the core then hashes as before). */
export function takeFirstStartHash(config: AppConfig): EarlyAdminHash | null {
  const early = begun;
  begun = null;
  return early && early.dataDir === config.dataDir && !config.databaseUrl ? early : null;
}
