/** How ingestFile may split a large CSV between this thread and a worker (csv/parallel.ts). */
export interface ParallelOptions {
  /** Files smaller than this are read by one thread (default PARALLEL_MIN_BYTES). */
  minBytes?: number;
  /** The compiled worker script (default: parse-worker.js beside parallel.js; none found: one thread). */
  workerScript?: string;
  /** The part of the file's bytes this thread reads before the worker's part starts (default: measured, under half). */
  share?: number;
  /** Told how the split went: the worker's part joined, or this thread read on alone (the split was inside a record). */
  onSplit?: (outcome: 'joined' | 'read-on') => void;
}

/** Below this, starting a worker costs more than it saves. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
