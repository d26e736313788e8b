import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { CoreModule, loadConfig, type AppConfig, acquireDataDirLock, type Workspace, WorkspacesService } from '@creator-ops/core';

/** Nest logs go to stderr: stdout carries only the command's own output. */
export class StderrLogger implements LoggerService {
  constructor(private readonly chatty: boolean) {}
  log(message: unknown, context?: string) {
    if (this.chatty) this.write('log', message, context);
  }
  warn(message: unknown, context?: string) {
    this.write('warn', message, context);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.write('error', message, typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined);
  }
  debug() {}
  verbose() {}
  private write(level: string, message: unknown, context?: string) {
    process.stderr.write(`[${level}]${context ? ` ${context}:` : ''} ${String(message)}\n`);
  }
}

/**
 * The same services as the server, on the same DATA_DIR, without HTTP. A command that writes
 * (`write: true`) takes the DATA_DIR lock (SQLite only), so it is refused while a server runs there;
 * reading commands take no lock and may run beside the server.
 */
/** The CLI resolves the workspace of `--workspace` once, as the API's `@CurrentWorkspace()` does (unknown: WORKSPACE_NOT_FOUND). */
export function resolveWorkspace(ctx: INestApplicationContext, name: string): Promise<Workspace> {
  return ctx.get(WorkspacesService).get(name);
}

export async function openContext(
  overrides: Partial<AppConfig> = {},
  opts: { write?: boolean; command?: string } = {},
): Promise<{ ctx: INestApplicationContext; config: AppConfig }> {
  const config = loadConfig(process.env, overrides);
  // With PostgreSQL the database coordinates writers (workspace locks), so servers and the CLI share DATA_DIR.
  if (opts.write && !config.databaseUrl) acquireDataDirLock(config.dataDir, `cli ${opts.command ?? ''}`.trim());
  const ctx = await NestFactory.createApplicationContext(CoreModule.forRoot(config), { logger: new StderrLogger(process.env.LOG_LEVEL === 'debug') });
  return { ctx, config };
}
