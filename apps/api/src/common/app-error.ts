import { CodedError, type MessageParams, type MessageTemplates } from '@creator-ops/errors';
import { API_MESSAGES, type ApiCode } from './api-messages';
import { Status } from './http-status';

export type ErrorParams = MessageParams;

/** An error of the HTTP layer: a CodedError with its templates from the API catalogue and an HTTP status. */
export class AppError extends CodedError {
  constructor(
    code: ApiCode | string,
    readonly status: number,
    params: ErrorParams = {},
    details?: unknown,
    texts?: MessageTemplates,
  ) {
    super(code, params, texts ?? (API_MESSAGES as Record<string, MessageTemplates>)[code], details);
    this.name = 'AppError';
  }

  /** Response headers that go with the error (Retry-After of a 429). */
  headers: Record<string, string> = {};
}

export class NotFoundError extends AppError {
  constructor(what: 'workspace' | 'dataset', id: string) {
    super(what === 'workspace' ? 'WORKSPACE_NOT_FOUND' : 'DATASET_NOT_FOUND', Status.NOT_FOUND, { id });
  }
}

/** 429 with Retry-After: try again in `ms` (rounded up to whole seconds). */
export function tooManyRequests(code: ApiCode, ms: number): AppError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const error = new AppError(code, Status.TOO_MANY_REQUESTS, { seconds });
  error.headers['Retry-After'] = String(seconds);
  return error;
}

export class ValidationError extends AppError {
  constructor(code: ApiCode, params: ErrorParams = {}, details?: unknown) {
    super(code, Status.BAD_REQUEST, params, details);
  }
}
