import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { databaseEnv } from './test-database';

/**
 * The BUILT server (`npm run build` first) as a real child process on a loopback port: for tests
 * that must kill the process (SIGKILL) and restart it on the same DATA_DIR.
 */
export const SERVER_ENTRY = join(process.cwd(), 'dist', 'apps', 'api', 'apps', 'api', 'src', 'main.js');

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  base: string;
  /** Resolves when the process has exited (whatever the reason). */
  exited: Promise<ExitInfo>;
  /** What the process wrote to stderr so far (for failure messages). */
  stderr: () => string;
  /** Ends the process (SIGTERM, then SIGKILL after 5 s) and waits for it. */
  stop: () => Promise<ExitInfo>;
}

/**
 * Same values as TEST_AUTH_ENV of ./e2e-app (not imported from there: that module loads the whole
 * Nest app into the test process, which a child-process test does not need).
 */
export const PROCESS_AUTH_ENV = {
  ADMIN_PASSWORD: 'test-admin-password',
  SCRYPT_N: '1024',
  UPLOADS_PER_MINUTE: '100000',
  SUBMISSIONS_PER_MINUTE: '100000',
  WEBHOOK_ALLOW_PRIVATE: '1',
};

const live = new Set<ChildProcess>();

/** Kills every server this helper started that is still running (for afterAll). */
export async function killAllServers(): Promise<void> {
  const waits = [...live].map(
    (c) =>
      new Promise<void>((resolve) => {
        if (c.exitCode !== null || c.signalCode !== null) return resolve();
        c.once('exit', () => resolve());
        c.kill('SIGKILL');
      }),
  );
  await Promise.all(waits);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built server on DATA_DIR (DEMO=0, test auth env, quiet logs) and resolves once it
 * listens. Retries on another port if the chosen one was taken in the meantime.
 */
export async function startServerProcess(dataDir: string, env: Record<string, string> = {}, timeoutMs = 30_000): Promise<ServerProcess> {
  if (!existsSync(SERVER_ENTRY)) throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build\` first`);
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    try {
      return await spawnOnce(dataDir, port, env, timeoutMs);
    } catch (e) {
      lastError = e;
      if (!/EADDRINUSE/.test(String((e as Error).message))) throw e;
    }
  }
  throw lastError;
}

function spawnOnce(dataDir: string, port: number, env: Record<string, string>, timeoutMs: number): Promise<ServerProcess> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...PROCESS_AUTH_ENV,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO: '0',
    LOG_LEVEL: 'error',
    ...databaseEnv(dataDir),
    ...env,
  };
  // The jest runner's options (--experimental-vm-modules) are not the server's.
  delete childEnv.NODE_OPTIONS;
  if (!('CREATOR_OPS_CRASH_AT' in env)) delete childEnv.CREATOR_OPS_CRASH_AT;
  const child = spawn(process.execPath, [SERVER_ENTRY], { cwd: process.cwd(), env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  live.add(child);
  let err = '';
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => {
      live.delete(child);
      resolve({ code, signal });
    });
  });
  const proc: ServerProcess = {
    child,
    port,
    base: `http://127.0.0.1:${port}`,
    exited,
    stderr: () => err,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        const info = await exited;
        clearTimeout(timer);
        return info;
      }
      return exited;
    },
  };
  return new Promise<ServerProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${err.slice(-2000)}`));
    }, timeoutMs);
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (d: string) => {
      err += d;
      if (err.includes('listening on')) {
        clearTimeout(timer);
        resolve(proc);
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited before listening (code ${code}, signal ${signal}):\n${err.slice(-2000)}`));
    });
  });
}

export interface HttpResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface HttpOptions {
  token?: string;
  cookie?: string;
  json?: unknown;
  multipart?: { field: string; fileName: string; bytes: Buffer; contentType?: string; fields?: Record<string, string> };
  timeoutMs?: number;
}

/** One request on a fresh connection (no keep-alive: a killed server shows as a socket error). */
export function http(base: string, method: string, path: string, opts: HttpOptions = {}): Promise<HttpResult> {
  const headers: Record<string, string> = { connection: 'close' };
  let payload: Buffer | undefined;
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.json !== undefined) {
    payload = Buffer.from(JSON.stringify(opts.json));
    headers['content-type'] = 'application/json';
  } else if (opts.multipart) {
    const m = multipart(opts.multipart);
    payload = m.body;
    headers['content-type'] = m.contentType;
  }
  if (payload) headers['content-length'] = String(payload.length);
  return new Promise((resolve, reject) => {
    const req = httpRequest(base + path, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        if (/json/.test(String(res.headers['content-type'] ?? ''))) {
          try {
            body = JSON.parse(text);
          } catch {
            // keep the text
          }
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.setTimeout(opts.timeoutMs ?? 30_000, () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** A multipart/form-data body with one file part (and optional text fields). */
export function multipart(p: NonNullable<HttpOptions['multipart']>): { body: Buffer; contentType: string } {
  const boundary = `----co-test-${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(p.fields ?? {})) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"; filename="${p.fileName}"\r\nContent-Type: ${p.contentType ?? 'text/csv'}\r\n\r\n`,
    ),
  );
  parts.push(p.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Signs in as the test admin and creates a personal API token. */
export async function adminToken(base: string): Promise<string> {
  const login = await http(base, 'POST', '/api/auth/login', { json: { username: 'admin', password: PROCESS_AUTH_ENV.ADMIN_PASSWORD } });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
  const cookie = ([] as string[])
    .concat(login.headers['set-cookie'] ?? [])
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await http(base, 'POST', '/api/auth/tokens', { cookie, json: {} });
  if (res.status !== 201 && res.status !== 200) throw new Error(`token failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { token: string }).token;
}
