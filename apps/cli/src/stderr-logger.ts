import type { LoggerService } from '@nestjs/common';
import type { Log } from '@creator-ops/core/light';

/** Logs go to stderr: stdout carries only the command's own output. Nest's logger, and the light start's (`forContext`). */
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
  /** The lines of one context (what a Nest `Logger('Datasets')` would print through this logger). */
  forContext(context: string): Log {
    return { log: (message) => this.log(message, context), warn: (message) => this.warn(message, context) };
  }
  private write(level: string, message: unknown, context?: string) {
    process.stderr.write(`[${level}]${context ? ` ${context}:` : ''} ${String(message)}\n`);
  }
}
