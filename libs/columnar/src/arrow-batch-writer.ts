import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createHash, type Hash } from 'node:crypto';
import { RecordBatchStreamWriter, type Schema } from 'apache-arrow';
import { arrowBatch, arrowSchema } from './arrow-io';
import type { ColumnTable } from './column';
import type { WrittenFile } from './column-store';
import { readStreamBatches } from './stream-batches';

/**
 * Writes an import's rows batch by batch as an Arrow IPC stream into a temporary file, so memory is
 * bounded by one batch whatever the size of the import. Each batch carries its own dictionaries (the
 * stream format allows a dictionary per batch; the file format does not). `finishAt` fsyncs and
 * renames the file into place; `abort` removes it.
 *
 * `appendStream` takes a whole stream written by another writer with the same schema (a second
 * thread's part of a file) without decoding it: its messages are copied after this stream's at the end.
 * `copyAhead` copies such a stream's first bytes while it is still being written (its own writer
 * `close`s it in place, unhashed), so that less is left to copy at the end.
 */
export class ArrowBatchWriter {
  private readonly writer = new RecordBatchStreamWriter();
  /** Null for a stream another writer takes (`close`): nobody reads its digest. */
  private readonly hash: Hash | null;
  private readonly fd: number;
  private readonly pump: Promise<void>;
  private schema: Schema | null = null;
  private failure: unknown = null;
  private bytes = 0;
  private done = false;
  /** The last chunk out of the writer, hashed when the next comes: the end-of-stream marker stays out when streams follow. */
  private held: Uint8Array | null = null;
  /** Streams taken by `appendStream` (files this writer now owns), copied in order after its own batches. */
  private readonly tails: StreamCopy[] = [];
  /** A stream still being written elsewhere whose first bytes are copied already (`copyAhead`); `appendStream` takes it. */
  private ahead: StreamCopy | null = null;
  /** Once its own stream has ended (its end marker left out, streams follow): where the next copied byte goes. */
  private copyAt: number | null = null;
  /** Taken stream files once copied, being removed by the thread pool (a large file takes a while): waited for before the rename. */
  private removing: Promise<unknown> = Promise.resolve();
  rows = 0;

  /** `digest: false` for a stream another writer takes (`close`): it hashes nothing. */
  constructor(
    private readonly tmp: string,
    { digest = true }: { digest?: boolean } = {},
  ) {
    this.hash = digest ? createHash('sha256') : null;
    this.fd = openSync(tmp, 'wx', 0o600);
    this.pump = this.drain();
  }

  /** Bytes on file so far (each a final byte of the stream: its end marker comes only with `close` or `finishAt`). */
  get written(): number {
    return this.bytes;
  }

  append(table: ColumnTable): void {
    if (this.done) throw new Error('ArrowBatchWriter: append after finish or abort');
    if (this.failure) throw this.failure;
    if (this.tails.length || this.ahead) throw new Error('ArrowBatchWriter: append after appendStream');
    this.schema ??= arrowSchema(table);
    this.writer.write(arrowBatch(this.schema, table));
    this.rows += table.length;
  }

  /**
   * Takes the Arrow IPC stream file at `path` (`rows` rows, written by another ArrowBatchWriter) as the
   * rest of this stream, moving the file next to this one (returns its new path, to be read until the
   * writer finishes); nothing may be appended after it. Returns null, leaving the file where it is,
   * when this writer has no batch yet or the schemas differ in any byte (then the caller appends the
   * batches decoded).
   */
  appendStream(path: string, rows: number): string | null {
    if (this.done) throw new Error('ArrowBatchWriter: appendStream after finish or abort');
    if (this.failure) throw this.failure;
    const ahead = this.ahead;
    if (ahead && ahead.path !== path) throw new Error('ArrowBatchWriter: the stream copied ahead is taken first');
    const copied = ahead?.copied ?? this.messagesStart(path);
    if (copied === null) return null;
    const taken = `${this.tmp}.${this.tails.length + 1}`;
    renameSync(path, taken);
    this.tails.push({ path: taken, fd: ahead?.fd ?? null, copied });
    this.ahead = null;
    this.rows += rows;
    return taken;
  }

  /**
   * The stream file at `path`, still being written by another ArrowBatchWriter, is to be taken by
   * `appendStream` later: ends this writer's own stream (nothing may be appended after) and copies the
   * first `written` bytes of that file now (all final: its writer's `written`). Returns false, copying
   * nothing, when `appendStream` would refuse it (no batch yet, another schema, or no schema written
   * yet), or when a stream was taken already; the caller then simply takes it at the end.
   */
  async copyAhead(path: string, written: number): Promise<boolean> {
    if (this.done) throw new Error('ArrowBatchWriter: copyAhead after finish or abort');
    if (this.failure) throw this.failure;
    let ahead = this.ahead;
    if (ahead && ahead.path !== path) throw new Error('ArrowBatchWriter: copyAhead of a second stream before the first is taken');
    if (!ahead) {
      const messagesFrom = this.tails.length ? null : this.messagesStart(path);
      if (messagesFrom === null) return false;
      await this.endOwnStream();
      ahead = this.ahead = { path, fd: openSync(path, 'r'), copied: messagesFrom };
    }
    this.copy(ahead, written);
    return true;
  }

  /** Completes the file and renames it to `path` (on the same file system); `afterRename` fsyncs the folder. */
  async finishAt(path: string, afterRename: () => void): Promise<WrittenFile> {
    if (this.done) throw new Error('ArrowBatchWriter: finished twice');
    if (!this.hash) throw new Error('ArrowBatchWriter: a stream without digest is closed, not finished');
    this.done = true;
    try {
      if (!this.schema) throw new Error('ArrowBatchWriter: no batch was written');
      await this.complete();
      fsyncSync(this.fd);
      closeSync(this.fd);
      await this.removing;
    } catch (e) {
      this.discard();
      throw e;
    }
    try {
      renameSync(this.tmp, path);
    } catch (e) {
      rmSync(this.tmp, { force: true });
      throw e;
    }
    afterRename();
    return { path, bytes: this.bytes, sha256: this.hash!.digest('hex') };
  }

  /** Completes a stream written for another writer to take (`digest: false`) where it is: no fsync (a temporary file), no rename. */
  async close(): Promise<void> {
    if (this.done) throw new Error('ArrowBatchWriter: closed twice');
    this.done = true;
    try {
      if (!this.schema) throw new Error('ArrowBatchWriter: no batch was written');
      await this.complete();
      closeSync(this.fd);
    } catch (e) {
      this.discard();
      throw e;
    }
  }

  /**
   * Completes this file and copies it batch by batch into a new temporary file (`tmp`) through
   * `transform` (which may drop rows); this writer's file is removed. Returns the new writer, open.
   */
  async rewrite(tmp: string, transform: (batch: ColumnTable) => ColumnTable): Promise<ArrowBatchWriter> {
    if (this.done) throw new Error('ArrowBatchWriter: rewrite after finish or abort');
    this.done = true;
    const next = new ArrowBatchWriter(tmp);
    try {
      if (this.schema) {
        await this.complete();
        await this.removing;
        await readStreamBatches(this.tmp, (batch) => {
          const table = transform(batch);
          if (table.length > 0 || next.rows === 0) next.append(table);
        });
      }
    } catch (e) {
      next.abort();
      throw e;
    } finally {
      this.discard();
    }
    return next;
  }

  abort(): void {
    if (this.done) return;
    this.done = true;
    this.writer.abort();
    this.discard();
  }

  /** Ends this writer's stream, then copies the streams taken after it, each without its schema and all but the last without its end marker. */
  private async complete(): Promise<void> {
    if (this.copyAt === null && !this.tails.length) {
      this.writer.finish();
      await this.pump;
      if (this.failure) throw this.failure;
      if (this.held) this.hash?.update(this.held);
      this.held = null;
      return;
    }
    await this.endOwnStream();
    if (this.ahead) throw new Error('ArrowBatchWriter: a stream copied ahead was not taken');
    const removals: Promise<unknown>[] = [];
    try {
      this.tails.forEach((tail, i) => {
        const size = fstatSync((tail.fd ??= openSync(tail.path, 'r'))).size;
        this.copy(tail, size - (i === this.tails.length - 1 ? 0 : END_OF_STREAM.byteLength));
        closeSync(tail.fd!);
        tail.fd = null;
        removals.push(rm(tail.path, { force: true }));
      });
    } finally {
      this.removing = Promise.all(removals);
      this.removing.catch(() => {}); // waited for by finishAt and rewrite; not after a failure here
    }
    this.bytes = this.copyAt!;
    this.tails.length = 0;
  }

  /** Ends this writer's own stream without its end marker (streams follow it; the marker is not hashed): copies go where it was. */
  private async endOwnStream(): Promise<void> {
    if (this.copyAt !== null) return;
    this.writer.finish();
    await this.pump;
    if (this.failure) throw this.failure;
    const eos = this.held;
    this.held = null;
    if (!eos || !Buffer.from(eos).equals(END_OF_STREAM)) throw new Error('ArrowBatchWriter: the stream did not end with its end-of-stream marker');
    this.copyAt = this.bytes - eos.byteLength;
  }

  /** Where the messages of the stream file at `path` start (after its schema), or null when its schema is not this writer's (or not written yet). */
  private messagesStart(path: string): number | null {
    const schema = this.schema ? Buffer.from(schemaMessage(this.schema)) : null;
    return schema && schema.equals(streamSchemaMessage(path)) ? schema.byteLength : null;
  }

  /** Copies a stream's bytes from where its copy stopped up to `end` to the end of this file (hashed in order). */
  private copy(stream: StreamCopy, end: number): void {
    const fd = (stream.fd ??= openSync(stream.path, 'r'));
    const buf = Buffer.allocUnsafe(Math.min(COPY_CHUNK, Math.max(end - stream.copied, 0)));
    let at = this.copyAt!;
    while (stream.copied < end) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, end - stream.copied), stream.copied);
      if (n === 0) throw new Error(`ArrowBatchWriter: ${stream.path} ended early`);
      this.writeAt(buf.subarray(0, n), at);
      stream.copied += n;
      at += n;
    }
    this.copyAt = at;
  }

  private writeAt(chunk: Uint8Array, at: number): void {
    let offset = 0;
    while (offset < chunk.byteLength) offset += writeSync(this.fd, chunk, offset, chunk.byteLength - offset, at + offset);
    this.hash?.update(chunk);
  }

  /** Moves the writer's queued bytes to the file as they come (the queue then holds at most a batch or two). */
  private async drain(): Promise<void> {
    try {
      for await (const chunk of this.writer) {
        let offset = 0;
        while (offset < chunk.byteLength) offset += writeSync(this.fd, chunk, offset, chunk.byteLength - offset);
        if (this.held) this.hash?.update(this.held);
        this.held = chunk;
        this.bytes += chunk.byteLength;
      }
    } catch (e) {
      this.failure ??= e;
    }
  }

  private discard(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.tmp, { force: true });
    // The stream copied ahead is not this writer's file yet: only its descriptor goes.
    for (const stream of [...this.tails, ...(this.ahead ? [this.ahead] : [])]) if (stream.fd !== null) closeSync(stream.fd);
    for (const tail of this.tails) rmSync(tail.path, { force: true });
    this.ahead = null;
  }
}

/** A stream file copied after this writer's own stream: how far its bytes are copied (from after its schema), its descriptor once open. */
interface StreamCopy {
  path: string;
  fd: number | null;
  copied: number;
}

const COPY_CHUNK = 4 << 20;
const END_OF_STREAM = Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]);

/** The schema message a stream writer starts `schema`'s stream with. */
function schemaMessage(schema: Schema): Uint8Array {
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, schema);
  return writer.toUint8Array(true);
}

/** The first message of the stream file at `path` (its schema): continuation marker, length, flatbuffer. */
function streamSchemaMessage(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(8);
    if (readSync(fd, head, 0, 8, 0) < 8 || head.readInt32LE(0) !== -1) return Buffer.alloc(0);
    const message = Buffer.alloc(8 + head.readInt32LE(4));
    return readSync(fd, message, 0, message.length, 0) === message.length ? message : Buffer.alloc(0);
  } finally {
    closeSync(fd);
  }
}
