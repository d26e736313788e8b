import { CodedError } from '@creator-ops/errors';

/** A file that is not a readable answer table: the trainee's mistake, reported in zh and en. */
export class SubmissionError extends CodedError {
  declare readonly code: 'SUBMISSION_EMPTY' | 'SUBMISSION_FORMAT' | 'SUBMISSION_LEGACY_XLS' | 'SUBMISSION_JSON' | 'SUBMISSION_XLSX' | 'SUBMISSION_TOO_LARGE';

  constructor(
    code: 'SUBMISSION_EMPTY' | 'SUBMISSION_FORMAT' | 'SUBMISSION_LEGACY_XLS' | 'SUBMISSION_JSON' | 'SUBMISSION_XLSX' | 'SUBMISSION_TOO_LARGE',
    readonly zh: string,
    en: string,
  ) {
    super(code, {}, { zh, en });
    this.name = 'SubmissionError';
  }
}
