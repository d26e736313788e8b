import { join } from 'node:path';

/** The SQLite metadata database of a DATA_DIR (without DATABASE_URL). */
export function sqliteFileOf(dataDir: string): string {
  return join(dataDir, 'creator-ops.sqlite');
}
