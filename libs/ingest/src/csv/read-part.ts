/**
 * The worker's side of a split CSV (parallel.ts): it counts the line feeds before its part to know the
 * physical line it starts on, reads its part through the same byte reader into an IngestRun that
 * continues the file, and writes its batches to an Arrow IPC stream for the main thread to take in
 * (saying how much of it is written after each batch, so that the main thread may copy it ahead).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ArrowBatchWriter, KeySpill } from '@creator-ops/columnar';
import type { ExportKind } from '@creator-ops/schemas';
import type { TextEncodingName } from '../encoding';
import { IngestRun, planOptions, type IngestOptions, type RunPart } from '../ingest-run';
import { IngestError } from '../messages';
import { buildPlan } from '../plan';
import { IngestRestart, type IngestHints, type PartObserver, type SegmentSink } from '../segments';
import { fileChunks } from '../file-chunks';
import { scanInto } from './scan-into';
import type { Newline } from './scanner';
import { utf8Source } from './utf8-source';

export interface PartJob {
  path: string;
  /** Byte offset of the part's first record. */
  start: number;
  encoding: TextEncodingName;
  delimiter: string;
  newline: Newline;
  kind: ExportKind;
  headers: string[];
  headerIndex: number;
  opts: Pick<IngestOptions, 'fileName' | 'account' | 'date' | 'secret' | 'hints' | 'segmentRows'>;
  /** Where the part's batches go (an Arrow IPC stream, a temporary file the main thread takes). */
  out: string;
  /** Where its key records go (a folder made there: KeySpill). */
  spillParent: string;
  /** The sink's PartObserver module (SegmentSink.partObserver), run over the part's batches. */
  observer?: string;
}

export interface PartFailure {
  name: string;
  message: string;
  code?: string;
  params?: Record<string, unknown>;
  hints?: IngestHints;
}

export type PartMessage =
  | { type: 'line'; line: number }
  | { type: 'written'; bytes: number }
  | { type: 'done'; part: RunPart; observed?: unknown }
  | { type: 'failed'; error: PartFailure };

/** The line feeds before `start` in the file at `path`, counted ahead. */
export interface LineFeedsBefore {
  path: string;
  start: number;
  lineFeeds: number;
}

/** `counted`: the line feeds counted ahead (used when they are those before this job's start). */
export async function readPart(job: PartJob, post: (m: PartMessage) => void, counted: LineFeedsBefore | null = null): Promise<void> {
  const ahead = counted && counted.path === job.path && counted.start === job.start ? counted.lineFeeds : null;
  const line = 1 + (ahead ?? countLineFeeds(job.path, job.start));
  post({ type: 'line', line });
  const writer = new ArrowBatchWriter(job.out, { digest: false });
  let observer: PartObserver | null = null;
  const sink: SegmentSink = {
    add: (table) => {
      writer.append(table);
      observer?.add(table);
      // The writer moves the batch to its file in microtasks: by then it is there.
      setImmediate(() => post({ type: 'written', bytes: writer.written }));
    },
    drop: () => Promise.reject(new Error('a part of a file drops no rows')),
    restart: () => {
      throw new Error('a part of a file does not restart');
    },
  };
  let rest: AsyncGenerator<Buffer> | null = null;
  try {
    if (job.observer) observer = await loadObserver(job.observer);
    const run = new IngestRun({ ...job.opts, sink, keySpill: new KeySpill(job.spillParent) });
    run.start(buildPlan(job.kind, job.headers, planOptions(job.opts)), job.headerIndex);
    run.continueFrom(line);
    rest = fileChunks(job.path, job.start);
    const input = { head: { text: '', bytes: Buffer.alloc(0) }, rest, source: utf8Source(job.encoding, line - 1), bytes: job.start, onProgress: () => {} };
    await scanInto(run, input, job.delimiter, { newline: job.newline });
    const part = run.endPart();
    await writer.close();
    post({ type: 'done', part, observed: observer?.result() });
  } catch (e) {
    writer.abort();
    // Closed before the main thread hears of the failure (it may stop this thread then).
    await rest?.return(undefined);
    post({ type: 'failed', error: failure(e) });
  }
}

async function loadObserver(module: string): Promise<PartObserver> {
  const { observePart } = (await import(pathToFileURL(module).href)) as { observePart: () => PartObserver };
  return observePart();
}

function failure(e: unknown): PartFailure {
  if (e instanceof IngestRestart) return { name: 'IngestRestart', message: e.message, hints: e.hints };
  if (e instanceof IngestError) return { name: 'IngestError', message: e.message, code: e.code, params: { ...e.params } };
  return { name: 'Error', message: String((e as Error)?.stack ?? e) };
}

/** Line feeds in the file's first `end` bytes. */
export function countLineFeeds(path: string, end: number): number {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  let count = 0;
  try {
    for (let pos = 0; pos < end;) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
      if (n === 0) break;
      for (let i = buf.indexOf(10); i !== -1 && i < n; i = buf.indexOf(10, i + 1)) count++;
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  return count;
}
