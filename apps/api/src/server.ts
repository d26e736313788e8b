import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { AuthService } from './auth/auth.service';
import type { AppConfig } from './config/app-config';
import { setupApp } from './setup-app';
import { acquireDataDirLock } from './storage/data-dir-lock';

/**
 * Starts the HTTP server (and says where it listens). With SQLite it holds the DATA_DIR lock for
 * the life of the process (throws DataDirLockedError); with PostgreSQL (DATABASE_URL) several
 * instances share DATA_DIR and coordinate through the database (see coordination/).
 */
export async function startServer(config: AppConfig): Promise<NestExpressApplication> {
  // Files the server creates (uploads in progress, Arrow files, the database) are its own: 0600 / 0700.
  process.umask(0o077);
  const lock = config.databaseUrl ? { release: () => undefined } : acquireDataDirLock(config.dataDir, 'server');
  try {
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ ...config, noticeAfterListen: true }), {
      logger: new QuietStartLogger({ logLevels: logLevels(config.logLevel) }),
    });
    setupApp(app, config);
    await app.listen(config.port, config.host);
    process.stderr.write(`creator-ops listening on http://${config.host}:${config.port} (data: ${config.dataDir})\n`);
    app.get(AuthService).printFirstStartNotice();
    const close = app.close.bind(app);
    app.close = async () => {
      await close();
      lock.release();
    };
    return app;
  } catch (e) {
    lock.release();
    throw e;
  }
}

function logLevels(level: AppConfig['logLevel']): LogLevel[] {
  const all = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return all.slice(0, all.indexOf(level) + 1);
}

/** Nest's own start-up chatter (modules, every mapped route): kept for LOG_LEVEL=debug. */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** A quiet first start: the few lines an operator needs (the admin's one-time password among them) stay visible. */
class QuietStartLogger extends ConsoleLogger {
  log(message: unknown, context?: string): void {
    const ctx = context ?? this.context;
    if (ctx && FRAMEWORK_CONTEXTS.has(ctx) && !this.isLevelEnabled('debug')) return;
    super.log(message, ...(context ? [context] : []));
  }
}
