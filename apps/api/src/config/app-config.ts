import { resolve } from 'node:path';

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  tzBusiness: string;
  maxUploadMb: number;
  demo: boolean;
  logLevel: 'error' | 'warn' | 'log' | 'debug' | 'verbose';
  /** Built web app to serve at `/` (absent in tests that only need the API). */
  webDist?: string;
  /** Where fixtures/demo lives (default: ./fixtures). */
  fixturesDir?: string;
  /** The exercise bank (default: ./fixtures/exercises). */
  exercisesDir: string;
  /** The first admin's password (otherwise a one-time password is printed at first start). */
  adminPassword?: string;
  /** scrypt cost for password hashes (a power of two; tests lower it). */
  scryptN: number;
  /** Uploads a user may make per minute. */
  uploadsPerMinute: number;
  /** Answers a user may submit per minute (per exercise). */
  submissionsPerMinute: number;
  /** Session cookies carry `Secure` (set behind HTTPS). */
  cookieSecure: boolean;
  /** Default lifetime of personal API tokens, in days (0: no expiry unless asked). */
  tokenDays: number;
  /** Webhooks may target loopback and private addresses (tests, intranets). */
  webhookAllowPrivate: boolean;
  /** Password hashes computed at the same time (the rest wait their turn). */
  hashConcurrency: number;
  /** PostgreSQL for the metadata (several instances may then share DATA_DIR); unset: SQLite in DATA_DIR. */
  databaseUrl?: string;
  /** Set by startServer (not from the environment): the first-start notice is printed after "listening", last. */
  noticeAfterListen?: boolean;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration from the environment; every invalid variable is reported at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
      return fallback;
    }
    return n;
  };
  const port = int('PORT', 3000, 0, 65535);
  const maxUploadMb = int('MAX_UPLOAD_MB', 200, 1, 10_240);
  const scryptN = int('SCRYPT_N', 131_072, 1024, 1_048_576);
  if ((scryptN & (scryptN - 1)) !== 0) problems.push(`SCRYPT_N must be a power of two (got ${scryptN})`);
  const uploadsPerMinute = int('UPLOADS_PER_MINUTE', 30, 1, 100_000);
  const submissionsPerMinute = int('SUBMISSIONS_PER_MINUTE', 6, 1, 100_000);
  const tokenDays = int('TOKEN_DAYS', 90, 0, 3650);
  const hashConcurrency = int('HASH_CONCURRENCY', 1, 1, 64);
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!['0', '1', 'true', 'false'].includes(raw)) problems.push(`${name} must be 0 or 1 (got "${raw}")`);
    return raw === '1' || raw === 'true';
  };
  const cookieSecure = flag('COOKIE_SECURE', false);
  const webhookAllowPrivate = flag('WEBHOOK_ALLOW_PRIVATE', false);
  if (env.ADMIN_PASSWORD && env.ADMIN_PASSWORD.length < 12) problems.push('ADMIN_PASSWORD must have at least 12 characters');
  const host = env.HOST || '127.0.0.1';
  const tzBusiness = env.TZ_BUSINESS || DEFAULT_TIME_ZONE;
  // Checking a zone loads the time zone data (~20 ms of every command's start): only a zone given is checked.
  if (tzBusiness !== DEFAULT_TIME_ZONE) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tzBusiness });
    } catch {
      problems.push(`TZ_BUSINESS is not a known time zone (got "${tzBusiness}")`);
    }
  }
  const demoRaw = env.DEMO ?? '1';
  if (!['0', '1', 'true', 'false'].includes(demoRaw)) problems.push(`DEMO must be 0 or 1 (got "${demoRaw}")`);
  const logLevel = (env.LOG_LEVEL || 'log') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\/[^\s]+$/.test(databaseUrl))
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL (unset: SQLite in DATA_DIR)');
  if (problems.length) throw new ConfigError(problems);
  return {
    port,
    host,
    dataDir: resolve(env.DATA_DIR || './data'),
    tzBusiness,
    maxUploadMb,
    demo: demoRaw === '1' || demoRaw === 'true',
    logLevel,
    scryptN,
    uploadsPerMinute,
    submissionsPerMinute,
    cookieSecure,
    tokenDays,
    webhookAllowPrivate,
    hashConcurrency,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(env.ADMIN_PASSWORD ? { adminPassword: env.ADMIN_PASSWORD } : {}),
    webDist: resolve(env.WEB_DIST || './dist/web'),
    exercisesDir: resolve(env.EXERCISES_DIR || './fixtures/exercises'),
    fixturesDir: resolve(env.FIXTURES_DIR || './fixtures'),
    ...overrides,
  };
}
