/**
 * A large UTF-8 CSV read by two threads: this one reads the file up to a line feed near its middle
 * while a worker (parse-worker.ts → read-part.ts) reads from there to the end. The split is a guess
 * (a line feed may sit inside a quoted cell) checked when this thread gets there: the bytes before it
 * must end on a record boundary at the very line the worker started on. Then the worker's part joins
 * this run (IngestRun.absorb, addBatch); otherwise the worker is stopped and this thread reads on, as
 * one thread would have. Either way the import is the same as one thread's.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { availableParallelism, tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readStreamBatches } from '@creator-ops/columnar';
import type { IngestRun, RunPart } from '../ingest-run';
import { IngestError, type IngestCode } from '../messages';
import { IngestRestart } from '../segments';
import { PARALLEL_MIN_BYTES, type ParallelOptions } from './parallel-options';
import type { PartFailure, PartJob, PartMessage } from './read-part';
import type { SplitPoint } from './scan-into';

/**
 * Two threads unless CREATOR_OPS_INGEST_THREADS=1 or the machine has one core (`parallel` options
 * decide for a caller): a 1M-row order export in ~6 s instead of ~9 s on 2 cores, for ~200 MiB more
 * (bench/RESULTS.md, "Two-thread ingest").
 */
const TWO_THREADS = () => {
  const setting = process.env.CREATOR_OPS_INGEST_THREADS;
  return setting === '1' ? false : setting === '2' || availableParallelism() >= 2;
};

/**
 * The part of the file this thread reads: half, as taking in the worker's part costs little when the
 * sink takes its batches as a file (a copy); measured on 1M-row order exports, 2 cores (0.45: slower).
 */
const MAIN_SHARE = 0.5;

/** Starts the worker on the second part, or returns null when the file is read by one thread. */
export function startSecondPart(
  job: Omit<PartJob, 'start' | 'out' | 'spillParent'>,
  size: number,
  opts: ParallelOptions | false | undefined,
  tmp: string | undefined,
): SecondPart | null {
  if (opts === false || (opts === undefined && !TWO_THREADS()) || job.newline === '\r' || !job.encoding.startsWith('UTF-8')) return null;
  if (size < (opts?.minBytes ?? PARALLEL_MIN_BYTES)) return null;
  const script = opts?.workerScript ?? defaultWorkerScript();
  if (!script) return null;
  const start = lineStartAfter(job.path, Math.floor(size * (opts?.share ?? MAIN_SHARE)), size);
  if (start === null) return null;
  const folder = join(tmp ?? tmpdir(), `part-${randomUUID()}`);
  mkdirSync(folder, { mode: 0o700 });
  return new SecondPart({ ...job, start, out: join(folder, 'rows.arrow'), spillParent: folder }, script, opts?.onSplit);
}

export class SecondPart {
  private readonly worker: Worker;
  private readonly line: Promise<number>;
  private readonly done: Promise<RunPart>;
  /** The sink's PartObserver result over the part (PartJob.observer). */
  private observed: unknown;
  private stopped = false;

  constructor(
    private readonly job: PartJob,
    script: string,
    private readonly onSplit?: ParallelOptions['onSplit'],
  ) {
    this.worker = new Worker(script, { workerData: job });
    let resolveLine!: (line: number) => void;
    let rejectLine!: (e: Error) => void;
    let resolveDone!: (part: RunPart) => void;
    let rejectDone!: (e: Error) => void;
    this.line = new Promise((resolve, reject) => ((resolveLine = resolve), (rejectLine = reject)));
    this.done = new Promise((resolve, reject) => ((resolveDone = resolve), (rejectDone = reject)));
    // Neither may reject unobserved when the part is not used.
    this.line.catch(() => {});
    this.done.catch(() => {});
    const onFail = (e: Error) => (rejectLine(e), rejectDone(e));
    this.worker.on('message', (m: PartMessage) => {
      if (m.type === 'line') resolveLine(m.line);
      else if (m.type === 'done') {
        this.observed = m.observed;
        resolveDone(m.part);
      } else onFail(revive(m.error));
    });
    this.worker.on('error', (e) => onFail(e));
    this.worker.on('exit', (code) => onFail(new Error(`the ingest worker stopped (exit ${code})`)));
  }

  /** The split for scanInto: this thread stops at the worker's start when the two agree on the record and the line there. */
  splitPoint(run: IngestRun): SplitPoint {
    return {
      at: this.job.start,
      decide: async (boundary) => {
        const agreed = boundary && run.pastFirstRow && run.line === (await this.line.catch(() => NaN));
        if (!agreed) this.cancel();
        this.onSplit?.(agreed ? 'joined' : 'read-on');
        return agreed;
      },
    };
  }

  get used(): boolean {
    return !this.stopped;
  }

  /** The worker's part joins the run: its counts and decisions, then its batches in order (the file whole when the sink takes it). */
  async absorbInto(run: IngestRun): Promise<void> {
    try {
      const part = await this.done;
      run.absorb(part);
      if (await run.addStream(this.job.out, part.accepted, this.observed)) return;
      await readStreamBatches(this.job.out, (batch) => run.addBatch(batch));
    } finally {
      this.cancel();
    }
  }

  /** Stops the worker (if still running) and removes its file. */
  cancel(): void {
    this.stopped = true;
    void this.worker.terminate();
    // The part's rows and key records (what was not absorbed) go with its folder.
    rmSync(this.job.spillParent, { recursive: true, force: true });
  }
}

/** The worker beside this module once compiled (none under the TypeScript test runner: one thread there). */
function defaultWorkerScript(): string | null {
  const dir = typeof __dirname === 'string' ? __dirname : null;
  const file = dir ? join(dir, 'parse-worker.js') : null;
  return file && existsSync(file) ? file : null;
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

function revive(e: PartFailure): Error {
  if (e.name === 'IngestRestart') return new IngestRestart(e.hints ?? {});
  if (e.name === 'IngestError') return new IngestError(e.code as IngestCode, (e.params ?? {}) as Record<string, string | number>);
  return new Error(e.message);
}
