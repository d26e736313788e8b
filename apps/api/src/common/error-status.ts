import { CodedError } from '@creator-ops/errors';
import { INGEST_MESSAGES } from '@creator-ops/ingest';
import { QUERY_MESSAGES } from '@creator-ops/query';
import { AppError } from './app-error';
import { Status } from './http-status';

const every = (codes: object, status: number) => Object.fromEntries(Object.keys(codes).map((code) => [code, status]));

/**
 * The HTTP status of each code a lib error carries (AppError carries its own). A query the engine
 * cannot answer is the caller's mistake (400); an import that cannot go on is 422, or 415 when the
 * bytes are not a table at all.
 */
export const ERROR_STATUS: Readonly<Record<string, number>> = {
  ...every(QUERY_MESSAGES, Status.BAD_REQUEST),
  ...every(INGEST_MESSAGES, Status.UNPROCESSABLE_ENTITY),
  XLSX_NOT_SUPPORTED: Status.UNSUPPORTED_MEDIA_TYPE,
  XLS_NOT_SUPPORTED: Status.UNSUPPORTED_MEDIA_TYPE,
  BINARY_FILE: Status.UNSUPPORTED_MEDIA_TYPE,
  INVALID_REPORT_PARAM: Status.BAD_REQUEST,
  REPORT_NOT_FOUND: Status.NOT_FOUND,
  INVALID_ALERT_RULE: Status.BAD_REQUEST,
  EXERCISE_NOT_FOUND: Status.NOT_FOUND,
  DATASET_NOT_FOUND: Status.NOT_FOUND,
  EXERCISE_INVALID: Status.UNPROCESSABLE_ENTITY,
  SUBMISSION_EMPTY: Status.UNPROCESSABLE_ENTITY,
  SUBMISSION_FORMAT: Status.UNPROCESSABLE_ENTITY,
  SUBMISSION_LEGACY_XLS: Status.UNPROCESSABLE_ENTITY,
  SUBMISSION_JSON: Status.UNPROCESSABLE_ENTITY,
  SUBMISSION_XLSX: Status.UNPROCESSABLE_ENTITY,
  SUBMISSION_TOO_LARGE: Status.UNPROCESSABLE_ENTITY,
};

/** Where an error happened, for the codes whose message names it. */
export interface ErrorContext {
  path?: string;
  requestId?: string;
  maxUploadMb?: number;
}

/** Turns an error of the web framework (an HTTP exception) into an AppError; null for any other error. */
export type FrameworkErrors = (e: unknown, ctx: ErrorContext) => AppError | null;

/**
 * The one translation of anything thrown into an AppError (code, status, zh/en text, details),
 * used by the API's filter (with `framework`: common/http-error.ts) and the CLI. Anything
 * unrecognised (a code without a status here, such as METRIC_REGISTRY_INVALID, or no code at all)
 * is INTERNAL_ERROR, which says nothing of the error itself.
 */
export function translateError(e: unknown, ctx: ErrorContext = {}, framework?: FrameworkErrors): AppError {
  if (e instanceof AppError) return e;
  if (isDiskFull(e)) return new AppError('INSUFFICIENT_STORAGE', Status.INSUFFICIENT_STORAGE);
  const status = e instanceof CodedError ? ERROR_STATUS[e.code] : undefined;
  if (e instanceof CodedError && status !== undefined) return new AppError(e.code, status, e.params, e.details, { zh: e.text('zh'), en: e.text('en') });
  return framework?.(e, ctx) ?? new AppError('INTERNAL_ERROR', Status.INTERNAL_SERVER_ERROR, { requestId: ctx.requestId ?? '-' });
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
