/**
 * A large UTF-8 CSV read by two threads: this one reads the file up to a line feed near its middle
 * while a worker (parse-worker.ts → read-part.ts) reads from there to the end. The split is a guess
 * (a line feed may sit inside a quoted cell) checked when this thread gets there: the bytes before it
 * must end on a record boundary at the very line the worker started on. Then the worker's part joins
 * this run (IngestRun.absorb, addBatch); otherwise the worker is stopped and this thread reads on, as
 * one thread would have. Either way the import is the same as one thread's.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readStreamBatches } from '@creator-ops/columnar';
import type { IngestRun, RunPart } from '../ingest-run';
import { IngestError, type IngestCode } from '../messages';
import { IngestRestart } from '../segments';
import { defaultWorkerScript, splitOf, takeWarmWorker, twoThreadsByDefault, type WorkerJobMessage } from './ingest-worker';
import { PARALLEL_MIN_BYTES, type ParallelOptions } from './parallel-options';
import type { PartFailure, PartJob, PartMessage } from './read-part';
import type { SplitPoint } from './scan-into';

/** Starts the worker on the second part, or returns null when the file is read by one thread. */
export function startSecondPart(
  job: Omit<PartJob, 'start' | 'out' | 'spillParent'>,
  size: number,
  opts: ParallelOptions | false | undefined,
  tmp: string | undefined,
): SecondPart | null {
  if (opts === false || (opts === undefined && !twoThreadsByDefault()) || job.newline === '\r' || !job.encoding.startsWith('UTF-8')) return null;
  if (size < (opts?.minBytes ?? PARALLEL_MIN_BYTES)) return null;
  const script = opts?.workerScript ?? defaultWorkerScript();
  if (!script) return null;
  const start = splitOf(job.path, size, opts?.share);
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
  /** Bytes of the worker's stream file written so far, and a wake-up for whoever waits for more. */
  private written = 0;
  private onWritten: (() => void) | null = null;

  constructor(
    private readonly job: PartJob,
    script: string,
    private readonly onSplit?: ParallelOptions['onSplit'],
  ) {
    const warm = takeWarmWorker(script);
    this.worker = warm ?? new Worker(script, { workerData: job });
    if (warm) warm.postMessage({ type: 'job', job } satisfies WorkerJobMessage<PartJob>);
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
      else if (m.type === 'written') {
        this.written = Math.max(this.written, m.bytes);
        this.onWritten?.();
      } else if (m.type === 'done') {
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

  /**
   * The worker's part joins the run: its counts and decisions, then its batches in order (the file whole
   * when the sink takes it). While the worker reads on, this thread's last batch goes to the sink and
   * the sink copies what the worker's file holds so far, leaving only its end to copy once it is done.
   */
  async absorbInto(run: IngestRun): Promise<void> {
    try {
      run.endOwnRows();
      const part = await this.copiedAhead(run);
      run.absorb(part);
      if (await run.addStream(this.job.out, part.accepted, this.observed)) return;
      await readStreamBatches(this.job.out, (batch) => run.addBatch(batch));
    } finally {
      this.cancel();
    }
  }

  /** Waits for the worker's part, handing the sink each stretch of its stream file as it is written (until the sink declines). */
  private async copiedAhead(run: IngestRun): Promise<RunPart> {
    let finished = false;
    const done = this.done.finally(() => (finished = true));
    done.catch(() => {});
    let copied = 0;
    let copying = true;
    while (!finished) {
      const more = new Promise<void>((resolve) => (this.onWritten = resolve));
      if (copying && this.written > copied) {
        copied = this.written;
        copying = await run.copyAhead(this.job.out, copied).catch((e: unknown) => failureOf(done, e));
      } else await Promise.race([done, more]);
    }
    this.onWritten = null;
    return this.done;
  }

  /** Stops the worker (if still running) and removes its file. */
  cancel(): void {
    this.stopped = true;
    void this.worker.terminate();
    // The part's rows and key records (what was not absorbed) go with its folder.
    rmSync(this.job.spillParent, { recursive: true, force: true });
  }
}

/**
 * A failing worker removes its stream file, possibly while this thread copies it: the worker's own
 * failure (the cause, e.g. the file's bad bytes) is reported rather than the copy's. `copyFailure` only
 * when the worker succeeds.
 */
async function failureOf(worker: Promise<unknown>, copyFailure: unknown): Promise<never> {
  await worker;
  throw copyFailure;
}

function revive(e: PartFailure): Error {
  if (e.name === 'IngestRestart') return new IngestRestart(e.hints ?? {});
  if (e.name === 'IngestError') return new IngestError(e.code as IngestCode, (e.params ?? {}) as Record<string, string | number>);
  return new Error(e.message);
}
