import { closeSync, fstatSync, fsyncSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createHash } from 'node:crypto';
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
 */
export class ArrowBatchWriter {
  private readonly writer = new RecordBatchStreamWriter();
  private readonly hash = createHash('sha256');
  private readonly fd: number;
  private readonly pump: Promise<void>;
  private schema: Schema | null = null;
  private failure: unknown = null;
  private bytes = 0;
  private done = false;
  /** The last chunk out of the writer, hashed when the next comes: the end-of-stream marker stays out when streams follow. */
  private held: Uint8Array | null = null;
  /** Streams taken by `appendStream` (files this writer now owns, and where their messages start), copied in order after its own batches. */
  private readonly tails: { path: string; messagesFrom: number }[] = [];
  rows = 0;

  constructor(private readonly tmp: string) {
    this.fd = openSync(tmp, 'wx', 0o600);
    this.pump = this.drain();
  }

  append(table: ColumnTable): void {
    if (this.done) throw new Error('ArrowBatchWriter: append after finish or abort');
    if (this.failure) throw this.failure;
    if (this.tails.length) throw new Error('ArrowBatchWriter: append after appendStream');
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
    const schema = this.schema ? Buffer.from(schemaMessage(this.schema)) : null;
    if (!schema || !schema.equals(streamSchemaMessage(path))) return null;
    const taken = `${this.tmp}.${this.tails.length + 1}`;
    renameSync(path, taken);
    this.tails.push({ path: taken, messagesFrom: schema.byteLength });
    this.rows += rows;
    return taken;
  }

  /** Completes the file and renames it to `path` (on the same file system); `afterRename` fsyncs the folder. */
  async finishAt(path: string, afterRename: () => void): Promise<WrittenFile> {
    if (this.done) throw new Error('ArrowBatchWriter: finished twice');
    this.done = true;
    try {
      if (!this.schema) throw new Error('ArrowBatchWriter: no batch was written');
      await this.complete();
      fsyncSync(this.fd);
      closeSync(this.fd);
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
    return { path, bytes: this.bytes, sha256: this.hash.digest('hex') };
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
    this.writer.finish();
    await this.pump;
    if (this.failure) throw this.failure;
    const eos = this.held;
    this.held = null;
    if (!this.tails.length) {
      if (eos) this.hash.update(eos);
      return;
    }
    if (!eos || !Buffer.from(eos).equals(END_OF_STREAM)) throw new Error('ArrowBatchWriter: the stream did not end with its end-of-stream marker');
    let at = this.bytes - eos.byteLength;
    this.tails.forEach((tail, i) => {
      at = this.copyMessages(tail, at, i === this.tails.length - 1);
      rmSync(tail.path, { force: true });
    });
    this.bytes = at;
    this.tails.length = 0;
  }

  /** Copies the messages of a taken stream file (after its schema) to offset `at` of this file; returns the end. */
  private copyMessages(tail: { path: string; messagesFrom: number }, at: number, withEnd: boolean): number {
    const fd = openSync(tail.path, 'r');
    try {
      const buf = Buffer.allocUnsafe(COPY_CHUNK);
      let pos = tail.messagesFrom;
      const end = fstatSync(fd).size - (withEnd ? 0 : END_OF_STREAM.byteLength);
      while (pos < end) {
        const n = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
        if (n === 0) throw new Error(`ArrowBatchWriter: ${tail.path} ended early`);
        this.writeAt(buf.subarray(0, n), at);
        pos += n;
        at += n;
      }
      return at;
    } finally {
      closeSync(fd);
    }
  }

  private writeAt(chunk: Uint8Array, at: number): void {
    let offset = 0;
    while (offset < chunk.byteLength) offset += writeSync(this.fd, chunk, offset, chunk.byteLength - offset, at + offset);
    this.hash.update(chunk);
  }

  /** Moves the writer's queued bytes to the file as they come (the queue then holds at most a batch or two). */
  private async drain(): Promise<void> {
    try {
      for await (const chunk of this.writer) {
        let offset = 0;
        while (offset < chunk.byteLength) offset += writeSync(this.fd, chunk, offset, chunk.byteLength - offset);
        if (this.held) this.hash.update(this.held);
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
    for (const tail of this.tails) rmSync(tail.path, { force: true });
  }
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
