import { ArgumentsHost, Catch, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { translateHttpError } from './http-error';
import { requestIdOf } from './request-id.middleware';

/** The one place errors become responses: `{ code, message, messages, details?, requestId }`, never a stack or a path. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly maxUploadMb: number) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const requestId = requestIdOf(req);
    const error = translateHttpError(exception, { path: req.path, requestId, maxUploadMb: this.maxUploadMb });
    if (error.status >= 500) this.logger.error(`${req.method} ${req.path} ${requestId}: ${exception instanceof Error ? exception.stack : String(exception)}`);
    const locale = /^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'zh';
    for (const [name, value] of Object.entries(error.headers ?? {})) res.setHeader(name, value);
    res.status(error.status).json({
      code: error.code,
      message: error.text(locale),
      messages: { zh: error.text('zh'), en: error.text('en') },
      ...(error.details === undefined ? {} : { details: error.details }),
      requestId,
    });
  }
}
