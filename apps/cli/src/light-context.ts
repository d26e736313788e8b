import { openLightCore, type LightCore } from '@creator-ops/core/light';
import { acquireDataDirLock, loadConfig, type AppConfig } from '@creator-ops/core/start';
import { takeFirstStartHash } from './first-start';
import { StderrLogger } from './stderr-logger';

export interface ContextOptions {
  /** The command writes: with SQLite it takes the DATA_DIR lock, refused while a server runs there. */
  write?: boolean;
  command?: string;
}

/** The configuration of a command, and with SQLite the DATA_DIR lock of a writing one (reading commands take none and may run beside the server). */
export function commandConfig(overrides: Partial<AppConfig>, opts: ContextOptions): AppConfig {
  const config = loadConfig(process.env, overrides);
  // With PostgreSQL the database coordinates writers (workspace locks), so servers and the CLI share DATA_DIR.
  if (opts.write && !config.databaseUrl) acquireDataDirLock(config.dataDir, `cli ${opts.command ?? ''}`.trim());
  return config;
}

export function stderrLogger(): StderrLogger {
  return new StderrLogger(process.env.LOG_LEVEL === 'debug');
}

/**
 * The import and query services on DATA_DIR without the web framework (ingest, query): the same
 * classes as the server's, started as the server's core starts them (see openLightCore).
 */
export async function openLightContext(overrides: Partial<AppConfig> = {}, opts: ContextOptions = {}): Promise<{ core: LightCore; config: AppConfig }> {
  const config = commandConfig(overrides, opts);
  const logger = stderrLogger();
  const core = await openLightCore(config, (context) => logger.forContext(context), takeFirstStartHash(config));
  return { core, config };
}
