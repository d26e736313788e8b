import { BadRequestException, Logger, NotFoundException, PayloadTooLargeException, type ArgumentsHost } from '@nestjs/common';
import { CodedError } from '@creator-ops/errors';
import { ExerciseError, SubmissionError } from '@creator-ops/grading';
import { IngestError } from '@creator-ops/ingest';
import { MetricRegistryError } from '@creator-ops/metrics';
import { RuleValidationError } from '@creator-ops/monitoring';
import { QueryError } from '@creator-ops/query';
import { ReportParamError, UnknownReportError } from '@creator-ops/reports';
import { AppError, tooManyRequests } from './app-error';
import { ErrorFilter } from './error.filter';
import { ERROR_STATUS, translateError } from './error-status';
import { translateHttpError } from './http-error';

/** What the API answers for an error: status, code and both texts (the body's `messages`). */
function answer(e: unknown, ctx = {}) {
  const t = translateHttpError(e, ctx);
  return { status: t.status, code: t.code, zh: t.text('zh'), en: t.text('en') };
}

describe('the code → HTTP status table', () => {
  it('gives each lib error its status and zh/en text', () => {
    expect(answer(new QueryError('UNKNOWN_METRIC', { metric: 'gmvv' }))).toEqual({
      status: 400,
      code: 'UNKNOWN_METRIC',
      zh: '未知指标：gmvv',
      en: 'Unknown metric: gmvv',
    });
    expect(answer(new IngestError('UNSUPPORTED_ENCODING', { encoding: 'ebcdic' }))).toEqual({
      status: 422,
      code: 'UNSUPPORTED_ENCODING',
      zh: '不支持的编码 ebcdic',
      en: 'Unsupported encoding ebcdic',
    });
    expect(answer(new IngestError('BINARY_FILE'))).toEqual({
      status: 415,
      code: 'BINARY_FILE',
      zh: '文件不是文本 CSV（含二进制内容）',
      en: 'The file is not a text CSV (binary content)',
    });
    expect(answer(new ReportParamError('top', 0))).toEqual({
      status: 400,
      code: 'INVALID_REPORT_PARAM',
      zh: '报表参数 top 无效：0',
      en: 'Invalid report parameter top: 0',
    });
    expect(answer(new UnknownReportError('nope'))).toEqual({ status: 404, code: 'REPORT_NOT_FOUND', zh: '报表 nope 不存在', en: 'Report nope not found' });
    expect(answer(new SubmissionError('SUBMISSION_JSON', 'JSON 格式错误', 'Malformed JSON'))).toEqual({
      status: 422,
      code: 'SUBMISSION_JSON',
      zh: 'JSON 格式错误',
      en: 'Malformed JSON',
    });
    expect(answer(new ExerciseError('DATASET_NOT_FOUND', 'Unknown dataset x.csv'))).toEqual({
      status: 404,
      code: 'DATASET_NOT_FOUND',
      zh: 'Unknown dataset x.csv',
      en: 'Unknown dataset x.csv',
    });
    expect(answer(new ExerciseError('EXERCISE_INVALID', 'Invalid exercise e1', ['task.zh is required'])).status).toBe(422);
  });

  it('maps the file-type codes to 415 and every other import code to 422', () => {
    for (const code of ['XLSX_NOT_SUPPORTED', 'XLS_NOT_SUPPORTED', 'BINARY_FILE']) expect(ERROR_STATUS[code]).toBe(415);
    expect(ERROR_STATUS.INVALID_ENCODING).toBe(422);
    expect(ERROR_STATUS.NO_METRICS).toBe(400);
  });

  it('keeps every problem of an alert rule in details, as the old translation did', () => {
    const issue = { field: 'metric', code: 'UNKNOWN_METRIC', message: { zh: '未知指标', en: 'unknown metric' } };
    const t = translateError(new RuleValidationError([issue as never, { ...issue, field: 'op' } as never]));
    expect({ status: t.status, code: t.code, zh: t.text('zh'), en: t.text('en') }).toEqual({
      status: 400,
      code: 'INVALID_ALERT_RULE',
      zh: '告警规则无效：metric: 未知指标；op: 未知指标',
      en: 'Invalid alert rule: metric: unknown metric; op: unknown metric',
    });
    expect(t.details).toEqual({ errors: [issue, { ...issue, field: 'op' }] });
  });

  it('passes an AppError through with its own status and headers', () => {
    const e = tooManyRequests('LOGIN_THROTTLED', 1500);
    expect(translateError(e)).toBe(e);
    expect(answer(e)).toEqual({
      status: 429,
      code: 'LOGIN_THROTTLED',
      zh: '登录失败次数过多，请 2 秒后再试',
      en: 'Too many failed sign-ins; try again in 2 s',
    });
    expect(e.headers).toEqual({ 'Retry-After': '2' });
  });

  it('turns Nest exceptions into the API codes', () => {
    expect(answer(new NotFoundException(), { path: '/api/nope' })).toEqual({
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      zh: '接口不存在：/api/nope',
      en: 'No such endpoint: /api/nope',
    });
    expect(answer(new PayloadTooLargeException(), { maxUploadMb: 7 })).toEqual({
      status: 413,
      code: 'UPLOAD_TOO_LARGE',
      zh: '文件超过上传上限 7 MB',
      en: 'The file exceeds the upload limit of 7 MB',
    });
    const invalid = translateHttpError(new BadRequestException(['a must be a string', 'b is required']));
    expect({ status: invalid.status, code: invalid.code, en: invalid.text('en'), details: invalid.details }).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      en: 'Invalid request: a must be a string; b is required',
      details: { problems: ['a must be a string', 'b is required'] },
    });
  });

  it('a full disk anywhere in the cause chain is 507', () => {
    const full = new Error('write failed', { cause: Object.assign(new Error('no space'), { code: 'ENOSPC' }) });
    expect(answer(full).status).toBe(507);
    expect(answer(full).code).toBe('INSUFFICIENT_STORAGE');
  });

  it('anything else is 500 INTERNAL_ERROR and says nothing of the error', () => {
    const secret = new Error('ENOENT: /srv/data/secret.key password=hunter2');
    const t = answer(secret, { requestId: 'req-1' });
    expect(t).toEqual({ status: 500, code: 'INTERNAL_ERROR', zh: '服务器内部错误（请求编号 req-1）', en: 'Internal server error (request req-1)' });
    // A coded error without a status here (a programming error) is not shown either.
    expect(answer(new MetricRegistryError(['roi: unknown input x']), { requestId: 'req-2' })).toEqual({
      status: 500,
      code: 'INTERNAL_ERROR',
      zh: '服务器内部错误（请求编号 req-2）',
      en: 'Internal server error (request req-2)',
    });
    expect(answer(new CodedError('SOMETHING_NEW', {}, { zh: '内部细节', en: 'internal detail' })).en).not.toContain('internal detail');
  });
});

describe('ErrorFilter', () => {
  // The filter logs every 500 with its stack; here that is expected noise.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn']));

  function respond(exception: unknown, acceptLanguage?: string) {
    const sent: { status?: number; body?: Record<string, unknown>; headers: Record<string, string> } = { headers: {} };
    const res = {
      setHeader: (name: string, value: string) => (sent.headers[name] = value),
      status(code: number) {
        sent.status = code;
        return this;
      },
      json: (body: Record<string, unknown>) => (sent.body = body),
    };
    const req = { method: 'GET', path: '/api/x', headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {} };
    const host = { switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) } as unknown as ArgumentsHost;
    new ErrorFilter(50).catch(exception, host);
    return sent;
  }

  it('answers { code, message, messages, details?, requestId } in the caller language', () => {
    const zh = respond(new QueryError('NO_METRICS'));
    expect(zh.status).toBe(400);
    expect(zh.body).toEqual({
      code: 'NO_METRICS',
      message: '至少需要一个指标',
      messages: { zh: '至少需要一个指标', en: 'At least one metric is required' },
      requestId: 'none',
    });
    expect(respond(new QueryError('NO_METRICS'), 'en-GB,en;q=0.9').body?.message).toBe('At least one metric is required');
    const withDetails = respond(new AppError('EMPTY_ANSWER', 422, {}, { tries: 2 }));
    expect(withDetails.body?.details).toEqual({ tries: 2 });
  });

  it('sets the headers an error carries (Retry-After)', () => {
    const sent = respond(tooManyRequests('TOO_MANY_SUBMISSIONS', 30_000));
    expect(sent.status).toBe(429);
    expect(sent.headers).toEqual({ 'Retry-After': '30' });
  });

  it('never shows a stack or a path of an unexpected error', () => {
    const sent = respond(new Error('EACCES: /var/lib/creator-ops/secret'));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toMatch(/EACCES|secret|\/var\//);
  });
});
