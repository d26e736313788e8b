import { BadRequestException, HttpException, HttpStatus, PayloadTooLargeException } from '@nestjs/common';
import { AppError } from './app-error';
import { translateError, type ErrorContext } from './error-status';

/** translateError with the web framework's exceptions (the API's filter): Nest's HTTP exceptions become the API codes. */
export function translateHttpError(e: unknown, ctx: ErrorContext = {}): AppError {
  return translateError(e, ctx, (x) => (x instanceof HttpException ? fromHttpException(x, ctx) : null));
}

function fromHttpException(e: HttpException, ctx: ErrorContext): AppError {
  if (e instanceof PayloadTooLargeException) return new AppError('UPLOAD_TOO_LARGE', HttpStatus.PAYLOAD_TOO_LARGE, { max: ctx.maxUploadMb ?? '-' });
  if (e instanceof BadRequestException) {
    const body = e.getResponse() as { message?: string | string[] };
    const problems = Array.isArray(body.message) ? body.message : [body.message ?? e.message];
    return new AppError('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, { problems: problems.join('; ') }, { problems });
  }
  const status = e.getStatus();
  if (status === HttpStatus.NOT_FOUND) return new AppError('ROUTE_NOT_FOUND', status, { path: ctx.path ?? '-' });
  return new AppError(`HTTP_${status}`, status, {}, undefined, { zh: e.message, en: e.message });
}
