/** A file that is not a readable answer table: the trainee's mistake, reported in zh and en. */
export class SubmissionError extends Error {
  constructor(
    readonly code: 'SUBMISSION_EMPTY' | 'SUBMISSION_FORMAT' | 'SUBMISSION_LEGACY_XLS' | 'SUBMISSION_JSON' | 'SUBMISSION_XLSX' | 'SUBMISSION_TOO_LARGE',
    readonly zh: string,
    en: string,
  ) {
    super(en);
    this.name = 'SubmissionError';
  }
}
