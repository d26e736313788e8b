import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { setupApp } from './setup-app';
import { acquireDataDirLock } from './storage/data-dir-lock';

/** Starts the HTTP server, holding the DATA_DIR lock for the life of the process (throws DataDirLockedError). */
export async function startServer(config: AppConfig): Promise<NestExpressApplication> {
  // Files the server creates (uploads in progress, Arrow files, the database) are its own: 0600 / 0700.
  process.umask(0o077);
  const lock = acquireDataDirLock(config.dataDir, 'server');
  try {
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { logger: logLevels(config.logLevel) });
    setupApp(app, config);
    await app.listen(config.port, config.host);
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

function logLevels(level: AppConfig['logLevel']) {
  const all = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return all.slice(0, all.indexOf(level) + 1);
}
