/**
 * The worker thread of a two-thread CSV read (parallel.ts): whether one is used, where its script is,
 * and one started ahead of need. A CLI ingest of a large file starts it as the command starts, so the
 * worker loads its modules beside the main thread's instead of after them (~0.25 s on 2 cores).
 * Node built-ins only: this module is loaded before the rest of the ingest code.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PARALLEL_MIN_BYTES } from './parallel-options';

/**
 * Two threads unless CREATOR_OPS_INGEST_THREADS=1 or the machine has one core (`parallel` options decide
 * for a caller; bench/RESULTS.md, "Two-thread ingest").
 */
export function twoThreadsByDefault(): boolean {
  const setting = process.env.CREATOR_OPS_INGEST_THREADS;
  return setting === '1' ? false : setting === '2' || availableParallelism() >= 2;
}

/** The worker beside this module once compiled (none under the TypeScript test runner: one thread there). */
export function defaultWorkerScript(): string | null {
  const dir = typeof __dirname === 'string' ? __dirname : null;
  const file = dir ? join(dir, 'parse-worker.js') : null;
  return file && existsSync(file) ? file : null;
}

/**
 * The part of the file the main thread reads: a little under half, as it also hashes the worker's bytes
 * of the file, then writes its last batch and copies the worker's stream while the worker ends its part.
 * Measured on 1M-row order exports, 2 cores: 0.47 leaves ~0.15 s after both threads are done (0.49
 * and 0.5: ~0.5 s, the copy no longer overlapping the worker).
 */
export const MAIN_SHARE = 0.47;

/** Where the worker's part starts: the line after the first line feed past `share` of the file's bytes (null: none). */
export function splitOf(path: string, size: number, share = MAIN_SHARE): number | null {
  return lineStartAfter(path, Math.floor(size * share), size);
}

/** What a worker started ahead is told of the split to come, so it counts the line feeds before it while it waits. */
export interface SplitAhead {
  path: string;
  start: number;
}

/** The job message a worker started without a job waits for. */
export interface WorkerJobMessage<J> {
  type: 'job';
  job: J;
}

let warm: { script: string; worker: Worker } | null = null;

/**
 * Starts a worker now for a two-thread read to come when one of `paths` is a file large enough for two
 * threads (and two threads are used); it waits for its job and does not keep the process alive.
 */
export function warmUpIngestWorker(paths: string[], script: string | null = defaultWorkerScript(), minBytes = PARALLEL_MIN_BYTES): boolean {
  if (warm || !script || !twoThreadsByDefault()) return false;
  const large = paths.map((p) => ({ path: p, size: fileSize(p) })).find(({ size }) => size !== null && size >= minBytes);
  if (!large) return false;
  const { path } = large;
  const start = splitOf(path, large.size!);
  const worker = new Worker(script, { workerData: { ahead: start === null ? null : ({ path, start } satisfies SplitAhead) } });
  worker.unref();
  const entry = { script, worker };
  // A worker that failed before it was taken is forgotten (the read then starts its own or uses one thread).
  worker.on('error', () => undefined);
  worker.once('exit', () => {
    if (warm === entry) warm = null;
  });
  warm = entry;
  return true;
}

/** The worker warmed up for `script`, handed out once (then kept alive like any worker); null when there is none. */
export function takeWarmWorker(script: string): Worker | null {
  if (!warm || warm.script !== script) return null;
  const { worker } = warm;
  warm = null;
  worker.ref();
  return worker;
}

/** The size of the regular file at `path`, or null (no such file, or not a file). */
function fileSize(path: string): number | null {
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}

/** The offset just past the first line feed at or after `from`, or null. */
function lineStartAfter(path: string, from: number, size: number): number | null {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 16);
  try {
    for (let pos = from; pos < size; pos += buf.length) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      const i = buf.subarray(0, n).indexOf(10);
      if (i !== -1) return pos + i + 1 < size ? pos + i + 1 : null;
      if (n === 0) break;
    }
    return null;
  } finally {
    closeSync(fd);
  }
}
