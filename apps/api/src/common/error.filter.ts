import { ArgumentsHost, BadRequestException, Catch, HttpException, HttpStatus, Logger, PayloadTooLargeException, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { IngestError } from '@creator-ops/ingest';
import { QueryError } from '@creator-ops/query';
import { ReportParamError } from '@creator-ops/reports';
import { AppError } from './app-error';
import { requestIdOf } from './request-id.middleware';

const FILE_TYPE_CODES = new Set(['XLSX_NOT_SUPPORTED', 'XLS_NOT_SUPPORTED', 'BINARY_FILE']);

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
    const error = this.toAppError(exception, req, requestId);
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

  private toAppError(exception: unknown, req: Request, requestId: string): AppError {
    if (exception instanceof AppError) return exception;
    if (isDiskFull(exception)) return new AppError('INSUFFICIENT_STORAGE', HttpStatus.INSUFFICIENT_STORAGE);
    if (exception instanceof IngestError) {
      const status = FILE_TYPE_CODES.has(exception.code) ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.UNPROCESSABLE_ENTITY;
      return new AppError(exception.code, status, exception.params, undefined, { zh: exception.messageZh, en: exception.message });
    }
    if (exception instanceof QueryError) {
      return new AppError(exception.code, HttpStatus.BAD_REQUEST, exception.params, undefined, { zh: exception.text('zh'), en: exception.text('en') });
    }
    if (exception instanceof ReportParamError) return new AppError('INVALID_REPORT_PARAM', HttpStatus.BAD_REQUEST, { param: exception.param, value: String(exception.value) });
    if (exception instanceof PayloadTooLargeException) return new AppError('UPLOAD_TOO_LARGE', HttpStatus.PAYLOAD_TOO_LARGE, { max: this.maxUploadMb });
    if (exception instanceof BadRequestException) {
      const body = exception.getResponse() as { message?: string | string[] };
      const problems = Array.isArray(body.message) ? body.message : [body.message ?? exception.message];
      return new AppError('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, { problems: problems.join('; ') }, { problems });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === HttpStatus.NOT_FOUND) return new AppError('ROUTE_NOT_FOUND', status, { path: req.path });
      return new AppError(`HTTP_${status}`, status, {}, undefined, { zh: exception.message, en: exception.message });
    }
    return new AppError('INTERNAL_ERROR', HttpStatus.INTERNAL_SERVER_ERROR, { requestId });
  }
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

/** A full disk or quota (file system or SQLite), anywhere in the cause chain: 507, not a bare 500. */
export function isDiskFull(e: unknown): boolean {
  for (let cur = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && DISK_FULL.has(code)) return true;
  }
  return false;
}
