/**
 * The entry points of an import: a path, a buffer or a stream of bytes. The first bytes say which reader
 * takes the file: an xlsx (a ZIP archive, xlsx/ingest-xlsx.ts) or a CSV (csv/ingest-csv.ts); both feed an
 * IngestRun (ingest-run.ts) and return typed columns with an honest report (DESIGN §3).
 */
import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { ingestCsv, type HeadAndRest } from './csv/ingest-csv';
import { fileChunks } from './file-chunks';
import type { IngestOptions, IngestResult } from './ingest-run';
import { IngestRestart, mergeHints } from './segments';
import { KeySpill } from '@creator-ops/columnar';
import { isZip } from './xlsx/zip-signature';

export type { IngestOptions, IngestResult } from './ingest-run';

/** Bytes read before deciding the encoding and the header row. */
const HEAD_BYTES = 256 * 1024;
const CHUNK_BYTES = 64 * 1024;

/** The xlsx reader (and exceljs under it) is loaded by the first xlsx import, not by every CSV import. */
function xlsxReader(): Promise<typeof import('./xlsx/ingest-xlsx.js')> {
  return import('./xlsx/ingest-xlsx.js');
}

export async function ingestFile(path: string, opts: IngestOptions): Promise<IngestResult> {
  const zip = await startsAsZip(path);
  const size = (await stat(path)).size;
  return withRestarts(opts, async (o) =>
    zip ? (await xlsxReader()).ingestXlsx({ path }, o) : ingestStream(fileChunks(path, 0, HEAD_BYTES), o, { path, size }),
  );
}

/**
 * Runs an import again from its first row, with the decision taken in advance, when a later batch
 * overturned how earlier batches were written (segments.ts IngestRestart: at most once per column).
 */
async function withRestarts(opts: IngestOptions, attempt: (opts: IngestOptions) => Promise<IngestResult>): Promise<IngestResult> {
  for (let hints = opts.hints; ;) {
    const keySpill = new KeySpill(opts.spillDir ?? null);
    try {
      const result = await attempt({ ...opts, hints, keySpill });
      if (opts.sink && result.repeatLines.size) await opts.sink.drop(result.repeatLines);
      return result;
    } catch (e) {
      keySpill.dispose();
      if (!(e instanceof IngestRestart)) throw e;
      const next = mergeHints(hints, e.hints);
      if (JSON.stringify(next) === JSON.stringify(hints)) throw new Error('IngestRestart without a new decision', { cause: e });
      hints = next;
      opts.sink?.restart();
    }
  }
}

async function startsAsZip(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await file.read(head, 0, 4, 0);
    return isZip(head.subarray(0, bytesRead));
  } finally {
    await file.close();
  }
}

export function ingestBuffer(bytes: Buffer, opts: IngestOptions): Promise<IngestResult> {
  if (isZip(bytes)) return withRestarts(opts, async (o) => (await xlsxReader()).ingestXlsx({ buffer: bytes }, o));
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += CHUNK_BYTES) yield bytes.subarray(i, i + CHUNK_BYTES);
  }
  return withRestarts(opts, (o) => ingestStream(chunks(), o));
}

/**
 * Bytes in, typed columns and an honest report out (DESIGN §3). Throws IngestError when nothing can be
 * imported. A stream is read once: with `segmentRows`, use ingestFile or ingestBuffer (an import may restart).
 */
export async function ingestStream(source: AsyncIterable<Buffer>, opts: IngestOptions, onDisk?: { path: string; size: number }): Promise<IngestResult> {
  const inner = source[Symbol.asyncIterator]();
  try {
    const file = await readHead(inner);
    if (isZip(file.head)) return await (await xlsxReader()).ingestXlsxStream(file.head, file.rest, file.hash, opts, () => inner.return?.());
    return await ingestCsv({ ...file, file: onDisk }, opts);
  } finally {
    // The source is closed however the import ends (a file read part way, then failed, keeps no descriptor open).
    await inner.return?.();
  }
}

/** Reads up to HEAD_BYTES, hashing every byte read now or later. */
async function readHead(inner: AsyncIterator<Buffer>): Promise<HeadAndRest> {
  const hash = createHash('sha256');
  const iterator = {
    async next(): Promise<IteratorResult<Buffer>> {
      const r = await inner.next();
      if (!r.done) hash.update(r.value);
      return r;
    },
    /** Closes the file (the rest is read otherwise: csv/hash-rest.ts). */
    async return(): Promise<unknown> {
      return inner.return?.();
    },
  };
  const headChunks: Buffer[] = [];
  let headSize = 0;
  while (headSize < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) return { head: Buffer.concat(headChunks), rest: null, hash };
    // A chunk may be a view of a buffer the next read reuses (fileChunks).
    headChunks.push(Buffer.from(next.value));
    headSize += next.value.length;
  }
  return { head: Buffer.concat(headChunks), rest: iterator, hash };
}
