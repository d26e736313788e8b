import { BadRequestException, HttpException, HttpStatus, PayloadTooLargeException } from '@nestjs/common';
import { CodedError } from '@creator-ops/errors';
import { INGEST_MESSAGES } from '@creator-ops/ingest';
import { QUERY_MESSAGES } from '@creator-ops/query';
import { AppError } from './app-error';

const every = (codes: object, status: HttpStatus) => Object.fromEntries(Object.keys(codes).map((code) => [code, status]));

/**
 * The HTTP status of each code a lib error carries (AppError carries its own). A query the engine
 * cannot answer is the caller's mistake (400); an import that cannot go on is 422, or 415 when the
 * bytes are not a table at all.
 */
export const ERROR_STATUS: Readonly<Record<string, HttpStatus>> = {
  ...every(QUERY_MESSAGES, HttpStatus.BAD_REQUEST),
  ...every(INGEST_MESSAGES, HttpStatus.UNPROCESSABLE_ENTITY),
  XLSX_NOT_SUPPORTED: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  XLS_NOT_SUPPORTED: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  BINARY_FILE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  INVALID_REPORT_PARAM: HttpStatus.BAD_REQUEST,
  REPORT_NOT_FOUND: HttpStatus.NOT_FOUND,
  INVALID_ALERT_RULE: HttpStatus.BAD_REQUEST,
  EXERCISE_NOT_FOUND: HttpStatus.NOT_FOUND,
  DATASET_NOT_FOUND: HttpStatus.NOT_FOUND,
  EXERCISE_INVALID: HttpStatus.UNPROCESSABLE_ENTITY,
  SUBMISSION_EMPTY: HttpStatus.UNPROCESSABLE_ENTITY,
  SUBMISSION_FORMAT: HttpStatus.UNPROCESSABLE_ENTITY,
  SUBMISSION_LEGACY_XLS: HttpStatus.UNPROCESSABLE_ENTITY,
  SUBMISSION_JSON: HttpStatus.UNPROCESSABLE_ENTITY,
  SUBMISSION_XLSX: HttpStatus.UNPROCESSABLE_ENTITY,
  SUBMISSION_TOO_LARGE: HttpStatus.UNPROCESSABLE_ENTITY,
};

/** Where an error happened, for the codes whose message names it. */
export interface ErrorContext {
  path?: string;
  requestId?: string;
  maxUploadMb?: number;
}

/**
 * The one translation of anything thrown into an AppError (code, status, zh/en text, details),
 * used by the API's filter and the CLI. Anything unrecognised (a code without a status here, such
 * as METRIC_REGISTRY_INVALID, or no code at all) is INTERNAL_ERROR, which says nothing of the error itself.
 */
export function translateError(e: unknown, ctx: ErrorContext = {}): AppError {
  if (e instanceof AppError) return e;
  if (isDiskFull(e)) return new AppError('INSUFFICIENT_STORAGE', HttpStatus.INSUFFICIENT_STORAGE);
  const status = e instanceof CodedError ? ERROR_STATUS[e.code] : undefined;
  if (e instanceof CodedError && status !== undefined) return new AppError(e.code, status, e.params, e.details, { zh: e.text('zh'), en: e.text('en') });
  if (e instanceof HttpException) return fromHttpException(e, ctx);
  return new AppError('INTERNAL_ERROR', HttpStatus.INTERNAL_SERVER_ERROR, { requestId: ctx.requestId ?? '-' });
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

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);

/** A full disk or quota (file system or SQLite), anywhere in the cause chain: 507, not a bare 500. */
export function isDiskFull(e: unknown): boolean {
  for (let cur = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    const code = (cur as { code?: unknown }).code;
    if (typeof code === 'string' && DISK_FULL.has(code)) return true;
  }
  return false;
}
