import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { CoreModule } from '../../api/src/core.module';
import { loadConfig, type AppConfig } from '../../api/src/config/app-config';

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

/** The same services as the server, on the same DATA_DIR, without HTTP. */
export async function openContext(overrides: Partial<AppConfig> = {}): Promise<{ ctx: INestApplicationContext; config: AppConfig }> {
  const config = loadConfig(process.env, overrides);
  const ctx = await NestFactory.createApplicationContext(CoreModule.forRoot(config), { logger: new StderrLogger(process.env.LOG_LEVEL === 'debug') });
  return { ctx, config };
}
