import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { AppConfig } from '../config/app-config';

/** scrypt parameters (OWASP: N=2^17, r=8, p=1 is the recommendation for interactive logins). */
const PARAMS = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** The parameters of new hashes: SCRYPT_N, r=8, p=1. */
export function hashParamsOf(config: Pick<AppConfig, 'scryptN'>): { N: number; r: number; p: number } {
  return { N: config.scryptN, r: 8, p: 1 };
}

/**
 * The parameters for a password this program generated (`randomPassword`: 144 random bits, the first
 * start's one-time password): N at most 2^10 (1 MiB and ~5 ms, where 2^14 took ~75 ms of every first
 * start on a 2-core machine). A slow hash is what protects passwords people choose,
 * which can be guessed; no number of guesses finds a 144-bit random secret (so session and API tokens
 * are stored as plain SHA-256). A password someone chooses later (ADMIN_PASSWORD, a change) gets SCRYPT_N.
 */
export function generatedPasswordParamsOf(config: Pick<AppConfig, 'scryptN'>): { N: number; r: number; p: number } {
  return { N: Math.min(config.scryptN, GENERATED_PASSWORD_MAX_N), r: 8, p: 1 };
}

const GENERATED_PASSWORD_MAX_N = 2 ** 10;

/** `scrypt$N$r$p$salt$hash` (base64url), so parameters can be raised later without breaking old hashes. */
export async function hashPassword(password: string, params = PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A password that passes the length rule: 12+ characters. */
export function passwordProblem(password: string): string | null {
  return typeof password !== 'string' || password.length < 12 ? 'PASSWORD_TOO_SHORT' : null;
}

export function randomPassword(): string {
  return randomBytes(18).toString('base64url');
}
