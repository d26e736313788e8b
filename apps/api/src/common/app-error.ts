import { HttpStatus } from '@nestjs/common';
import { API_MESSAGES, type ApiCode } from './api-messages';

export type ErrorParams = Record<string, string | number>;

/** An error meant for the user: a stable code, zh/en text from the catalogue, an HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: ApiCode | string,
    readonly status: HttpStatus,
    readonly params: ErrorParams = {},
    readonly details?: unknown,
    readonly texts?: { zh: string; en: string },
  ) {
    super(texts?.en ?? render(code, params, 'en'));
    this.name = 'AppError';
  }

  /** Response headers that go with the error (Retry-After of a 429). */
  headers: Record<string, string> = {};

  text(locale: 'zh' | 'en'): string {
    return this.texts?.[locale] ?? render(this.code, this.params, locale);
  }
}

export class NotFoundError extends AppError {
  constructor(what: 'workspace' | 'dataset', id: string) {
    super(what === 'workspace' ? 'WORKSPACE_NOT_FOUND' : 'DATASET_NOT_FOUND', HttpStatus.NOT_FOUND, { id });
  }
}

/** 429 with Retry-After: try again in `ms` (rounded up to whole seconds). */
export function tooManyRequests(code: ApiCode, ms: number): AppError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const error = new AppError(code, HttpStatus.TOO_MANY_REQUESTS, { seconds });
  error.headers['Retry-After'] = String(seconds);
  return error;
}

export class ValidationError extends AppError {
  constructor(code: ApiCode, params: ErrorParams = {}, details?: unknown) {
    super(code, HttpStatus.BAD_REQUEST, params, details);
  }
}

function render(code: string, params: ErrorParams, locale: 'zh' | 'en'): string {
  const entry = (API_MESSAGES as Record<string, { zh: string; en: string }>)[code];
  if (!entry) return code;
  return entry[locale].replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k])));
}
